// `npm test`: every stage in turn, each named, so that a failure says where it happened.
// The browsers stage installs Debian's Chromium (with its UI languages) and Firefox ESR when they are
// missing and this runs as root with apt; otherwise it stops with one line saying what to install.
// It never skips.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SPANISH_UI = '/usr/lib/chromium/locales/es.pak';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The Debian packages still to install (a browser given by path must simply exist). */
function missingPackages() {
  const missing = [];
  if (process.env.CHROMIUM_PATH) {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
  } else if (!fs.existsSync(CHROMIUM) || !fs.existsSync(SPANISH_UI)) missing.push('chromium', 'chromium-l10n');
  if (process.env.FIREFOX_PATH) {
    if (!fs.existsSync(FIREFOX)) throw new Error(`FIREFOX_PATH=${FIREFOX} does not exist`);
  } else if (!fs.existsSync(FIREFOX)) missing.push('firefox-esr');
  return missing;
}

function browsers() {
  let missing;
  try {
    missing = missingPackages();
  } catch (error) {
    return fail(error.message);
  }
  if (missing.length === 0) return 0;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt)
    return fail(
      `the end-to-end tests need Debian’s Chromium (with its UI languages) and Firefox ESR: apt-get install -y ${missing.join(' ')}`,
    );
  console.log(`Installing Debian’s ${missing.join(', ')} for the end-to-end tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env }).status;
  return sh('apt-get update -qq') || sh(`apt-get install -y -qq ${missing.join(' ')} >/dev/null`);
}

function fail(line) {
  console.error(`npm test: ${line}`);
  return 1;
}

const npm = (script) => () => spawnSync('npm', ['run', '-s', script], { stdio: 'inherit' }).status ?? 1;
const STAGES = [
  ['typecheck', npm('typecheck')],
  ['lint', npm('lint')],
  ['unit', npm('test:unit')],
  ['browsers', browsers],
  ['e2e', npm('test:e2e')],
  ['e2e-firefox', npm('test:e2e:firefox')],
];

const only = process.argv.slice(2);
const times = [];
for (const [name, run] of STAGES) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ stage ${name}`);
  const start = Date.now();
  const status = run();
  times.push(`${name} ${((Date.now() - start) / 1000).toFixed(0)} s`);
  if (status !== 0) {
    console.error(`\n✖ npm test failed at stage ${name} (exit ${status})`);
    process.exit(status || 1);
  }
}
console.log(`\n✔ npm test: every stage passed (${times.join(', ')})`);
