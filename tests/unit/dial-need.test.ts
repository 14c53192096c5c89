// The dial check's decision (issue #15 item 2, #16 item 2): which dials ask first, and how strongly.
import { describe, expect, it } from 'vitest';
import { type DialInfo, dialNeed, dialTarget, firstSentence } from '@/lib/page/dial-need';

const open = { allowed: true, binding: true } as const;
const closed = { allowed: false, binding: true } as const;
const onePartyOpen: DialInfo = { consent: 'one-party', calling: open };

describe('dialNeed', () => {
  it("'risky' (default): a one-party number in open hours dials straight through", () => {
    expect(dialNeed('risky', [onePartyOpen], false)).toBe('none');
    expect(dialNeed('risky', [{ consent: 'one-party' }], false)).toBe('none');
    // Hours unknown, or information only (the purpose is exempt): no check for hours alone.
    expect(dialNeed('risky', [{ consent: 'one-party', calling: { allowed: null, binding: true } }], false)).toBe(
      'none',
    );
    expect(dialNeed('risky', [{ consent: 'one-party', calling: { allowed: false, binding: false } }], false)).toBe(
      'none',
    );
  });
  it("'risky': all-party, unknown, unsettled, not answered, closed or partly open hours ask", () => {
    expect(dialNeed('risky', [{ consent: 'all-party', calling: open }], false)).toBe('check');
    expect(dialNeed('risky', [{ consent: 'unknown' }], false)).toBe('check');
    expect(dialNeed('risky', [{ consent: 'one-party', ambiguous: true }], false)).toBe('check');
    expect(dialNeed('risky', [], false)).toBe('check');
    expect(dialNeed('risky', [{ consent: 'one-party', calling: closed }], false)).toBe('check');
    expect(dialNeed('risky', [{ consent: 'one-party', calling: { allowed: 'partly', binding: true } }], false)).toBe(
      'check',
    );
    // One of the number's answers (another record place) is risky: the dial asks.
    expect(dialNeed('risky', [onePartyOpen, { consent: 'all-party' }], false)).toBe('check');
  });
  it("'all' asks for every number; 'off' for none", () => {
    expect(dialNeed('all', [onePartyOpen], false)).toBe('check');
    expect(dialNeed('off', [{ consent: 'all-party', calling: closed }], false)).toBe('none');
    expect(dialNeed('off', [], false)).toBe('none');
  });
  it('do-not-call (company list or the record on the page) always asks for explicit confirmation', () => {
    for (const setting of ['risky', 'all', 'off'] as const) {
      expect(dialNeed(setting, [{ ...onePartyOpen, dnc: 'company' }], false)).toBe('confirm');
      expect(dialNeed(setting, [{ ...onePartyOpen, dnc: 'record' }], false)).toBe('confirm');
      expect(dialNeed(setting, [onePartyOpen], true)).toBe('confirm');
      expect(dialNeed(setting, [], true)).toBe('confirm');
    }
  });
});

describe('dialTarget', () => {
  it('reads tel: and callto: addresses, escapes decoded, parameters dropped', () => {
    expect(dialTarget('tel:+1-415-555-0100')).toBe('+1-415-555-0100');
    expect(dialTarget(' TEL:%2B1%20212%20555%200100')).toBe('+1 212 555 0100');
    expect(dialTarget('callto://+14155550100')).toBe('+14155550100');
    expect(dialTarget('callto:4155550100?call')).toBe('4155550100');
    expect(dialTarget('tel:%E0%A4%A')).toBe('%E0%A4%A');
  });
  it('anything else is no dial', () => {
    expect(dialTarget('https://example.com/tel:123')).toBeNull();
    expect(dialTarget('mailto:a@b.c')).toBeNull();
    expect(dialTarget('javascript:tel:1')).toBeNull();
  });
});

describe('firstSentence', () => {
  it('is the first sentence, or the whole text', () => {
    expect(firstSentence('This call is recorded. Is that all right?')).toBe('This call is recorded.');
    expect(firstSentence('¿Está bien grabar? Gracias.')).toBe('¿Está bien grabar?');
    expect(firstSentence('No stop here')).toBe('No stop here');
    expect(firstSentence('Dr.Smith calls. Ok')).toBe('Dr.Smith calls.');
  });
});
