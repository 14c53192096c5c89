import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '@/lib/data/jurisdictions';
import { classify, POLICIES, type Policy } from '@/lib/law/classify';
import { AGENT_REGIONS } from '@/lib/law/jurisdiction-index';

// Noon in New York on a November weekday: every US zone is inside 8 am-9 pm except Hawaii's morning edge.
const AT = new Date('2026-11-27T17:00:00Z');

describe('classify: the callee', () => {
  it.each([
    // number, regions, requirement, treatAs, ambiguous
    ['(415) 555-0134', ['CA'], 'all-party', 'all-party', false], // Cal. Penal Code 632/632.7
    ['(203) 555-0134', ['CT'], 'all-party', 'all-party', false], // civil § 52-570d governs phone calls
    ['(302) 555-0134', ['DE'], 'one-party', 'all-party', true], // § 2402 vs § 1335
    ['(305) 555-0134', ['FL'], 'all-party', 'all-party', false],
    ['(312) 555-0134', ['IL'], 'all-party', 'all-party', false], // 2014 amendment
    ['(410) 555-0134', ['MD'], 'all-party', 'all-party', false],
    ['(617) 555-0134', ['MA'], 'all-party', 'all-party', false],
    ['(313) 555-0134', ['MI'], 'one-party', 'all-party', true], // Sullivan v. Gray vs the statute's words
    ['(406) 555-0134', ['MT'], 'all-party', 'all-party', false],
    ['(702) 555-0134', ['NV'], 'all-party', 'all-party', false], // phone calls: Lane v. Allstate
    ['(603) 555-0134', ['NH'], 'all-party', 'all-party', false],
    ['(503) 555-0134', ['OR'], 'one-party', 'one-party', false], // phone one-party; in person differs
    ['(215) 555-0134', ['PA'], 'all-party', 'all-party', false],
    ['(206) 555-0134', ['WA'], 'all-party', 'all-party', false],
    ['(802) 555-0134', ['VT'], 'one-party', 'one-party', false], // no statute: the federal rule
    ['(808) 555-0134', ['HI'], 'one-party', 'one-party', false],
    ['(212) 555-0134', ['NY'], 'one-party', 'one-party', false],
    ['(214) 555-0134', ['TX'], 'one-party', 'one-party', false],
    ['(787) 555-0134', ['PR'], 'all-party', 'all-party', true],
    ['(671) 555-0134', ['GU'], 'unknown', 'all-party', false],
    ['(416) 555-0134', ['ON'], 'one-party', 'one-party', false], // Criminal Code; PIPEDA notice duty
  ] as const)('%s → %j %s (treat as %s)', (number, regions, requirement, treatAs, ambiguous) => {
    const result = classify(number, { at: AT });
    expect(result).toMatchObject({ kind: 'nanp', regions, requirement, treatAs, ambiguous });
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.caveats.join(' ')).toContain('not where the person is now');
  });

  it('Canada: one-party with the business notice in the reasons, never "unsettled"', () => {
    const result = classify('(416) 555-0134', { at: AT });
    expect(result).toMatchObject({ treatAs: 'one-party', action: 'announce', ambiguous: false });
    expect(result.reasons[0]).toBe(
      'Area code 416 was issued in Ontario, where one party to a phone call may record it.',
    );
    expect(result.reasons[1]).toMatch(
      /^A business must tell the caller at the start of every call, inbound or outbound/,
    );
    expect(result.reasons.join(' ')).not.toMatch(/unsettled/);
    // The agent's own notice duty counts too (an Ontario agent calling Texas), said once.
    const out = classify('(214) 555-0134', { agentRegion: 'ON', at: AT });
    expect(out.reasons.filter((r) => r.startsWith('A business must tell'))).toHaveLength(1);
    expect(classify('(514) 555-0134', { at: AT }).reasons.join(' ')).toMatch(/withdraw their consent/);
  });

  it('numbering: 456 is not assigned any more, 644/655/677/688 are reserved and not in service, 761 is Kentucky', () => {
    expect(classify('(456) 555-0134', { at: AT })).toMatchObject({ kind: 'invalid', action: 'do-not-record' });
    expect(classify('(456) 555-0134', { at: AT }).reasons[0]).toBe(
      'Area code 456 is not in service in the North American Numbering Plan (area codes checked to 2026-12-03).',
    );
    for (const npa of ['644', '655', '677', '688']) {
      const result = classify(`(${npa}) 555-0134`, { at: AT });
      expect(result, npa).toMatchObject({ kind: 'invalid', action: 'do-not-record' });
      expect(result.reasons[0], npa).toMatch(/reserved for Canadian non-geographic services and not in service/);
    }
    expect(classify('(600) 555-0134', { at: AT }).kind).toBe('nanp');
    expect(classify('(761) 555-0134', { at: AT })).toMatchObject({ regions: ['KY'], treatAs: 'one-party' });
  });

  it('555-0100 to 555-0199 are badged as usual, and the reasons say they are fictional', () => {
    const fictional = classify('(212) 555-0142', { at: AT });
    expect(fictional).toMatchObject({ kind: 'nanp', regions: ['NY'], treatAs: 'one-party' });
    expect(fictional.reasons.at(-1)).toMatch(/^The line 555-0100 to 555-0199 is reserved for fictional use/);
    for (const real of ['(212) 555-0200', '(212) 555-0099', '(212) 555-1234', '(212) 556-0142']) {
      expect(classify(real, { at: AT }).reasons.join(' '), real).not.toMatch(/fictional/);
    }
  });

  it('+7 takes its country from the number: Moscow is Russia, 7xx is Kazakhstan', () => {
    const moscow = classify('+7 495 123 45 67', { at: AT });
    expect(moscow).toMatchObject({ kind: 'international', country: 'RU' });
    expect(moscow.reasons[0]).toMatch(/^\+7 is Russia \(RU\), outside North America/);
    const almaty = classify('+7 727 123 45 67', { at: AT });
    expect(almaty).toMatchObject({ kind: 'international', country: 'KZ' });
    expect(almaty.reasons[0]).toMatch(/^\+7 is Kazakhstan \(KZ\)/);
    // Each keeps its own verdict (the cache is per country, not per calling code).
    expect(classify('+7 916 123 45 67', { at: AT }).country).toBe('RU');
  });

  it('says which rule and why, with the statute', () => {
    const result = classify('415-555-0134', { at: AT });
    expect(result.reasons[0]).toBe(
      'Area code 415 was issued in California, where recording a phone call needs the consent of everyone on it.',
    );
    expect(result.citations.join(' ')).toContain('632');
    expect(result.action).toBe('ask-consent');
    expect(result.e164).toBe('+14155550134');
  });

  it('a code shared by several territories lists them all in one sentence', () => {
    const result = classify('867-555-0134', { at: AT });
    expect(result.regions).toEqual(['YT', 'NT', 'NU']);
    expect(result.reasons[0]).toMatch(/^Area code 867 was issued in Yukon, Northwest Territories, Nunavut, where/);
  });

  it('toll-free, non-geographic, other NANP countries and international numbers are unknown, followed as all-party', () => {
    expect(classify('1-800-555-0134', { at: AT })).toMatchObject({
      kind: 'tollfree',
      requirement: 'unknown',
      treatAs: 'all-party',
    });
    expect(classify('900-555-0134', { at: AT })).toMatchObject({
      kind: 'nanp',
      requirement: 'unknown',
      treatAs: 'all-party',
    });
    expect(classify('876-555-0134', { at: AT })).toMatchObject({
      country: 'JM',
      requirement: 'unknown',
      treatAs: 'all-party',
    });
    const intl = classify('+44 20 7946 0958', { at: AT });
    expect(intl).toMatchObject({ kind: 'international', country: 'GB', e164: '+442079460958', treatAs: 'all-party' });
    expect(intl.reasons[0]).toContain('United Kingdom');
    // The GDPR asks for notice and a lawful basis, not consent as such (legitimate interest usually serves).
    expect(intl.caveats.join(' ')).toMatch(/GDPR requires telling them and a lawful basis, which need not be consent/);
  });

  it('anything that is not a number is invalid, with the reason, and nothing to record', () => {
    expect(classify('banana')).toMatchObject({
      kind: 'invalid',
      e164: null,
      treatAs: 'all-party',
      action: 'do-not-record',
    });
    expect(classify('(370) 555-0134').reasons[0]).toBe(
      'Area code 370 is not in service in the North American Numbering Plan (area codes checked to 2026-12-03).',
    );
  });

  it('keeps the extension apart', () => {
    expect(classify('415-555-0134 ext. 22')).toMatchObject({ e164: '+14155550134', ext: '22' });
  });
});

