// Renders docs/robustness.md from tests/artifacts/robustness.json, the rows the robustness tests
// record as they run (tests/unit/*-fuzz.test.ts, tests/e2e/hostile.test.mjs, tests/e2e/adversary.test.mjs,
// tests/e2e/guard.test.mjs, tests/e2e/resilience.test.mjs).
//   npx vitest run tests/unit/messages-fuzz.test.ts tests/unit/settings-fuzz.test.ts tests/unit/scanner-classify-fuzz.test.ts
//   npm run build && node --test --test-concurrency=1 tests/e2e/hostile.test.mjs tests/e2e/adversary.test.mjs tests/e2e/guard.test.mjs tests/e2e/resilience.test.mjs
//   node tests/robustness-report.mjs
import fs from 'node:fs';
import path from 'node:path';
import { ROWS_FILE } from './robustness-rows.mjs';

const OUT = path.resolve(import.meta.dirname, '../docs/robustness.md');
const AREAS = [
  'Network (e2e, DevTools protocol)',
  'Service-worker restarts (e2e)',
  'Hostile pages (e2e)',
  'The page as an adversary (e2e)',
  'Messages from pages (e2e)',
  'Background messages (unit, fast-check)',
  'Stored settings (unit, fast-check)',
  'scanText / classify (unit, fast-check)',
];
/** Rows every complete run writes: a missing one means a test did not run (or failed before recording). */
const EXPECTED = [
  'e2e-no-network',
  'e2e-worker-restart',
  'e2e-hostile-builtins',
  'e2e-hostile-csp',
  'e2e-hostile-50k',
  'e2e-hostile-storm',
  'e2e-hostile-extreme',
  'e2e-hostile-script-text',
  'e2e-hostile-fight',
  'e2e-hostile-forged',
  'e2e-adversary-globals',
  'e2e-adversary-stop',
  'e2e-adversary-worker-bursts',
  'e2e-adversary-certificate',
  'e2e-adversary-csp',
  'e2e-guard-spy',
  'e2e-guard-clipboard',
  'e2e-guard-stacks',
  'e2e-guard-navigate-away',
  'e2e-guard-storage',
  'e2e-guard-storage-access',
  'e2e-page-messages',
  'e2e-content-garbage',
  'unit-messages-fuzz',
  'unit-settings-any',
  'unit-settings-fields',
  'unit-fuzz-unicode',
  'unit-fuzz-linear-scan',
  'unit-fuzz-linear-classify',
];

/** The README's one-line names for the rows. */
const SHORT = {
  'e2e-no-network': 'every fixture page, then the popup and the options page in use: network watched on every target',
  'e2e-worker-restart': 'the service worker stopped while pages are open',
  'e2e-hostile-builtins':
    'a page that overrides built-ins (Array.prototype.map, JSON.parse, appendChild, MutationObserver…)',
  'e2e-hostile-csp': 'a strict Content-Security-Policy',
  'e2e-hostile-50k': '50,000 numbers on one page',
  'e2e-hostile-storm': '1,000 page mutations a second for 10 s',
  'e2e-hostile-extreme': 'a 1 MB text node; a DOM 5,000 levels deep',
  'e2e-hostile-script-text': 'script-like text around numbers',
  'e2e-hostile-fight': 'a page that removes or restyles our badges',
  'e2e-hostile-forged': 'a page that forges badges with our data attributes',
  'e2e-adversary-globals': 'a page declaring `let shadowWatch` and other names our page-world hook might leave',
  'e2e-adversary-stop':
    'a page that reads the extension id from stack traces and forges WXT’s “content script started” event to stop us',
  'e2e-adversary-worker-bursts': 'the service worker stopped three times during bursts of 800 new numbers',
  'e2e-adversary-certificate':
    'the test certificate: a leaf for the test host only, made at test time, no key committed',
  'e2e-adversary-csp': 'extension pages under a strict content security policy (an injected inline script)',
  'e2e-guard-spy':
    'a page that clicks our badges by script, re-points one, and reads everything it can of our badges and panel for the agent’s name, company and region',
  'e2e-guard-clipboard':
    'a page that refuses the async clipboard (Permissions-Policy), hooks execCommand and replaces or stops the copy event',
  'e2e-guard-stacks':
    'a page reading `Error.prepareStackTrace` call sites wherever its code runs under our page-world hook',
  'e2e-guard-navigate-away': 'a tab that goes from a CRM page to a site where we don’t run: the popup',
  'e2e-guard-storage':
    'one tab filling storage.session (66 frames of 5,000 numbers twice; a 300,000-number frame changing every 100 ms) beside another tab',
  'e2e-guard-storage-access': 'storage from a content script’s world (a compromised renderer’s stand-in)',
  'e2e-page-messages': 'a web page trying to message the extension',
  'e2e-content-garbage': 'garbage messages from a content script',
  'unit-messages-fuzz': '3,000 fuzzed messages from forged senders',
  'unit-settings-any': 'corrupted stored and managed settings',
  'unit-fuzz-unicode': 'random Unicode into the scanner and classify',
  'unit-fuzz-linear-scan': 'adversarial input sizes (work counted: linear)',
};

