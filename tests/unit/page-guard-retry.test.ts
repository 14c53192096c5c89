// A page-scan that gets no answer (the service worker stopped mid-request) is asked again, with
// backoff, until the worker answers: no badge stays hidden for good.
import { afterEach, describe, expect, it } from 'vitest';
import { scanText } from '@/lib/number/scan-text';
import { PageGuard } from '@/lib/page/page-guard';
import type { PageScan, PageScanResponse } from '@/lib/protocol/messages';
import { instantAnswer } from '../instant-background';

let guard: PageGuard | undefined;
afterEach(() => {
  guard?.stop();
  guard = undefined;
});

/** `failures` answers in turn ('throw' or 'none'), then real answers. */
function start(html: string, failures: ('throw' | 'none')[]) {
  document.body.innerHTML = html;
  const sent: PageScan[] = [];
  guard = new PageGuard(document, {
    scan: scanText,
    send: async (message): Promise<PageScanResponse | undefined> => {
      sent.push(message);
      const failure = failures.shift();
      if (failure === 'throw') throw new Error('Could not establish connection. Receiving end does not exist.');
      if (failure === 'none') return undefined;
      return instantAnswer(message);
    },
    details: async () => null,
    text: (key) => key,
    batchMs: 0,
    fieldPollMs: 0,
  });
  guard.start();
  return { sent, failures };
}

const answered = () =>
  [...document.querySelectorAll('consent-guard-badge[data-consent]')].map((b) => b.getAttribute('data-consent-number'));

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('PageGuard retries', () => {
  it('asks again after a thrown send and after no answer, keeping the first report’s reset', async () => {
    const { sent } = start('<p>Call (415) 555-0134 or 212-555-0175.</p>', ['throw', 'none']);
    await until(() => answered().length === 2, 5000);
    expect(answered()).toEqual(['+14155550134', '+12125550175']);
    expect(sent).toHaveLength(3);
    for (const message of sent) {
      expect(message).toMatchObject({ lookup: ['+14155550134', '+12125550175'], reset: true });
    }
  });

  it('numbers added while the worker is away are answered too', async () => {
    const { sent, failures } = start('<p id="a">Call (415) 555-0134.</p>', []);
    await until(() => answered().length === 1, 5000);
    const original = sent.length;
    // The next two sends fail: the page changes while the worker is stopped.
    failures.push('throw', 'throw');
    const p = document.createElement('p');
    p.textContent = 'New lead: 305-555-0188';
    document.body.append(p);
    await until(() => answered().length === 2, 5000);
    expect(answered()).toEqual(['+14155550134', '+13055550188']);
    expect(sent.length - original).toBe(3);
  });

  it('stop() ends the retries', async () => {
    const { sent } = start('<p>Call (415) 555-0134.</p>', ['throw', 'throw', 'throw', 'throw']);
    await until(() => sent.length === 1, 2000);
    guard?.stop();
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(sent).toHaveLength(1);
  });
});
