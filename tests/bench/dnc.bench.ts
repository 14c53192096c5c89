/**
 * The company do-not-call list at 1,000,000 numbers: import (CSV text → parse → hash → table →
 * packed entries, what the options page's worker does), the bytes stored, and lookup time, each
 * against a plain `Set` of E.164 strings built from the same CSV in the same run.
 */
import { parseCsv } from '@/lib/csv';
import { importNumbers } from '@/lib/dnc/import';
import { DncMatcher } from '@/lib/dnc/matcher';
import { parseNumber } from '@/lib/number/parse-number';
import { type Budget, measure, type Timing } from './measure';

const COUNT = 1_000_000;
const SALT = '0123456789abcdef0123456789abcdef';

/** A million distinct NANP numbers in the forms a CRM export has. */
function csvOf(count: number): { csv: string; numbers: string[] } {
  const forms = [
    (a: string, b: string, c: string) => `(${a}) ${b}-${c}`,
    (a: string, b: string, c: string) => `${a}-${b}-${c}`,
    (a: string, b: string, c: string) => `+1 ${a} ${b} ${c}`,
  ];
  const npas = ['212', '305', '415', '503', '617', '702', '808', '907', '416', '514'];
  const lines = ['Name,Phone'];
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = npas[i % npas.length] ?? '212';
    // Distinct: 10 area codes × 10 exchanges × 10,000 lines.
    const b = String(200 + Math.floor(i / 100_000));
    const c = String(Math.floor(i / 10) % 10_000).padStart(4, '0');
    lines.push(`Person ${i},${forms[i % forms.length]?.(a, b, c)}`);
    numbers.push(`+1${a}${b}${c}`);
  }
  return { csv: lines.join('\n'), numbers };
}

/** The baseline: the same CSV into a Set of E.164 strings (no hashing, no packing). */
function plainSet(csv: string): Set<string> {
  const set = new Set<string>();
  for (const row of parseCsv(csv))
    for (const cell of row) {
      const p = parseNumber(cell);
      if (p.kind !== 'invalid') set.add(p.e164);
    }
  return set;
}

function once(name: string, fn: () => unknown): Timing {
  const start = performance.now();
  fn();
  return { name, ms: performance.now() - start };
}

/** Bytes a Set of strings takes as stored in storage.local (JSON): the alternative to packed hashes. */
const jsonBytes = (set: Set<string>) => Buffer.byteLength(JSON.stringify([...set]));

export function dncBenchmarks(): Budget[] {
  const { csv, numbers } = csvOf(COUNT);
  // One warm-up each, then one timed run: a run takes seconds, so more samples add little but minutes.
  let imported = importNumbers(csv, SALT);
  let set = plainSet(csv);
  const importTime = once('import (parse + hash + table)', () => (imported = importNumbers(csv, SALT)));
  const setTime = once('Set<string> of E.164', () => (set = plainSet(csv)));
  const distinct = imported.entries.length / 2;
  const stored = imported.entries.byteLength;
  console.log(
    `dnc: ${COUNT.toLocaleString('en')} rows → ${distinct.toLocaleString('en')} distinct entries (Set: ${set.size.toLocaleString('en')}); ` +
      `stored ${(stored / 1e6).toFixed(1)} MB packed vs ${(jsonBytes(set) / 1e6).toFixed(1)} MB as a JSON list of strings; ` +
      `import ${(importTime.ms / 1000).toFixed(2)} s vs Set ${(setTime.ms / 1000).toFixed(2)} s`,
  );
  // Lookups: 100,000 numbers, half listed, each asked for the first time (a page of new numbers: hash
  // and probe) and again (the cache), against Set.has.
  const probes = Array.from({ length: 100_000 }, (_, i) =>
    i % 2 ? (numbers[(i * 7919) % COUNT] ?? '') : `+1213555${String(i % 10_000).padStart(4, '0')}`,
  );
  const source = { salt: SALT, entries: imported.entries };
  const cold = measure('matcher.has, first ask (hash + probe)', () => {
    const m = new DncMatcher([source]);
    let found = 0;
    for (const p of probes) if (m.has(p)) found++;
    return found;
  });
  const build = measure('matcher build only', () => new DncMatcher([source]));
  const lookupOnly = { name: 'matcher.has, first ask (hash + probe), build excluded', ms: cold.ms - build.ms };
  const setLookup = measure('Set.has', () => {
    let found = 0;
    for (const p of probes) if (set.has(p)) found++;
    return found;
  });
  console.log(
    `dnc lookup: ${((lookupOnly.ms / probes.length) * 1000).toFixed(2)} µs a number on first ask, table build ${build.ms.toFixed(0)} ms, Set.has ${((setLookup.ms / probes.length) * 1000).toFixed(3)} µs`,
  );
  return [
    {
      label: 'dnc import of 1,000,000 numbers vs a Set of strings',
      subject: importTime,
      baseline: setTime,
      kind: 'cost-at-most',
      target: 4,
    },
    {
      label: 'dnc stored bytes vs the Set as a JSON list (bytes, not ms)',
      subject: { name: 'packed entries (bytes)', ms: stored },
      baseline: { name: 'JSON list (bytes)', ms: jsonBytes(set) },
      kind: 'cost-at-most',
      target: 0.6,
    },
    {
      label: 'dnc lookup of 100,000 new numbers vs Set.has',
      subject: lookupOnly,
      baseline: setLookup,
      kind: 'cost-at-most',
      target: 100,
    },
  ];
}
