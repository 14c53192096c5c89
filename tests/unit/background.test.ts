import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';

describe('background worker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  it('answers a lookup message', async () => {
    const response = await fakeBrowser.runtime.sendMessage({ type: 'lookup', numbers: ['(415) 555-0134', 'nope'] });
    expect(response).toEqual({
      ok: true,
      results: [
        { input: '(415) 555-0134', e164: '+14155550134', npa: '415' },
        { input: 'nope', e164: null, npa: null },
      ],
    });
  });

  it('refuses a malformed message with a clear error', async () => {
    const response = await fakeBrowser.runtime.sendMessage({ type: 'lookup', numbers: 'not a list' });
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining('malformed') });
  });
});
