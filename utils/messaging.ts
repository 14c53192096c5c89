/** Requests to the background, typed by the protocol table: the answer's type follows the request's. */
import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from '@/lib/protocol/messages';

/**
 * Sends `message` and reads the answer with `read` (a zod schema's parse in extension pages, a
 * zod-free guard in the content script): nothing the background says is trusted unread.
 */
export async function send<K extends MessageType, R = ResponseOf<K>>(
  message: RequestOf<K> & { type: K },
  read: (answer: unknown) => R,
): Promise<R> {
  return read(await browser.runtime.sendMessage(message));
}
