import { browser } from 'wxt/browser';
import { handleMessage } from '@/lib/background/handle-message';

export default defineBackground(() => {
  // Registered synchronously on the first tick, so a restarted worker still hears the message that woke it.
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse?: (response: unknown) => void) => {
    const response = handleMessage(message);
    // Chromium and the polyfill take `sendResponse`; WXT's fake browser takes the returned value.
    if (typeof sendResponse === 'function') {
      sendResponse(response);
      return true;
    }
    return Promise.resolve(response);
  });
});
