/**
 * Is a number on a company do-not-call list? Each list keeps the salt it was hashed with (the
 * agent's import and the administrator's list may differ), so a number is hashed once per salt and
 * the answer cached: a page that asks about the same numbers again costs a Map lookup.
 */
import { type DncHash, dncHash } from './hash';
import { DncTable } from './table';

export interface DncSource {
  salt: string;
  /** Packed (hi, lo) pairs. */
  entries: Uint32Array;
}

const CACHE_LIMIT = 50_000;

export class DncMatcher {
  private readonly lists: { salt: string; table: DncTable }[];
  private readonly cache = new Map<string, boolean>();

  constructor(sources: readonly DncSource[]) {
    this.lists = sources
      .filter((s) => s.entries.length > 0)
      .map((s) => ({ salt: s.salt, table: new DncTable(s.entries) }));
  }

  /** Distinct entries over every list (a number on two lists counts twice). */
  get size(): number {
    return this.lists.reduce((n, l) => n + l.table.size, 0);
  }

  has(e164: string): boolean {
    if (this.lists.length === 0) return false;
    const cached = this.cache.get(e164);
    if (cached !== undefined) return cached;
    // Usually one salt for every list: hash once per distinct salt.
    let salt: string | null = null;
    let h: DncHash = { hi: 0, lo: 0 };
    const found = this.lists.some((list) => {
      if (list.salt !== salt) {
        salt = list.salt;
        h = dncHash(salt, e164);
      }
      return list.table.has(h);
    });
    // A bounded cache: a page of new numbers every minute must not grow it forever.
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(e164, found);
    return found;
  }
}
