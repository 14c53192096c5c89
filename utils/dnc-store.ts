/**
 * Where the company do-not-call list lives: IndexedDB through idb-keyval (one object store of our
 * own), so a million entries are one 8 MB ArrayBuffer, not a JSON string in storage.local. Options
 * writes it; the background reads it. `dncListStamp` in storage.local tells the background it changed.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { type ReadList, readStoredList, type StoredDncList } from '@/lib/dnc/list';
import { readDncPolicy } from '@/lib/dnc/policy';

const LIST = 'company-list';
const SALT = 'install-salt';
export const DNC_STAMP_KEY = 'dncListStamp';

let store: UseStore | undefined;
const db = () => {
  store ??= createStore('consent-guard-dnc', 'lists');
  return store;
};

const InstallSalt = z.string().check(z.regex(/^[0-9a-f]{32}$/));

export async function loadCompanyList(): Promise<ReadList> {
  try {
    return readStoredList(await get(LIST, db()));
  } catch {
    return { list: null, notice: 'The do-not-call list could not be read (IndexedDB is unavailable).' };
  }
}

async function stamp(count: number) {
  await browser.storage.local.set({ [DNC_STAMP_KEY]: { count, at: Date.now() } });
}

export async function saveCompanyList(list: StoredDncList): Promise<void> {
  await set(LIST, list, db());
  await stamp(list.count);
}

export async function clearCompanyList(): Promise<void> {
  await del(LIST, db());
  await stamp(0);
}

/** This install's salt: 16 random bytes in hex, made once. */
async function installSalt(): Promise<string> {
  const stored = InstallSalt.safeParse(await get(SALT, db()));
  if (stored.success) return stored.data;
  const salt = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  await set(SALT, salt, db());
  return salt;
}

export async function managedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return {};
  }
}

/** The salt an import hashes with: the organisation's (policy `dncSalt`) where set, else this install's. */
export async function importSalt(): Promise<{ salt: string; fromPolicy: boolean }> {
  const policy = readDncPolicy(await managedPolicy());
  return policy.salt ? { salt: policy.salt, fromPolicy: true } : { salt: await installSalt(), fromPolicy: false };
}
