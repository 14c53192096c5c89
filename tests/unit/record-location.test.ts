// Which record a number belongs to, and the place that record names (happy-dom, as the content script sees it).

import { afterEach, describe, expect, it } from 'vitest';
import { scanText } from '@/lib/number/scan-text';
import { badgeButton } from '@/lib/page/badge';
import { collectAll } from '@/lib/page/collect';
import type { PageGuard } from '@/lib/page/page-guard';
import { recordLocationOf } from '@/lib/page/record';
import type { PageScan } from '@/lib/protocol/messages';
import { instantGuard } from '../instant-background';

/** Each number on the page with the places its record names ('' for none). */
function placesOnPage(html: string): [string, string][] {
  document.body.innerHTML = html;
  return collectAll(document.body, scanText).map((f) => [
    f.e164,
    recordLocationOf(f.node).location?.regions.join('/') ?? '',
  ]);
}

const HEADER = `<header>Acme Dialers · 100 Congress Ave, Austin, TX 78701 · Support (512) 555-0100</header>`;
const FOOTER = `<footer><address>Acme Inc., 1 Market St, San Francisco, CA 94105</address></footer>`;

describe('recordLocationOf', () => {
  it('table rows: each row by its own State / ZIP columns, the header cells naming them', () => {
    const rows = placesOnPage(`${HEADER}
      <table><thead><tr><th>Name</th><th>Phone</th><th>City</th><th>Mailing State</th><th>ZIP</th></tr></thead>
      <tbody>
        <tr><td>Ann</td><td>(212) 555-0134</td><td>Oakland</td><td>CA</td><td>94607</td></tr>
        <tr><td>Bo</td><td>(212) 555-0135</td><td>Dallas</td><td>TX</td><td></td></tr>
        <tr><td>Cy</td><td>(212) 555-0136</td><td></td><td></td><td>98101</td></tr>
        <tr><td>Di</td><td>(212) 555-0137</td><td>Portland</td><td></td><td></td></tr>
        <tr><td>Ed</td><td>(212) 555-0138</td><td></td><td>IN</td><td></td></tr>
      </tbody></table>${FOOTER}`);
    expect(rows).toEqual([
      ['+15125550100', ''],
      ['+12125550134', 'CA'],
      ['+12125550135', 'TX'],
      ['+12125550136', 'WA'],
      ['+12125550137', ''],
      ['+12125550138', 'IN'],
    ]);
  });

  it('a record nested in a cell (a company card) is not read for the row, the cell’s own text is', () => {
    const rows = placesOnPage(`<table><tr><th>Phone</th><th>Company</th><th>Address</th></tr>
      <tr><td>(212) 555-0150</td><td><div class="card company">Acme · Austin, TX 78701</div></td><td></td></tr>
      <tr><td>(212) 555-0151</td><td><div class="card company">Acme · Austin, TX 78701</div></td>
        <td><span>Oakland,</span> <b>CA</b> 94607</td></tr></table>`);
    expect(rows).toEqual([
      ['+12125550150', ''],
      ['+12125550151', 'CA'],
    ]);
  });

  it('a row with two different places names both; the row reads no caption or section above it', () => {
    const rows = placesOnPage(`<section><h2>Leads of the Dallas, TX office</h2>
      <table><tr><th>Phone</th><th>State</th><th>Postal Code</th></tr>
      <tr><td>212-555-0140</td><td>TX</td><td>98101</td></tr>
      <tr><td>212-555-0141</td><td></td><td></td></tr></table></section>`);
    expect(rows).toEqual([
      ['+12125550140', 'TX/WA'],
      ['+12125550141', ''],
    ]);
  });

  it('cards side by side: each card its own address, never the neighbour’s', () => {
    const rows = placesOnPage(`${HEADER}<div class="contacts">
      <div class="card"><h3>Ann Lee</h3><p>Mobile (212) 555-0150</p><p>Oakland, CA 94607</p></div>
      <div class="card"><h3>Bo Chan</h3><p>Mobile (212) 555-0151</p></div>
      <div class="card"><h3>Cy Roy</h3><p>Mobile (212) 555-0152</p><p>Halifax, NS B3H 1A1</p></div></div>${FOOTER}`);
    expect(rows).toEqual([
      ['+15125550100', ''],
      ['+12125550150', 'CA'],
      ['+12125550151', ''],
      ['+12125550152', 'NS'],
    ]);
  });

  it('a contact record: its mailing address applies to its numbers, the company card’s HQ only to the company’s', () => {
    const rows = placesOnPage(`${HEADER}<main><section class="record">
      <h1>Dana Ortiz</h1>
      <ul class="fields"><li>Mobile: (212) 555-0160</li><li>Office: (646) 555-0161</li><li>Email: dana@example.com</li></ul>
      <dl><dt>Mailing Address</dt><dd>55 Lake Ave<br>Oakland, CA 94607</dd></dl>
      <aside class="card company"><h2>Globex Corp</h2><p>HQ: 200 Main St, Boston, MA 02110</p><p>Main line (617) 555-0162</p></aside>
    </section></main>${FOOTER}`);
    expect(rows).toEqual([
      ['+15125550100', ''],
      ['+12125550160', 'CA'],
      ['+16465550161', 'CA'],
      ['+16175550162', 'MA'],
    ]);
  });

  it('a company card that does not hold the number is not read for it; labelled fields and inputs are', () => {
    const rows = placesOnPage(`<form class="lead-form">
      <label>Phone <input value="(212) 555-0170"></label>
      <label for="st">State/Province</label><input id="st" value="Ontario">
      <div class="card account"><p>Account HQ: Miami, FL 33131</p></div>
    </form>`);
    expect(rows).toEqual([['+12125550170', 'ON']]);
  });

  it('the dialer’s current lead: city and state beside the number; nothing outside a record', () => {
    const rows = placesOnPage(`${HEADER}<div class="dialer"><div class="current-lead">
      <h2>Now calling: Sam Park</h2><p>Tulsa, OK</p><p>(212) 555-0180</p></div>
      <p>Last call: 415-555-0181</p></div>`);
    expect(rows).toEqual([
      ['+15125550100', ''],
      ['+12125550180', 'OK'],
      ['+14155550181', ''],
    ]);
  });
});

