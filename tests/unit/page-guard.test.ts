// The page engine on happy-dom: what the e2e tests show in Chromium, here change by change.
import { afterEach, describe, expect, it } from 'vitest';
import { scanText } from '@/lib/number/scan-text';
import { PageGuard } from '@/lib/page/page-guard';
import type { PageScan } from '@/lib/protocol/messages';
import { instantAnswer } from '../instant-background';

const sent: PageScan[] = [];
let guard: PageGuard | undefined;

function start(html: string, refuse: string[] = []) {
  document.body.innerHTML = html;
  sent.length = 0;
  guard = new PageGuard(document, {
    scan: scanText,
    send: async (message) => {
      sent.push(message);
      // The background answers no badge for what is not a number (here, the `refuse` list).
      return instantAnswer({ ...message, lookup: message.lookup.filter((n) => !refuse.includes(n)) });
    },
    details: async () => null,
    text: (key) => key,
    batchMs: 0,
    fieldPollMs: 0,
  });
  guard.start();
}

/** Lets the observer, the batching timer and the answer run. */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

const badges = () =>
  [...document.querySelectorAll('consent-guard-badge')].map((b) => b.getAttribute('data-consent-number'));

afterEach(() => {
  guard?.stop();
  guard = undefined;
});

describe('PageGuard', () => {
  it('with one-party badges off, a one-party number on the do-not-call list still shows', async () => {
    document.body.innerHTML = '<p>Austin 512-555-0175, Dallas 214-555-0123</p>';
    guard = new PageGuard(document, {
      scan: scanText,
      send: async (message) => {
        const answer = instantAnswer(message);
        return {
          ...answer,
          showOneParty: false,
          // Both one-party (Texas); only Austin's number is on the company's do-not-call list.
          badges: answer.badges.map((b) => ({
            ...b,
            consent: 'one-party' as const,
            ...(b.e164 === '+15125550175' ? { dnc: 'company' as const } : {}),
          })),
        };
      },
      details: async () => null,
      text: (key) => key,
      batchMs: 0,
      fieldPollMs: 0,
    });
    guard.start();
    await settle();
    const shown = [...document.querySelectorAll('consent-guard-badge')]
      .filter((b) => !(b as HTMLElement).hidden && b.hasAttribute('data-consent'))
      .map((b) => `${b.getAttribute('data-consent-number')} ${b.getAttribute('data-consent-dnc') ?? '-'}`);
    expect(shown).toEqual(['+15125550175 company']);
  });

  it("a record's do-not-call flag marks its badges (shown with one-party off), reported, and follows the record", async () => {
    document.body.innerHTML = `
      <article id="a"><h3>Ana</h3><p>Austin 512-555-0175</p><p>Do Not Call: Yes</p></article>
      <article id="b"><h3>Ben</h3><p>Dallas 214-555-0123</p><label><input type="checkbox" id="box"> Do Not Call</label></article>
      <article id="c"><h3>Cy</h3><p>Houston 713-555-0144</p><label><input type="checkbox" id="box2" checked> Do Not Call</label></article>`;
    sent.length = 0;
    guard = new PageGuard(document, {
      scan: scanText,
      send: async (message) => {
        sent.push(message);
        const answer = instantAnswer(message);
        // All one-party (Texas); Houston is on the company list too: the company list comes first.
        const badges = answer.badges.map((b) => ({
          ...b,
          consent: 'one-party' as const,
          ...(b.e164 === '+17135550144' ? { dnc: 'company' as const } : {}),
        }));
        return { ...answer, showOneParty: false, badges };
      },
      details: async () => null,
      text: (key) => key,
      batchMs: 0,
      fieldPollMs: 0,
    });
    guard.start();
    await settle();
    const shown = () =>
      [...document.querySelectorAll('consent-guard-badge')]
        .filter((b) => !(b as HTMLElement).hidden && b.hasAttribute('data-consent'))
        .map((b) => `${b.getAttribute('data-consent-number')} ${b.getAttribute('data-consent-dnc') ?? '-'}`);
    expect(shown()).toEqual(['+15125550175 record', '+17135550144 company']);
    expect(sent.at(-1)?.flagged).toEqual(['+15125550175', '+17135550144']);
    // The agent ticks Ben's box (no markup changes: a change event).
    const box = document.getElementById('box') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(shown()).toEqual(['+15125550175 record', '+12145550123 record', '+17135550144 company']);
    // Ana's record is rendered again without the flag: her badge clears, the others keep theirs.
    const field = document.querySelector('#a p:last-child') as HTMLElement;
    field.textContent = 'Do Not Call: No';
    await settle();
    expect(shown()).toEqual(['+12145550123 record', '+17135550144 company']);
    expect(sent.at(-1)?.flagged).toEqual(['+12145550123', '+17135550144']);
    expect(document.querySelectorAll('consent-guard-badge')).toHaveLength(3);
  });

  it('puts one badge after each number and asks the background once', async () => {
    start('<p>Call (415) 555-0134 or 212-555-0175.</p><p>Order #4155550199</p>');
    await settle();
    expect(badges()).toEqual(['+14155550134', '+12125550175']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ lookup: ['+14155550134', '+12125550175'], reset: true });
    expect(document.querySelector('consent-guard-badge')?.getAttribute('data-consent')).toBe('all-party');
  });

  it('a tel: link showing its number gets one badge; changing its href adds none', async () => {
    start('<div><a href="tel:+14155550134">(415) 555-0134</a></div>');
    await settle();
    expect(badges()).toEqual(['+14155550134']);
    document.querySelector('a')?.setAttribute('href', 'https://crm.example.com/contact/7');
    await settle();
    expect(badges()).toEqual(['+14155550134']);
  });

  it('follows text edited in place, rows added and removed, and never rewrites the page text', async () => {
    start('<table><tbody><tr><td id="a">415-555-0134</td></tr></tbody></table>');
    await settle();
    const cell = document.getElementById('a') as HTMLElement;
    const text = cell.firstChild as Text;
    text.data = '305-555-0188';
    const row = document.createElement('tr');
    row.innerHTML = '<td>212-555-0175</td>';
    document.querySelector('tbody')?.append(row);
    await settle();
    expect(badges()).toEqual(['+13055550188', '+12125550175']);
    expect(cell.firstChild).toBe(text); // the page's own node, untouched but for the page's edit
    row.remove();
    await settle();
    expect(badges()).toEqual(['+13055550188']);
  });

  it('a number the background refuses (area code not in service) leaves no badge, even hidden', async () => {
    start('<p>Call 370-555-0134 or 415-555-0134.</p>', ['+13705550134']);
    await settle();
    expect(badges()).toEqual(['+14155550134']);
    document.querySelector('p')?.append(' Again: 370-555-0134.');
    await settle();
    expect(badges()).toEqual(['+14155550134']);
    expect(sent.flatMap((m) => m.lookup)).toEqual(['+13705550134', '+14155550134']);
  });

  it('stop() removes every badge and listens no more', async () => {
    start('<p>415-555-0134</p>');
    await settle();
    guard?.stop();
    document.body.insertAdjacentHTML('beforeend', '<p>212-555-0175</p>');
    await settle();
    expect(badges()).toEqual([]);
  });
});
