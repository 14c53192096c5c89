// `npm test`: every stage in turn, each named, so that a failure says where it happened.
// The browsers stage installs Debian's Chromium (with its UI languages) when it is missing and this
// runs as root with apt; otherwise it stops with one line saying what to install. It never skips.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SPANISH_UI = '/usr/lib/chromium/locales/es.pak';

function browsers() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(CHROMIUM) ? 0 : fail(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
  if (fs.existsSync(CHROMIUM) && fs.existsSync(SPANISH_UI)) return 0;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt)
    return fail(
      'the end-to-end tests need Debian’s Chromium and its UI languages: apt-get install -y chromium chromium-l10n',
    );
  console.log('Installing Debian’s chromium and chromium-l10n for the end-to-end tests (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env }).status;
  return sh('apt-get update -qq') || sh('apt-get install -y -qq chromium chromium-l10n >/dev/null');
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