/** What the README's short table must not hide. */
const CAVEAT = {
  'e2e-no-network': '**0** requests by the extension',
  'e2e-hostile-50k':
    'every row badged once, with its right answer (light placeholders until near the viewport); the agent’s click is handled while the answers are still coming (the main-thread budgets: `npm run bench`)',
  'e2e-hostile-storm':
    'every row ends with one right badge; the agent’s click is handled mid-storm (its main-thread cost against the page alone: `npm run bench`)',
};

const rows = JSON.parse(fs.readFileSync(ROWS_FILE, 'utf8'));
const missing = EXPECTED.filter((id) => !rows[id]);
if (missing.length > 0) {
  console.error(
    `robustness-report: no rows for ${missing.join(', ')}: run the tests first (see the top of this file).`,
  );
  process.exit(1);
}
/** A row says "yes" only when every assertion of its test passed (tests/support/robustness.ts, tests/e2e/robustness-suite.mjs). */
const survived = (r) => (r.passed === false ? `**no**: ${r.result}` : r.result);
const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const dates = Object.values(rows)
  .map((r) => r.at?.slice(0, 10))
  .filter(Boolean)
  .sort();
const browser = rows['meta-browser']?.tried ?? 'Chromium';

let md = `# Robustness

What the robustness tests tried against Consent Guard, and what it survived. **Requests made by the
extension: zero.** Generated by \`node tests/robustness-report.mjs\` from the rows the tests record in
\`tests/artifacts/robustness.json\` (${browser}; runs of ${dates[0]}${dates.at(-1) !== dates[0] ? ` to ${dates.at(-1)}` : ''}).
The tests: \`tests/e2e/resilience.test.mjs\`, \`tests/e2e/hostile.test.mjs\`, \`tests/e2e/adversary.test.mjs\` and \`tests/e2e/guard.test.mjs\` (pages in \`tests/fixtures/hostile/\`),
\`tests/unit/messages-fuzz.test.ts\`, \`tests/unit/settings-fuzz.test.ts\`, \`tests/unit/scanner-classify-fuzz.test.ts\`.
Timings are from one run on the test machine: they vary from run to run and machine to machine.
`;
for (const area of [...AREAS, ...new Set(Object.values(rows).map((r) => r.area))]) {
  if (area === 'meta' || md.includes(`\n## ${area}\n`)) continue;
  const list = Object.values(rows).filter((r) => r.area === area);
  if (list.length === 0) continue;
  md += `\n## ${area}\n\n| tried | survived | measured |\n| --- | --- | --- |\n`;
  for (const r of list) md += `| ${cell(r.tried)} | ${cell(survived(r))} | ${cell(r.figures)} |\n`;
}
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, md);
console.log(`wrote ${path.relative(process.cwd(), OUT)} (${Object.keys(rows).length} rows)`);

// The README carries the short version, between its robustness markers.
const README = path.resolve(import.meta.dirname, '../README.md');
const START = '<!-- robustness:start -->';
const END = '<!-- robustness:end -->';
const readme = fs.readFileSync(README, 'utf8');
if (readme.includes(START) && readme.includes(END)) {
  let table = '| tried | survived |\n| --- | --- |\n';
  for (const [id, label] of Object.entries(SHORT)) {
    const r = rows[id];
    if (!r) continue;
    table += `| ${label} | ${r.passed === false ? `**no**: ${r.result}` : `yes${CAVEAT[id] ? `: ${CAVEAT[id]}` : ''}`} |\n`;
  }
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  fs.writeFileSync(README, `${before}\n${table}${after}`);
  console.log('updated the README table');
}
