/**
 * Where the consent log lives: IndexedDB through idb-keyval, in a database of its own
 * ("consent-guard-log"), one key an entry ("e:<time>:<id>", so keys sort by time and the retention
 * can be applied from the keys alone), and the install's salt under "salt". Local only: nothing here
 * is ever sent anywhere. The background writes; the options page reads, exports and deletes.
 */
import { createStore, delMany, entries, get, keys, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { type LogEntry, readEntry, retentionCutoff } from '@/lib/log/entry';

const SALT = 'salt';
const PREFIX = 'e:';

let store: UseStore | undefined;
const db = () => {
  store ??= createStore('consent-guard-log', 'entries');
  return store;
};

const InstallSalt = z.string().check(z.regex(/^[0-9a-f]{32}$/));

let saltMade: Promise<string> | undefined;
/** This install's salt for the log's number hashes: 16 random bytes in hex, made once. */
export function logSalt(): Promise<string> {
  saltMade ??= (async () => {
    const stored = InstallSalt.safeParse(await get(SALT, db()));
    if (stored.success) return stored.data;
    const salt = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    await set(SALT, salt, db());
    return salt;
  })().catch((error) => {
    saltMade = undefined;
    throw error;
  });
  return saltMade;
}

const keyOf = (entry: LogEntry) => `${PREFIX}${entry.at}:${entry.id}`;

/** Forgets entries from before the retention; returns how many. Reads keys only. */
export async function pruneLog(retentionDays: number, now: Date): Promise<number> {
  const cutoff = new Date(retentionCutoff(now, retentionDays)).toISOString();
  const old = (await keys(db())).filter(
    (k): k is string =>
      typeof k === 'string' && k.startsWith(PREFIX) && k.slice(PREFIX.length, PREFIX.length + 24) < cutoff,
  );
  if (old.length > 0) await delMany(old, db());
  return old.length;
}

/** Stores an entry, then applies the retention (on every write). */
export async function addLogEntry(entry: LogEntry, retentionDays: number, now: Date): Promise<void> {
  await set(keyOf(entry), entry, db());
  await pruneLog(retentionDays, now);
}

/** Every readable entry, newest first, and how many stored values could not be read. */
export async function readLog(): Promise<{ entries: LogEntry[]; unreadable: number }> {
  const all = await entries(db());
  const kept: LogEntry[] = [];
  let unreadable = 0;
  for (const [key, value] of all) {
    if (typeof key !== 'string' || !key.startsWith(PREFIX)) continue;
    const entry = readEntry(value);
    if (entry) kept.push(entry);
    else unreadable += 1;
  }
  kept.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries: kept, unreadable };
}

/** Deletes every entry (the salt stays: hashes made later still match earlier exports' of the same number). */
export async function deleteLog(): Promise<void> {
  const all = (await keys(db())).filter((k) => typeof k === 'string' && k.startsWith(PREFIX));
  await delMany(all, db());
}

/** For tests: forget the cached store (fake-indexeddb is reset between tests). */
export function resetLogStoreForTests(): void {
  store = undefined;
  saltMade = undefined;
}
