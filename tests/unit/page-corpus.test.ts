import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { AREA_CODES } from '@/lib/data/area-codes';
import { scanText } from '@/lib/number/scan-text';
import { collectAll, type Found } from '@/lib/page/collect';
import { type Badge, type BadgeScore, scoreBadges } from '../support/page-score';

/**
 * The labelled page corpus written by tests/fixtures/pages/make-pages.mjs (truth by construction): each
 * page parsed in happy-dom, walked with `collectAll` as the content script would, scored per frame.
 * Scripted pages are also run (happy-dom with JavaScript on) and scored in their final state.
 */
const DIR = join(__dirname, '../fixtures/pages');
const OPTIONS = { isAssignedNpa: (npa: string) => npa in AREA_CODES };

interface Frames {
  [frame: string]: Badge[];
}
interface Truth {
  frames: Frames;
  initial?: { frames: Frames };
  scenarios?: { name: string; clicks: string[]; frames: Frames }[];
  lookalikes: Record<string, number>;
}

const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const truthOf = (name: string) => JSON.parse(read(`${name}.truth.json`)) as Truth;

function open(html: string, scripts = false): Window {
  const window = new Window({
    url: 'http://127.0.0.1/pages/page.html',
    settings: {
      enableJavaScriptEvaluation: scripts,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableIframePageLoading: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigator: { userAgent: 'page-corpus' },
    },
  });
  window.document.write(html);
  return window;
}

/** The badges the content script shows: a `tel:` link whose own text shows the same number gets one, from the text. */
function badgesOf(found: Found[]): Badge[] {
  const texts = found.filter((f) => f.where === 'text');
  return found
    .filter(
      (f) => f.where !== 'tel-link' || !texts.some((t) => t.e164 === f.e164 && (f.node as Element).contains(t.node)),
    )
    .map((f) => ({ e164: f.e164, where: f.where }));
}

function scanDocument(window: Window): { badges: Badge[]; found: Found[] } {
  const found = collectAll(window.document.body as unknown as Node, scanText, OPTIONS);
  return { badges: badgesOf(found), found };
}

async function until(window: Window, test: () => boolean, timeoutMs = 5000) {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error('page scripts did not finish');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await window.happyDOM.waitUntilComplete();
}

interface Row {
  page: string;
  frame: string;
  truth: number;
  score: BadgeScore;
  found: Found[];
}
const rows: Row[] = [];

function check(page: string, frame: string, expected: Badge[], actual: { badges: Badge[]; found: Found[] }) {
  const score = scoreBadges(expected, actual.badges);
  rows.push({ page, frame, truth: expected.length, score, found: actual.found });
  const wrong = {
    falsePositives: score.falsePositives.map((b) => {
      const f = actual.found.find((x) => x.e164 === b.e164 && x.where === b.where);
      return `${b.where} ${b.e164} ${JSON.stringify(f?.raw)}`;
    }),
    falseNegatives: score.falseNegatives.map((b) => `${b.where} ${b.e164}`),
  };
  const detail = `${page} [${frame}] ${JSON.stringify(wrong, null, 1)}`;
  expect(score.precision, detail).toBeGreaterThanOrEqual(0.99);
  expect(score.recall, detail).toBeGreaterThanOrEqual(0.99);
}

const STATIC_PAGES = [
  'crm-list',
  'contact',
  'dialer',
  'call-log',
  'tel-links',
  'split-unicode',
  'notes',
  'billing',
  'international',
  'glued-and-wide',
];

