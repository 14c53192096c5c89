import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberByRegex, plainNanpE164 } from '@/lib/number/parse-number';

describe('parseNumber', () => {
  it.each([
    ['(415) 555-0134', '+14155550134'],
    ['415.555.0134', '+14155550134'],
    ['+1 415 555 0134', '+14155550134'],
    ['1-415-555-0134', '+14155550134'],
    ['011 1 415 555 0134', '+14155550134'],
    ['415\u2011555\u20110134', '+14155550134'],
    ['\u202a415\u00a0555\u20090134\u202c', '+14155550134'],
    ['tel:%2B14155550134', '+14155550134'],
    ['1-800-FLOWERS', '+18003569377'],
  ])('reads %j as NANP %s', (input, e164) => {
    expect(parseNumber(input)).toMatchObject({ kind: 'nanp', e164 });
  });

  it.each([
    ['415-555-0134 ext. 12', '12'],
    ['415-555-0134 x7', '7'],
    ['415-555-0134 poste 301', '301'],
    ['+14155550134;ext=44', '44'],
    ['4155550134,,99', '99'],
  ])('keeps the extension of %j apart', (input, ext) => {
    expect(parseNumber(input)).toMatchObject({ kind: 'nanp', e164: '+14155550134', ext });
  });

  it.each([
    ['+44 20 7946 0958', '44', 'GB'],
    ['+33 1 23 45 67 89', '33', 'FR'],
    ['0049 30 1234567', '49', 'DE'],
  ])('reads %j as international, calling code %s', (input, callingCode, country) => {
    const result = parseNumber(input);
    expect(result).toMatchObject({ kind: 'international', callingCode });
    expect(result.kind === 'international' && result.countries).toContain(country);
  });

  it.each([
    ['', 'Empty'],
    ['555-0134', 'area code is missing'],
    ['(115) 555-0134', 'start with 2-9'],
    ['(415) 155-0134', 'start with 2-9'],
    ['(911) 555-0134', 'N11'],
    ['hello', 'characters other than digits'],
    ['+999 1234 5678', 'not a country calling code'],
    ['4'.repeat(80), 'Longer than'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = parseNumber(input);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });
});

describe('parseNumber: the fast path for plain input', () => {
  // Plain input (ASCII digits and separators, a leading `+`) is read in one pass over its char codes,
  // everything else by regex: both must read any input alike, reasons included.
  const plain = fc.string({ unit: fc.constantFrom(...'0123456789+ -.()/\t'), maxLength: 24 });
  const longPlain = fc.string({ unit: fc.constantFrom(...'0123456789 -'), minLength: 60, maxLength: 70 });
  const numberLike = fc.stringMatching(/^\s?\+?(011|00)?1?[ (]?\d{3}[ ).-]{0,2}\d{3}[ .-]?\d{4}( ?x ?\d{1,3})?\s?$/);
  const inputs = fc.oneof(plain, longPlain, numberLike, fc.string());

  it('reads every input as the regex path does', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(parseNumber(input)).toStrictEqual(parseNumberByRegex(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('plainNanpE164 gives the E.164 form of a NANP number without extension, or nothing', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const e164 = plainNanpE164(input);
        if (e164 !== undefined) {
          expect(parseNumberByRegex(input)).toStrictEqual({ kind: 'nanp', e164, npa: e164.slice(2, 5) });
        }
      }),
      { numRuns: 5000 },
    );
    expect(plainNanpE164('+1 (415) 555-0134')).toBe('+14155550134');
    expect(plainNanpE164('415-555-0134 x7')).toBeUndefined();
  });
});
