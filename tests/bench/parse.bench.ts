import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { classify } from '@/lib/law/classify';
import { parseNumber } from '@/lib/number/parse-number';
import { type Budget, measure } from './measure';

/** 100,000 numbers in the forms agents paste, the same list for both parsers. */
export function sampleNumbers(count = 100_000): string[] {
  const forms = [
    (a: string, b: string, c: string) => `(${a}) ${b}-${c}`,
    (a: string, b: string, c: string) => `${a}-${b}-${c}`,
    (a: string, b: string, c: string) => `+1 ${a} ${b} ${c}`,
    (a: string, b: string, c: string) => `${a}.${b}.${c}`,
  ];
  const npas = ['415', '212', '305', '503', '617', '702', '808', '907', '416', '514'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const form = forms[i % forms.length] ?? forms[0];
    out.push(
      form?.(npas[i % npas.length] ?? '415', String(200 + (i % 700)), String(i % 10_000).padStart(4, '0')) ?? '',
    );
  }
  return out;
}

const AT = new Date('2026-11-27T17:00:00Z');

export function parseBenchmarks(): Budget[] {
  const numbers = sampleNumbers();
  return [
    {
      label: 'parseNumber vs libphonenumber-js parsePhoneNumberFromString (100k numbers)',
      subject: measure('parseNumber', () => numbers.map(parseNumber), 5),
      baseline: measure('libphonenumber-js', () => numbers.map((n) => parsePhoneNumberFromString(n, 'US')), 3),
      kind: 'faster-by-at-least',
      target: 5,
    },
    {
      // Issue budget: the whole rules engine (law, local time, calling window), not just parsing.
      label: 'classify vs libphonenumber-js parsePhoneNumberFromString (100k numbers)',
      subject: measure('classify', () => numbers.map((n) => classify(n, { agentRegion: 'TX', at: AT })), 5),
      baseline: measure('libphonenumber-js', () => numbers.map((n) => parsePhoneNumberFromString(n, 'US')), 3),
      kind: 'faster-by-at-least',
      target: 20,
    },
  ];
}
