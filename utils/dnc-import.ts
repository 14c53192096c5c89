/**
 * The options page's side of the do-not-call import: runs the worker, checks what it sends back
 * with zod, and saves the list (utils/dnc-store.ts), which tells the background.
 */
import * as z from 'zod/mini';
import { DNC_LIST_VERSION } from '@/lib/dnc/list';
import { readDncPolicy } from '@/lib/dnc/policy';
import { clearCompanyList, importSalt, loadCompanyList, managedPolicy, saveCompanyList } from './dnc-store';

export interface DncStatus {
  /** The agent's imported list, if any. */
  list: { count: number; name: string; importedAt: string; invalid: number } | null;
  /** Entries the organisation pushed by policy. */
  policyCount: number;
  /** True when imports are hashed with the organisation's salt. */
  policySalt: boolean;
  notices: string[];
}

export interface ImportOutcome {
  count: number;
  numbers: number;
  invalid: number;
  invalidExamples: string[];
}

export interface DncApi {
  status: () => Promise<DncStatus>;
  importFile: (file: File, onProgress: (fraction: number) => void) => Promise<ImportOutcome>;
  clear: () => Promise<void>;
}

const FromWorker = z.union([
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({
    type: z.literal('done'),
    entries: z.custom<Uint32Array>((v) => v instanceof Uint32Array && v.length % 2 === 0),
    numbers: z.number().check(z.int(), z.nonnegative()),
    invalid: z.number().check(z.int(), z.nonnegative()),
    invalidExamples: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(5)),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

async function status(): Promise<DncStatus> {
  const [{ list, notice }, managed] = await Promise.all([loadCompanyList(), managedPolicy()]);
  const policy = readDncPolicy(managed);
  return {
    list: list && { count: list.count, name: list.name, importedAt: list.importedAt, invalid: list.invalid },
    policyCount: policy.entries.length / 2,
    policySalt: policy.salt !== null,
    notices: [...(notice ? [notice] : []), ...policy.notices],
  };
}

function runWorker(file: File, salt: string, onProgress: (fraction: number) => void) {
  return new Promise<z.infer<typeof FromWorker> & { type: 'done' }>((resolve, reject) => {
    const worker = new Worker(new URL('./dnc-import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event) => {
      const message = FromWorker.safeParse(event.data);
      if (!message.success) return;
      if (message.data.type === 'progress') onProgress(message.data.total ? message.data.done / message.data.total : 1);
      else {
        worker.terminate();
        if (message.data.type === 'done') resolve(message.data);
        else reject(new Error(message.data.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import worker failed'));
    };
    worker.postMessage({ file, salt });
  });
}

async function importFile(file: File, onProgress: (fraction: number) => void): Promise<ImportOutcome> {
  const { salt } = await importSalt();
  const result = await runWorker(file, salt, onProgress);
  const count = result.entries.length / 2;
  await saveCompanyList({
    version: DNC_LIST_VERSION,
    salt,
    count,
    invalid: result.invalid,
    importedAt: new Date().toISOString(),
    name: file.name.slice(0, 200),
    // A fresh buffer of exactly the entries (the worker's array may be a view).
    hashes: result.entries.slice().buffer,
  });
  return { count, numbers: result.numbers, invalid: result.invalid, invalidExamples: result.invalidExamples };
}

export const dncApi: DncApi = { status, importFile, clear: clearCompanyList };
