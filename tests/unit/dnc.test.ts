import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dncHash, hashHex, hexHash } from '@/lib/dnc/hash';
import { importNumbers } from '@/lib/dnc/import';
import { DNC_LIST_VERSION, entriesOf, readStoredList } from '@/lib/dnc/list';
import { DncMatcher } from '@/lib/dnc/matcher';
import { sha256Hex } from '@/lib/dnc/sha256';
import { DncTable } from '@/lib/dnc/table';

const bytes = (s: string) => new TextEncoder().encode(s);
const pairs = (hashes: { hi: number; lo: number }[]) => new Uint32Array(hashes.flatMap((h) => [h.hi, h.lo]));

describe('the hashing recipe', () => {
  it('is the first 16 hex characters of SHA-256 of salt then E.164 (vectors from coreutils sha256sum)', () => {
    // printf '%s%s' 'acme-2026' '+12125550123' | sha256sum → c6ed05c177004543a9de…
    expect(hashHex(dncHash('acme-2026', '+12125550123'))).toBe('c6ed05c177004543');
    // printf '%s%s' 'acme-2026' '+442079460958' | sha256sum → 2e45362fce458572…
    expect(hashHex(dncHash('acme-2026', '+442079460958'))).toBe('2e45362fce458572');
  });

  it('SHA-256 agrees with node:crypto on any input, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
      }),
      { seed: 0x16d0c, numRuns: 300 },
    );
    // FIPS 180-4 example "abc".
    expect(sha256Hex(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('a different salt gives a different entry for the same number', () => {
    expect(hashHex(dncHash('a', '+12125550123'))).not.toBe(hashHex(dncHash('b', '+12125550123')));
  });

  it('reads hex entries back (case-insensitive) and refuses anything else', () => {
    const h = dncHash('s', '+13055550100');
    expect(hexHash(hashHex(h).toUpperCase())).toEqual(h);
    for (const bad of ['', 'c6ed05c17700454', 'c6ed05c1770045433', 'g6ed05c177004543']) expect(hexHash(bad)).toBeNull();
  });
});

describe('the lookup table', () => {
  it('finds exactly what was put in (including the zero hash), by property', () => {
    const hash = fc.record({ hi: fc.nat({ max: 0xffffffff }), lo: fc.nat({ max: 0xffffffff }) });
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 400 }), fc.array(hash, { maxLength: 100 }), (inside, probes) => {
        const withZero = [...inside, { hi: 0, lo: 0 }].slice(inside.length % 2);
        const table = new DncTable(pairs(withZero));
        const keys = new Set(withZero.map((h) => `${h.hi}:${h.lo}`));
        expect(table.size).toBe(keys.size);
        for (const h of withZero) expect(table.has(h)).toBe(true);
        for (const h of probes) expect(table.has(h)).toBe(keys.has(`${h.hi}:${h.lo}`));
        // entries() gives each distinct hash once: a table built from them is the same set.
        const again = new DncTable(table.entries());
        expect(again.size).toBe(keys.size);
        for (const h of withZero) expect(again.has(h)).toBe(true);
      }),
      { seed: 0x7ab1e, numRuns: 200 },
    );
  });

  it('is at most half full', () => {
    const table = new DncTable(pairs(Array.from({ length: 1000 }, (_, i) => dncHash('x', `+1212555${i}`))));
    expect(table.bytes).toBeGreaterThanOrEqual(1000 * 2 * 8);
  });
});

describe('the CSV import', () => {
  it('reads numbers in every common form, in any column, skipping headers and names', () => {
    const csv =
      '\ufeffName,Phone,Mobile\r\n' +
      '"Smith, Ann",(212) 555-0123,+1 305 555 0100\r\n' +
      'Bo,212.555.0123,\r\n' + // the same number again
      'Cy,"+44 20 7946 0958",555-0199\r\n' + // seven digits: no area code
      'Di,1-503-555-0142 x12,\n';
    const result = importNumbers(csv, 'acme-2026');
    expect(result.numbers).toBe(5);
    expect(result.invalid).toBe(1);
    expect(result.invalidExamples).toEqual(['555-0199']);
    const table = new DncTable(result.entries);
    expect(table.size).toBe(4);
    for (const n of ['+12125550123', '+13055550100', '+442079460958', '+15035550142'])
      expect(table.has(dncHash('acme-2026', n))).toBe(true);
    expect(table.has(dncHash('acme-2026', '+12125550124'))).toBe(false);
    expect(table.has(dncHash('other', '+12125550123'))).toBe(false);
  });

  it('cuts a long file into slices without losing a row, even inside quoted line breaks', () => {
    const rows: string[] = [];
    for (let i = 0; i < 90_000; i++)
      rows.push(
        `"note, with\na line break",${String(2_125_550_000 + i).replace(/(\d{3})(\d{3})(\d{4})/, '($1) $2-$3')}`,
      );
    const progress: number[] = [];
    const result = importNumbers(rows.join('\n'), 's', (done, total) => progress.push(done / total));
    expect(result.numbers).toBe(90_000);
    expect(result.invalid).toBe(0);
    expect(new DncTable(result.entries).size).toBe(90_000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe('the stored list', () => {
  const entries = pairs([dncHash('s', '+12125550123'), dncHash('s', '+13055550100')]);
  const stored = {
    version: DNC_LIST_VERSION,
    salt: 's',
    count: 2,
    invalid: 0,
    importedAt: '2026-12-02T17:00:00Z',
    name: 'dnc.csv',
    hashes: entries.slice().buffer,
  };

  it('reads a version 1 list back to the same entries', () => {
    const read = readStoredList(structuredClone(stored));
    expect(read.notice).toBeUndefined();
    expect(read.list && Array.from(entriesOf(read.list))).toEqual(Array.from(entries));
  });

  it('nothing stored is no list and no notice', () => {
    expect(readStoredList(undefined)).toEqual({ list: null });
  });

  it('a newer version, a count that does not fit the bytes, or a wrong type is ignored with a notice', () => {
    expect(readStoredList({ ...stored, version: 2 }).notice).toMatch(/newer version/);
    expect(readStoredList({ ...stored, count: 3 }).notice).toMatch(/damaged/);
    expect(readStoredList({ ...stored, hashes: Array.from(entries) }).notice).toMatch(/damaged/);
    expect(readStoredList('list').notice).toMatch(/damaged/);
  });
});

describe('the matcher', () => {
  it('matches a number on either list, each hashed with its own salt', () => {
    const agent = { salt: 'install', entries: pairs([dncHash('install', '+12125550123')]) };
    const admin = { salt: 'acme', entries: pairs([dncHash('acme', '+13055550100')]) };
    const m = new DncMatcher([agent, admin]);
    expect(m.has('+12125550123')).toBe(true);
    expect(m.has('+13055550100')).toBe(true);
    expect(m.has('+12125550124')).toBe(false);
    // The same hash under the wrong salt is no match.
    expect(new DncMatcher([{ salt: 'acme', entries: agent.entries }]).has('+12125550123')).toBe(false);
    expect(new DncMatcher([]).has('+12125550123')).toBe(false);
  });
});
