/**
 * The stored company do-not-call list: the salt its entries were hashed with, and the entries packed
 * as (hi, lo) 32-bit pairs in one ArrayBuffer (8 bytes an entry, no JSON). Validated with zod when
 * read; `version` says which shape it has, and a list this version cannot read is ignored with a
 * notice (never half-read).
 */
import * as z from 'zod/mini';

export const DNC_LIST_VERSION = 1;

const Buffer = z.custom<ArrayBuffer>((v) => v instanceof ArrayBuffer);

export const StoredDncList = z
  .object({
    version: z.literal(DNC_LIST_VERSION),
    /** The salt the entries were hashed with (the install's, or the policy's at import time). */
    salt: z.string().check(z.minLength(1), z.maxLength(256)),
    /** Distinct entries. */
    count: z.number().check(z.int(), z.nonnegative()),
    /** Cells that looked like a number but were not one, at import. */
    invalid: z.number().check(z.int(), z.nonnegative()),
    importedAt: z.string().check(z.maxLength(40)),
    /** Where it came from: the file name the agent picked. */
    name: z.string().check(z.maxLength(200)),
    hashes: Buffer,
  })
  .check(z.refine((list) => list.hashes.byteLength === list.count * 8, 'hashes must hold count entries'));
export type StoredDncList = z.infer<typeof StoredDncList>;

export type ReadList = { list: StoredDncList | null; notice?: string };

/** The stored list, or null (with a notice when something was stored but cannot be used). */
export function readStoredList(value: unknown): ReadList {
  if (value === undefined || value === null) return { list: null };
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > DNC_LIST_VERSION) {
    return { list: null, notice: 'The stored do-not-call list was saved by a newer version: import it again.' };
  }
  const parsed = StoredDncList.safeParse(value);
  if (!parsed.success) return { list: null, notice: 'The stored do-not-call list is damaged: import it again.' };
  return { list: parsed.data };
}

/** The entries of a stored list as the (hi, lo) pairs the table takes. */
export function entriesOf(list: StoredDncList): Uint32Array {
  return new Uint32Array(list.hashes);
}