describe('PageGuard with record locations', () => {
  let guard: PageGuard | undefined;
  const sent: PageScan[] = [];
  afterEach(() => {
    guard?.stop();
    guard = undefined;
  });
  const settle = async () => {
    for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const badges = () =>
    [...document.querySelectorAll('consent-guard-badge')].map((b) => [
      b.getAttribute('data-consent-number'),
      b.getAttribute('data-consent-location'),
    ]);

  it('asks with the record’s places, marks the badge, and follows a row whose address changes', async () => {
    document.body.innerHTML = `<table><tr><th>Phone</th><th>State</th></tr>
      <tr id="a"><td>(212) 555-0190</td><td>CA</td></tr>
      <tr id="b"><td>(212) 555-0191</td><td></td></tr></table>`;
    sent.length = 0;
    guard = instantGuard(document, sent, { text: (key, ...subs) => [key, ...subs].join(':') });
    guard.start();
    await settle();
    expect(badges()).toEqual([
      ['+12125550190', 'CA'],
      ['+12125550191', null],
    ]);
    expect(sent[0]).toMatchObject({ lookup: ['+12125550191'], located: [{ e164: '+12125550190', regions: ['CA'] }] });
    expect(sent[0]?.present).toEqual(['+12125550190', '+12125550191']);
    // The tab's summary gets the located number with its record's words, for the popup's list.
    // (and the id of its record on the page, which the side panel groups by).
    expect(sent[0]?.places).toEqual([
      { e164: '+12125550190', regions: ['CA'], text: 'State: CA', source: 'column', record: 'r1' },
    ]);

    // The SPA fills row b's State and changes row a's: each badge follows its own row.
    const cell = (row: string) => document.querySelector(`#${row} td:nth-child(2)`) as HTMLElement;
    cell('b').textContent = 'TX';
    cell('a').textContent = '';
    await settle();
    expect(badges()).toEqual([
      ['+12125550190', null],
      ['+12125550191', 'TX'],
    ]);
    expect(document.querySelectorAll('consent-guard-badge')).toHaveLength(2);
    // A closed shadow root: the page sees none; the extension keeps its button.
    const host = document.querySelectorAll('consent-guard-badge')[1] as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    const button = badgeButton(host);
    expect(button?.textContent).toContain('badgeRecord:TX:CA');
  });
});
