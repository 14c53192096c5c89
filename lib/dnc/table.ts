/**
 * The do-not-call lookup: an open-addressing hash table (linear probing) over one Uint32Array of
 * (hi, lo) pairs, at most half full. A lookup reads one or two slots whatever the list's size, and
 * the table holds no object per entry (a million entries: 16 MB of typed array, no GC work).
 */
import type { DncHash } from './hash';

export class DncTable {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  /** The all-zero hash cannot sit in a slot (zero marks an empty one); it is kept aside. */
  private hasZero = false;
  readonly size: number;

  /** From packed (hi, lo) pairs, as stored (see list.ts). Duplicates are fine. */
  constructor(packed: Uint32Array) {
    const n = packed.length >>> 1;
    let capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    let size = 0;
    for (let i = 0; i + 1 < packed.length; i += 2) {
      if (this.insert(packed[i] ?? 0, packed[i + 1] ?? 0)) size++;
    }
    this.size = size;
  }

  /** Adds a hash; false when it was there already. */
  private insert(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) {
      const had = this.hasZero;
      this.hasZero = true;
      return !had;
    }
    // The hash is uniform already: its low word picks the slot.
    for (let slot = lo & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = this.slots[slot * 2] ?? 0;
      const l = this.slots[slot * 2 + 1] ?? 0;
      if (h === 0 && l === 0) {
        this.slots[slot * 2] = hi;
        this.slots[slot * 2 + 1] = lo;
        return true;
      }
      if (h === hi && l === lo) return false;
    }
  }

  has({ hi, lo }: DncHash): boolean {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) return this.hasZero;
    for (let slot = lo & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = this.slots[slot * 2] ?? 0;
      const l = this.slots[slot * 2 + 1] ?? 0;
      if (h === 0 && l === 0) return false;
      if (h === hi && l === lo) return true;
    }
  }

  /** Every distinct hash once, packed as (hi, lo) pairs: what is stored. */
  entries(): Uint32Array {
    const out = new Uint32Array(this.size * 2);
    let j = 0;
    if (this.hasZero) j = 2; // the zero hash: its pair is already 0, 0
    for (let i = 0; i < this.slots.length; i += 2) {
      const hi = this.slots[i] ?? 0;
      const lo = this.slots[i + 1] ?? 0;
      if (hi === 0 && lo === 0) continue;
      out[j++] = hi;
      out[j++] = lo;
    }
    return out;
  }

  /** Bytes of typed array the table holds. */
  get bytes(): number {
    return this.slots.byteLength;
  }
}