describe('classify: the agent and the policy', () => {
  it('strictest: an agent in an all-party state makes a one-party callee all-party', () => {
    const result = classify('(212) 555-0134', { agentRegion: 'FL', at: AT });
    expect(result).toMatchObject({ requirement: 'all-party', treatAs: 'all-party' });
    expect(result.reasons).toContain(
      'You are in Florida, where recording a phone call needs the consent of everyone on it.',
    );
    expect(result.rules.map((r) => `${r.role}:${r.code}`)).toEqual(['callee:NY', 'agent:FL', 'callee:US-FED']);
  });

  it("a California agent calling Texas is all-party under every policy (the agent's own law always counts)", () => {
    for (const policy of POLICIES) {
      const result = classify('(512) 555-0134', { agentRegion: 'CA', policy, at: AT });
      expect(result).toMatchObject({ requirement: 'all-party', treatAs: 'all-party', action: 'ask-consent' });
      expect(result.rules.map((r) => `${r.role}:${r.code}`)).toEqual(['callee:TX', 'agent:CA', 'callee:US-FED']);
    }
  });

  it("an unknown or removed policy passed by a caller still counts the agent's law", () => {
    const result = classify('(212) 555-0134', { agentRegion: 'FL', policy: 'callee-only' as Policy, at: AT });
    expect(result).toMatchObject({ treatAs: 'all-party', action: 'ask-consent' });
  });

  it('announce-always: a one-party call is followed as all-party, and the law is still named', () => {
    const result = classify('(212) 555-0134', { agentRegion: 'TX', policy: 'announce-always', at: AT });
    expect(result).toMatchObject({ requirement: 'one-party', treatAs: 'all-party', action: 'ask-consent' });
    expect(result.reasons.join(' ')).toContain('treats every call as all-party');
    // An invalid number is still not a call to record.
    expect(classify('555', { policy: 'announce-always', at: AT }).action).toBe('do-not-record');
  });

  it('an agent in an ambiguous state makes the call ambiguous', () => {
    expect(classify('(212) 555-0134', { agentRegion: 'MI', at: AT })).toMatchObject({
      ambiguous: true,
      treatAs: 'all-party',
    });
  });
});

