/**
 * The administrator's do-not-call list in the managed policy (storage.managed): `dncSalt`, the salt
 * the organisation hashed its list with (also used for the agent's own imports, so one prepared list
 * and the agents' imports agree), and `dncHashes`, the entries as 16 hex characters each (recipe in
 * hash.ts). Read entry by entry: a bad entry is dropped and counted, never the list.
 */
import * as z from 'zod/mini';
import { hexHash } from './hash';

/** The managed-policy keys this module reads (lib/settings/managed.ts leaves them to it). */
export const DNC_POLICY_KEYS = ['dncSalt', 'dncHashes'] as const;

const Salt = z.string().check(z.minLength(1), z.maxLength(256));
/** A generous bound: a Chrome policy this size is already unusual; bigger lists are imported. */
export const MAX_POLICY_ENTRIES = 200_000;

export interface DncPolicy {
  salt: string | null;
  /** Packed (hi, lo) pairs. */
  entries: Uint32Array;
  notices: string[];
}

export function readDncPolicy(managed: unknown): DncPolicy {
  const policy: DncPolicy = { salt: null, entries: new Uint32Array(0), notices: [] };
  if (typeof managed !== 'object' || managed === null) return policy;
  const { dncSalt, dncHashes } = managed as Record<string, unknown>;
  if (dncSalt !== undefined) {
    const salt = Salt.safeParse(dncSalt);
    if (salt.success) policy.salt = salt.data;
    else policy.notices.push('The policy value "dncSalt" is not a text of 1 to 256 characters, so it is ignored.');
  }
  if (dncHashes === undefined) return policy;
  if (!Array.isArray(dncHashes)) {
    policy.notices.push('The policy value "dncHashes" is not a list, so it is ignored.');
    return policy;
  }
  if (policy.salt === null) {
    policy.notices.push(
      'The policy value "dncHashes" needs "dncSalt" (the salt it was hashed with), so it is ignored.',
    );
    return policy;
  }
  const entries = new Uint32Array(Math.min(dncHashes.length, MAX_POLICY_ENTRIES) * 2);
  let used = 0;
  let bad = 0;
  for (const entry of dncHashes.slice(0, MAX_POLICY_ENTRIES)) {
    const h = typeof entry === 'string' ? hexHash(entry) : null;
    if (!h) {
      bad++;
      continue;
    }
    entries[used++] = h.hi;
    entries[used++] = h.lo;
  }
  if (bad > 0) policy.notices.push(`${bad} entries of "dncHashes" are not 16 hex characters, so they are ignored.`);
  if (dncHashes.length > MAX_POLICY_ENTRIES)
    policy.notices.push(`"dncHashes" holds more than ${MAX_POLICY_ENTRIES} entries; the rest are ignored.`);
  policy.entries = entries.slice(0, used);
  return policy;
}