describe('scoreBadges', () => {
  it('matches (e164, where) as multisets', () => {
    const a = { e164: '+14155550134', where: 'text' };
    const b = { e164: '+12125550175', where: 'tel-link' };
    const s = scoreBadges([a, a, b], [a, { ...b, where: 'text' }, a, a]);
    expect(s).toMatchObject({ tp: 2, fp: 2, fn: 1, precision: 0.5, recall: 2 / 3 });
    expect(s.falsePositives).toEqual([{ ...b, where: 'text' }, a]);
    expect(s.falseNegatives).toEqual([b]);
    expect(scoreBadges([], [])).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('collectAll on the labelled pages', () => {
  afterAll(() => {
    const total = { truth: 0, tp: 0, fp: 0, fn: 0 };
    const lines = rows.map((r) => {
      total.truth += r.truth;
      total.tp += r.score.tp;
      total.fp += r.score.fp;
      total.fn += r.score.fn;
      return `${r.page.padEnd(26)} ${r.frame.padEnd(8)} ${String(r.truth).padStart(5)} ${String(r.score.tp).padStart(5)} ${String(r.score.fp).padStart(4)} ${String(r.score.fn).padStart(4)}  ${r.score.precision.toFixed(3)}  ${r.score.recall.toFixed(3)}`;
    });
    console.log(
      [
        `${'page'.padEnd(26)} ${'frame'.padEnd(8)} truth    tp   fp   fn  prec   recall`,
        ...lines,
        `${'TOTAL'.padEnd(35)} ${String(total.truth).padStart(5)} ${String(total.tp).padStart(5)} ${String(total.fp).padStart(4)} ${String(total.fn).padStart(4)}`,
      ].join('\n'),
    );
  });

  for (const name of STATIC_PAGES) {
    it(`${name}: static page`, { timeout: 60_000 }, () => {
      const truth = truthOf(name);
      const window = open(read(`${name}.html`));
      check(name, 'top', truth.frames.top ?? [], scanDocument(window));
      window.close();
    });
  }

  it('iframes: every frame as its own document', () => {
    const truth = truthOf('iframes');
    const top = open(read('iframes.html'));
    check('iframes', 'top', truth.frames.top ?? [], scanDocument(top));
    const document = top.document;
    const srcdoc = document.getElementById('srcdoc')?.getAttribute('srcdoc') ?? '';
    const blank = document.getElementById('blank-content')?.innerHTML ?? '';
    top.close();
    for (const [frame, html] of [
      ['child', read('iframe-child.html')],
      ['srcdoc', srcdoc],
      ['blank', `<!doctype html><html><body>${blank}</body></html>`],
    ] as const) {
      const window = open(html);
      check('iframes', frame, truth.frames[frame] ?? [], scanDocument(window));
      window.close();
    }
  });

  for (const [name, done] of [
    ['spa', 'spaDone'],
    ['shadow', 'shadowDone'],
  ] as const) {
    it(`${name}: static HTML, then the final state after its scripts`, { timeout: 20_000 }, async () => {
      const truth = truthOf(name);
      const html = read(`${name}.html`);
      const still = open(html);
      check(`${name} (initial)`, 'top', truth.initial?.frames.top ?? [], scanDocument(still));
      still.close();
      const window = open(html, true);
      await until(window, () => window.document.body.dataset[done] === 'true');
      check(`${name} (final)`, 'top', truth.frames.top ?? [], scanDocument(window));
      window.close();
    });
  }

  it('dialer: keying a number into the pad', async () => {
    const truth = truthOf('dialer');
    for (const scenario of truth.scenarios ?? []) {
      const window = open(read('dialer.html'), true);
      await window.happyDOM.waitUntilComplete();
      for (const selector of scenario.clicks) {
        const button = window.document.querySelector(selector) as unknown as HTMLElement | null;
        if (!button) throw new Error(`no ${selector}`);
        button.click();
      }
      check('dialer (keyed)', 'top', scenario.frames.top ?? [], scanDocument(window));
      window.close();
    }
  });

  it('overall: precision and recall ≥ 0.99', () => {
    const tp = rows.reduce((n, r) => n + r.score.tp, 0);
    const fp = rows.reduce((n, r) => n + r.score.fp, 0);
    const fn = rows.reduce((n, r) => n + r.score.fn, 0);
    expect(rows.length).toBeGreaterThan(0);
    expect({ precision: tp / (tp + fp) >= 0.99, recall: tp / (tp + fn) >= 0.99 }).toEqual({
      precision: true,
      recall: true,
    });
  });
});
