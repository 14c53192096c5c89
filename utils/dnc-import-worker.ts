/**
 * The options page's import worker: reads the CSV, parses and hashes every number off the page's
 * thread (a million rows take seconds), reports progress, and hands back the packed entries.
 */
import * as z from 'zod/mini';
import { importNumbers } from '@/lib/dnc/import';

const Request = z.object({
  file: z.custom<Blob>((v) => v instanceof Blob),
  salt: z.string().check(z.minLength(1), z.maxLength(256)),
});

self.onmessage = async (event: MessageEvent) => {
  const request = Request.safeParse(event.data);
  if (!request.success) {
    self.postMessage({ type: 'error', message: 'malformed request' });
    return;
  }
  try {
    const text = await request.data.file.text();
    const result = importNumbers(text, request.data.salt, (done, total) =>
      self.postMessage({ type: 'progress', done, total }),
    );
    const { entries, numbers, invalid, invalidExamples } = result;
    self.postMessage({ type: 'done', entries, numbers, invalid, invalidExamples }, { transfer: [entries.buffer] });
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
