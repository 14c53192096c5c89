// The scanner, parseNumber and the background's message check read numbers by one grammar
// (lib/number/grammar.ts): on the same digits they agree, and nothing over 15 digits is E.164 anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLING_CODE_COUNTRIES } from '@/lib/data/calling-code-countries';
import { CALLING_CODES } from '@/lib/data/calling-codes';
import { E164_PATTERN } from '@/lib/number/grammar';
import { parseNumber } from '@/lib/number/parse-number';
import { scanText } from '@/lib/number/scan-text';

/** What each reader makes of `+digits`: the E.164 number, or null. */
function readings(digits: string) {
  const found = scanText(`Call +${digits} now`);
  const parsed = parseNumber(`+${digits}`);
  return {
    scanner: found.length === 1 && found[0]?.raw === `+${digits}` ? found[0].e164 : null,
    parser: parsed.kind === 'invalid' ? null : parsed.e164,
  };
}

describe('one number grammar', () => {
  it('an international number is 8 to 15 digits, calling code included, for scanner and parser alike', () => {
    // +44 (GB), +353 (IE), +7 (RU): every length from 1 to 20 digits.
    for (const code of ['44', '353', '7']) {
      for (let length = 1; length <= 20; length++) {
        const digits = `${code}2079460958123456789012`.slice(0, length);
        const { scanner, parser } = readings(digits);
        const want = length >= 8 && length <= 15 && digits.startsWith(code) ? `+${digits}` : null;
        expect({ length, scanner, parser }).toEqual({ length, scanner: want, parser: want });
      }
    }
  });

  it('the 16-digit string of issue 13 is a number for nobody', () => {
    expect(readings('4150415415000134')).toEqual({ scanner: null, parser: null });
    expect(E164_PATTERN.test('+4150415415000134')).toBe(false);
    expect(E164_PATTERN.test('+415041541500013')).toBe(true);
  });

  it('on any plus and digits, scanner and parser agree, and what they read the background accepts', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{0,18}$/), (digits) => {
        const { scanner, parser } = readings(digits);
        expect(scanner).toBe(parser);
        if (scanner) {
          read++;
          expect(scanner).toMatch(E164_PATTERN);
        }
      }),
      { seed: 0x9a33a7, numRuns: 4000 },
    );
    expect(read).toBeGreaterThan(500);
  });

  it('NANP numbers: both readers apply the same area-code and exchange rule', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{3}$/), (npa, nxx) => {
        const text = `${npa}-${nxx}-0134`;
        const scanned = scanText(text)[0]?.e164 ?? null;
        const parsed = parseNumber(text);
        expect(scanned).toBe(parsed.kind === 'nanp' ? parsed.e164 : null);
      }),
      { seed: 0x4150134, numRuns: 3000 },
    );
  });
});

describe('calling codes', () => {
  it('the code list and the countries table hold the same codes, and no code is a prefix of another', () => {
    const codes = [...CALLING_CODES].sort();
    expect(codes).toEqual(Object.keys(CALLING_CODE_COUNTRIES).sort());
    expect(codes.length).toBeGreaterThan(200);
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });
});
