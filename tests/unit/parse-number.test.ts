import { describe, expect, it } from 'vitest';
import { parseNumber } from '@/lib/parse-number';

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
