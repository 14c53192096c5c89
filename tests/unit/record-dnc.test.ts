// Do-not-call flags read from the record that holds a number (happy-dom, as the content script sees it).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '@/lib/number/scan-text';
import { collectAll } from '@/lib/page/collect';
import { newRecordCache } from '@/lib/page/record';
import { isDncLabel, recordDncOf } from '@/lib/page/record-dnc';

/** Each number on the page and whether its record flags it do-not-call. */
function flagsOnPage(html: string): [string, boolean][] {
  document.body.innerHTML = html;
  const cache = newRecordCache();
  return collectAll(document.body, scanText).map((f) => [f.e164, recordDncOf(f.node, cache)]);
}

describe('isDncLabel', () => {
  it('reads the labels CRMs use, and not e-mail or fax opt-outs', () => {
    for (const yes of [
      'Do Not Call',
      'do not call:',
      'DNC',
      'Do-Not-Call?',
      "Don't call",
      'Phone opt-out',
      'Opted out of calls',
    ])
      expect(isDncLabel(yes), yes).toBe(true);
    for (const no of ['Email Opt Out', 'Fax Opt Out', 'Call notes', 'Do not email', 'Phone', 'Last call'])
      expect(isDncLabel(no), no).toBe(false);
  });
});

describe('recordDncOf', () => {
  it('table rows: the DNC column of the number’s own row only; "No" and an empty cell are no flag', () => {
    expect(
      flagsOnPage(`<table><thead><tr><th>Name</th><th>Phone</th><th>DNC</th></tr></thead><tbody>
        <tr><td>Ann</td><td>(212) 555-0134</td><td>Yes</td></tr>
        <tr><td>Bo</td><td>(212) 555-0135</td><td>No</td></tr>
        <tr><td>Cy</td><td>(212) 555-0136</td><td></td></tr>
        <tr><td>Di</td><td>(212) 555-0137</td><td>✓</td></tr></tbody></table>`),
    ).toEqual([
      ['+12125550134', true],
      ['+12125550135', false],
      ['+12125550136', false],
      ['+12125550137', true],
    ]);
  });

  it('a checkbox column: checked is a flag, unchecked is not', () => {
    const flags = flagsOnPage(`<table><tr><th>Phone</th><th>Do Not Call</th></tr>
      <tr><td>212-555-0140</td><td><input type="checkbox" checked disabled></td></tr>
      <tr><td>212-555-0141</td><td><input type="checkbox" disabled></td></tr></table>`);
    expect(flags).toEqual([
      ['+12125550140', true],
      ['+12125550141', false],
    ]);
  });

  it('a table with no do-not-call column: a row’s "Do not call" checkbox still flags it, a "Yes" cell does not', () => {
    const flags = flagsOnPage(`<table><tr><th>Name</th><th>Phone</th><th>Opted in</th></tr>
      <tr><td>Ann</td><td>212-555-0142</td><td>Yes</td></tr>
      <tr><td><input type="checkbox" aria-label="Do not call" checked> Bo</td><td>212-555-0143</td><td>No</td></tr>
      <tr><td><input type="checkbox" aria-label="Select row 3" checked> Cy</td><td>212-555-0144</td><td></td></tr></table>`);
    expect(flags).toEqual([
      ['+12125550142', false],
      ['+12125550143', true],
      ['+12125550144', false],
    ]);
  });

  it('Salesforce-like record: a checked "Do Not Call" checkbox flags its numbers; a neighbouring record’s does not', () => {
    const flags = flagsOnPage(`<div class="contacts">
      <div class="record"><h3>Ann Lee</h3><p>Phone (212) 555-0150</p><p>Mobile (212) 555-0151</p>
        <div class="field"><label for="a">Do Not Call</label><input id="a" type="checkbox" checked disabled></div></div>
      <div class="record"><h3>Bo Chan</h3><p>Phone (212) 555-0152</p>
        <div class="field"><label for="b">Do Not Call</label><input id="b" type="checkbox" disabled></div></div>
      <div class="record"><h3>Cy Roy</h3><p>Phone (212) 555-0153</p></div></div>`);
    expect(flags).toEqual([
      ['+12125550150', true],
      ['+12125550151', true],
      ['+12125550152', false],
      ['+12125550153', false],
    ]);
  });

  it('HubSpot-like properties: label then value; "Do not call: Yes" on one line; aria checkboxes', () => {
    const flags = flagsOnPage(`
      <section class="card"><h3>Ann</h3><dl><dt>Phone number</dt><dd>(212) 555-0160</dd>
        <dt>Do not call</dt><dd>Yes</dd></dl></section>
      <section class="card"><h3>Bo</h3><dl><dt>Phone number</dt><dd>(212) 555-0161</dd>
        <dt>Do not call</dt><dd>No</dd></dl></section>
      <section class="card"><h3>Cy</h3><p>(212) 555-0162</p><p>Do Not Call: Yes</p></section>
      <section class="card"><h3>Di</h3><p>(212) 555-0163</p>
        <span role="checkbox" aria-checked="true" aria-label="Phone opt-out"></span></section>
      <section class="card"><h3>Ed</h3><p>(212) 555-0164</p><p>Email opt out: Yes</p></section>`);
    expect(flags).toEqual([
      ['+12125550160', true],
      ['+12125550161', false],
      ['+12125550162', true],
      ['+12125550163', true],
      ['+12125550164', false],
    ]);
  });

  it('a nested record (the company card inside a contact) never lends its flag to the contact, nor page chrome', () => {
    const flags = flagsOnPage(`<header>Main line (512) 555-0100 · DNC: Yes</header>
      <article class="contact"><h3>Ann</h3><p>Mobile (212) 555-0170</p>
        <div class="card company"><h4>Acme</h4><p>Switchboard (212) 555-0171</p><p>Do Not Call: Yes</p></div>
      </article>`);
    expect(flags).toEqual([
      ['+15125550100', false],
      ['+12125550170', false],
      ['+12125550171', true],
    ]);
  });
});

describe('the generated record pages (truth written by make-dnc-pages.mjs)', () => {
  for (const name of ['salesforce', 'hubspot', 'table']) {
    it(`${name}: every number flagged exactly as its record is, and the header never`, () => {
      const dir = path.join(import.meta.dirname, '../fixtures/dnc');
      const html = fs.readFileSync(path.join(dir, `${name}.html`), 'utf8');
      const truth: { e164: string; dnc: string | null }[] = JSON.parse(
        fs.readFileSync(path.join(dir, `${name}.truth.json`), 'utf8'),
      ).numbers;
      const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
      expect(flagsOnPage(body)).toEqual(truth.map((t) => [t.e164, t.dnc === 'record']));
    });
  }
});