describe('classify: local time and the calling window', () => {
  it('gives the local time at the callee', () => {
    expect(classify('(415) 555-0134', { at: AT })).toMatchObject({ localTime: '9:00 AM', inCallingWindow: true });
    expect(classify('(212) 555-0134', { at: new Date('2026-11-28T02:30:00Z') })).toMatchObject({
      localTime: '9:30 PM',
      inCallingWindow: false,
    });
  });

  it('Newfoundland keeps its half hour; Saskatchewan and Arizona keep no daylight time', () => {
    const summer = new Date('2026-07-01T16:00:00Z');
    expect(classify('(709) 555-0134', { at: summer }).localTime).toContain('1:30 PM');
    expect(classify('(306) 555-0134', { at: summer }).localTime).toBe('10:00 AM');
    expect(classify('(602) 555-0134', { at: summer }).localTime).toBe('9:00 AM');
  });

  it('a code spanning zones gives a range and "partly" at the edge of the window', () => {
    // 8:30 pm Eastern = 7:30 pm Central: both in. 9:30 pm Eastern = 8:30 pm Central: partly.
    const result = classify('(850) 555-0134', { at: new Date('2026-11-28T02:30:00Z') });
    expect(result.localTime).toBe('8:30 PM – 9:30 PM');
    expect(result.inCallingWindow).toBe('partly');
  });

  it('has no local time for toll-free and international numbers', () => {
    expect(classify('800-555-0134', { at: AT })).toMatchObject({ localTime: null, inCallingWindow: null });
  });
});

describe('classify: properties', () => {
  const numbers = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^\+?1?[2-9]\d{2}[2-9]\d{6}$/),
    fc.constantFrom('(415) 555-0134', '800-555-0134', '+44 20 7946 0958', '867-555-0134', '302-555-0134'),
  );
  const regions = fc.option(fc.constantFrom(...AGENT_REGIONS), { nil: undefined });

  it('classifies any string without throwing, and never follows unknown as one-party', () => {
    fc.assert(
      fc.property(numbers, regions, (number, agentRegion) => {
        const result = classify(number, { agentRegion, at: AT });
        if (result.requirement === 'unknown' || result.ambiguous) expect(result.treatAs).toBe('all-party');
        if (result.treatAs === 'one-party') expect(result.requirement).toBe('one-party');
      }),
      { numRuns: 2000 },
    );
  });

  it('plain numbers, read on the fast path, classify as they do through the regex path', () => {
    // A trailing no-break space is trimmed by the regex path but sends the input there.
    const plain = fc.oneof(
      fc.stringMatching(/^\+?1?[ (]?\d{3}[ ).-]{0,2}\d{3}[ .-]?\d{4}$/),
      fc.string({ unit: fc.constantFrom(...'0123456789+ -()'), maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        plain,
        regions,
        fc.constantFrom<Policy | undefined>(undefined, ...POLICIES),
        (number, agentRegion, policy) => {
          const context = { agentRegion, policy, at: AT };
          expect(classify(number, context)).toStrictEqual({ ...classify(`${number}\u00a0`, context), input: number });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('adding an all-party party never relaxes the answer', () => {
    const allParty = JURISDICTIONS.filter((j) => j.requirement === 'all-party' && /^[A-Z]{2}$/.test(j.code)).map(
      (j) => j.code,
    );
    fc.assert(
      fc.property(numbers, fc.constantFrom(...allParty), (number, agentRegion) => {
        const alone = classify(number, { at: AT });
        const withAgent = classify(number, { agentRegion, at: AT });
        if (alone.kind !== 'invalid') expect(withAgent.treatAs).toBe('all-party');
        if (alone.treatAs === 'all-party') expect(withAgent.treatAs).toBe('all-party');
      }),
      { numRuns: 1000 },
    );
  });
});
