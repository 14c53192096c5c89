import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { AREA_CODES } from '@/lib/data/area-codes';
import { consentOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import { scanText } from '@/lib/number/scan-text';
import { collectAll } from '@/lib/page/collect';
import { newRecordCache, recordLocationOf } from '@/lib/page/record';

/**
 * The record-location pages written by tests/fixtures/pages/make-location-pages.mjs (truth by
 * construction): each number's record place as the content script reads it, and the final answer.
 */
const DIR = join(__dirname, '../fixtures/pages');
const PAGES = ['loc-list', 'loc-contact', 'loc-dialer', 'loc-zip'];
const OPTIONS = { isAssignedNpa: (npa: string) => npa in AREA_CODES };
const at = new Date('2026-12-02T18:00:00Z');

interface Truth {
  numbers: { e164: string; location: string | null; consent: string }[];
}

const totals = { truthLocated: 0, located: 0, right: 0, numbers: 0, consentRight: 0 };
const lines: string[] = [];

afterAll(() => {
  const precision = totals.right / Math.max(1, totals.located);
  const recall = totals.right / Math.max(1, totals.truthLocated);
  console.log(
    [
      ...lines,
      `ALL: location precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}; data-consent ${totals.consentRight}/${totals.numbers}`,
    ].join('\n'),
  );
});

describe('record locations on the labelled pages', () => {
  for (const name of PAGES) {
    it(name, { timeout: 60_000 }, () => {
      const truth = JSON.parse(readFileSync(join(DIR, `${name}.truth.json`), 'utf8')) as Truth;
      const window = new Window({
        url: 'http://127.0.0.1/pages/page.html',
        settings: { disableJavaScriptEvaluation: true },
      });
      window.document.write(readFileSync(join(DIR, `${name}.html`), 'utf8'));
      const cache = newRecordCache();
      const found = collectAll(window.document.body as unknown as Node, scanText, OPTIONS);
      const actual = new Map(
        found.map((f) => {
          const place = recordLocationOf(f.node, cache).location;
          const c = classify(f.e164, { at, calleeLocation: place });
          return [f.e164, { location: c.calleeLocation, consent: consentOf(c) }];
        }),
      );
      window.close();
      let truthLocated = 0;
      let located = 0;
      let right = 0;
      let consentRight = 0;
      const wrong: string[] = [];
      for (const t of truth.numbers) {
        const a = actual.get(t.e164);
        if (t.location) truthLocated++;
        if (a?.location) located++;
        if (t.location && a?.location === t.location) right++;
        if (a?.consent === t.consent) consentRight++;
        if (a?.location !== t.location || a?.consent !== t.consent)
          wrong.push(`${t.e164}: expected ${t.location}/${t.consent}, got ${a?.location}/${a?.consent}`);
      }
      // Every badge the page shows is in the truth: a location read for a number that is not there would not count.
      expect(actual.size).toBe(truth.numbers.length);
      const precision = right / Math.max(1, located);
      const recall = right / Math.max(1, truthLocated);
      lines.push(
        `${name.padEnd(12)} numbers ${truth.numbers.length}, located ${truthLocated} (truth) ${located} (read), right ${right}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}; data-consent ${consentRight}/${truth.numbers.length}`,
      );
      Object.assign(totals, {
        truthLocated: totals.truthLocated + truthLocated,
        located: totals.located + located,
        right: totals.right + right,
        numbers: totals.numbers + truth.numbers.length,
        consentRight: totals.consentRight + consentRight,
      });
      const detail = wrong.slice(0, 10).join('\n');
      expect(precision, detail).toBeGreaterThanOrEqual(0.98);
      expect(recall, detail).toBeGreaterThanOrEqual(0.95);
      expect(consentRight / truth.numbers.length, detail).toBeGreaterThanOrEqual(0.99);
    });
  }
});
