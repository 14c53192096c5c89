import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNumbers } from 'libphonenumber-js';
import { scanText } from '@/lib/number/scan-text';
import { type Budget, measure } from './measure';

const FIXTURES = join(import.meta.dirname, '../fixtures/text');

/** CRM-like text: the labelled corpus (notes, call logs, billing, directory), repeated to `size` characters. */
export function crmText(size = 200_000): string {
  const files = ['crm-notes', 'call-logs', 'billing', 'international', 'unicode-separators'];
  const corpus = files.map((f) => readFileSync(join(FIXTURES, `${f}.txt`), 'utf8')).join('\n');
  return corpus.repeat(Math.ceil(size / corpus.length)).slice(0, size);
}

/** Plain English prose with a phone number every ~2 KB. */
export function ordinaryText(size = 1_000_000): string {
  const words =
    'the customer asked about their renewal and we agreed to follow up next week after the contract review ' +
    'with legal please note that the account owner prefers email but a call is fine in the afternoon';
  const list = words.split(' ');
  let out = '';
  let i = 0;
  while (out.length < size) {
    out += `${list[i % list.length]}${i % 17 === 16 ? '. ' : ' '}`;
    if (i % 350 === 349) out += `Call (415) 555-${String(i % 10_000).padStart(4, '0')} ext. 12 today. `;
    i++;
  }
  return out.slice(0, size);
}

/** The inputs a careless pattern would choke on, each repeated to `size`. */
export const ADVERSARIAL: Record<string, string> = {
  'spaced digits': '1 2 3 4 5 6 7 8 9 0 ',
  parentheses: '((((',
  'plus ones': '+1',
  'glued numbers': '415-555-013415-555-0134',
  'digits and NBSP': '4\u00a0',
  'extension words': '4155550134 ext ext x x ,,, ',
};
export function adversarialText(unit: string, size = 1_000_000): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A flat (sequential) copy of a string, like the text of a DOM node, rather than a rope of slices and concatenations. */
const flat = (s: string): string => JSON.parse(JSON.stringify(s));

const GUARDED = /(?<![\d+])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})(?!\d)/g;

/** A guarded regex pass with results shaped like scanText's: the floor for the scanner. */
export function guardedRegexPass(text: string): { e164: string; start: number; end: number }[] {
  const out: { e164: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(GUARDED)) {
    const start = m.index ?? 0;
    out.push({ e164: `+1${m[1]}${m[2]}${m[3]}`, start, end: start + m[0].length });
  }
  return out;
}

/** Runs `fn` `times` times: short runs are below the timer's resolution. */
const times = (count: number, fn: () => unknown) => () => {
  for (let i = 0; i < count; i++) fn();
};

export function scannerBenchmarks(): Budget[] {
  const crm = flat(crmText());
  const ordinary = flat(ordinaryText());
  // Ordinary text is timed again beside each adversarial text: a single timing taken first, while the
  // scanner had seen nothing else, made one shape read 3.3× in one run and 5.3× in the next.
  const scanOrdinary = () =>
    measure(
      'scanText, 1 MB ordinary',
      times(5, () => scanText(ordinary)),
      9,
    );
  const mixed = flat(
    Object.values(ADVERSARIAL)
      .map((unit) => adversarialText(unit, 1024))
      .join('')
      .repeat(Math.ceil(1_000_000 / (1024 * Object.keys(ADVERSARIAL).length)))
      .slice(0, 1_000_000),
  );
  return [
    {
      label: 'scanText vs libphonenumber-js findNumbers (200 KB CRM text)',
      subject: measure(
        'scanText',
        times(10, () => scanText(crm)),
        9,
      ),
      baseline: measure(
        'findNumbers ×10',
        times(10, () => findNumbers(crm, { defaultCountry: 'US', v2: true })),
        3,
      ),
      kind: 'faster-by-at-least',
      target: 50,
    },
    {
      // The floor of issue #17: a regex pass with the cheapest guards (no digit or + glued on either
      // side, NANP area code and exchange rules) that builds the same result objects (E.164, start, end).
      label: 'scanText vs a guarded regex pass building the same results (200 KB CRM text)',
      subject: measure(
        'scanText',
        times(10, () => scanText(crm)),
        9,
      ),
      baseline: measure(
        'guarded regex',
        times(10, () => guardedRegexPass(crm)),
        9,
      ),
      kind: 'cost-at-most',
      target: 2,
    },
    {
      label: 'scanText, 1 MB adversarial mix vs 1 MB ordinary text',
      subject: measure(
        'adversarial mix',
        times(5, () => scanText(mixed)),
        9,
      ),
      baseline: scanOrdinary(),
      kind: 'cost-at-most',
      target: 5,
    },
    ...Object.entries(ADVERSARIAL).map(([name, unit]): Budget => {
      const text = flat(adversarialText(unit));
      return {
        label: `scanText, 1 MB "${name}" vs 1 MB ordinary text`,
        subject: measure(
          name,
          times(5, () => scanText(text)),
          9,
        ),
        baseline: scanOrdinary(),
        kind: 'cost-at-most',
        target: 5,
      };
    }),
  ];
}
