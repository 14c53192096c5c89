// Store packages: `npm run zip` gives the Chrome zip, the Firefox zip and the sources zip; the sources
// zip alone (with the installed dependencies) builds the Firefox package again, file for file; both
// manifests carry package.json's version; `web-ext lint` finds no error and no warning.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import { ROOT } from '../harness.mjs';

const { version, name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const OUT = path.join(ROOT, '.output');
const zipOf = (kind) => path.join(OUT, `${name}-${version}-${kind}.zip`);
const run = (args, cwd = ROOT) => execFileSync('npx', args, { cwd, stdio: 'pipe', encoding: 'utf8' });

async function filesOf(zipPath) {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  const files = {};
  for (const file of Object.values(zip.files)) if (!file.dir) files[file.name] = await file.async('nodebuffer');
  return files;
}

test('npm run zip: the Chrome, Firefox and sources zips; the sources rebuild the Firefox package exactly', {
  timeout: 300_000,
}, async () => {
  for (const kind of ['chrome', 'firefox', 'sources']) fs.rmSync(zipOf(kind), { force: true });
  execFileSync('npm', ['run', '-s', 'zip'], { cwd: ROOT, stdio: 'pipe' });
  const chrome = await filesOf(zipOf('chrome'));
  const firefox = await filesOf(zipOf('firefox'));
  const sources = await filesOf(zipOf('sources'));

  for (const pkg of [chrome, firefox]) assert.equal(JSON.parse(pkg['manifest.json']).version, version);
  assert.equal(JSON.parse(chrome['manifest.json']).manifest_version, 3);
  assert.ok(JSON.parse(firefox['manifest.json']).browser_specific_settings.gecko.id);

  // What the reviewers get: the build's inputs and instructions, not the tests or store images.
  const names = Object.keys(sources);
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'PRIVACY.md'])
    assert.ok(names.includes(needed), `${needed} is in the sources zip`);
  assert.ok(names.includes('docs/store/build-from-sources.md'));
  assert.ok(names.some((n) => n.startsWith('entrypoints/')) && names.some((n) => n.startsWith('lib/')));
  assert.deepEqual(
    names.filter(
      (n) => /^(tests|node_modules|\.output|\.wxt)\//.test(n) || (n.endsWith('.png') && n.startsWith('docs/')),
    ),
    [],
  );

  // Rebuilt from the sources zip alone, with the same installed dependencies.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consent-guard-sources-'));
  try {
    for (const [file, content] of Object.entries(sources)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    run(['wxt', 'build', '-b', 'firefox', '--mv3'], dir);
    const rebuilt = path.join(dir, '.output/firefox-mv3');
    const rebuiltFiles = fs
      .readdirSync(rebuilt, { recursive: true })
      .filter((f) => fs.statSync(path.join(rebuilt, f)).isFile());
    assert.deepEqual(rebuiltFiles.sort(), Object.keys(firefox).sort());
    for (const file of rebuiltFiles)
      assert.ok(
        fs.readFileSync(path.join(rebuilt, file)).equals(firefox[file]),
        `${file} differs when built from the sources`,
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('web-ext lint: no error and no warning; no bundle can set HTML', () => {
  const dir = path.join(OUT, 'firefox-mv3');
  let out;
  try {
    out = run(['web-ext', 'lint', '--source-dir', dir, '--output', 'json']);
  } catch (error) {
    out = error.stdout; // non-zero exit when there are errors: the JSON still says which.
  }
  const report = JSON.parse(out);
  assert.deepEqual(
    [...report.errors, ...report.warnings].map((e) => `${e.code}: ${e.message} (${e.file})`),
    [],
  );
  const bundles = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js'));
  for (const file of bundles)
    assert.doesNotMatch(fs.readFileSync(path.join(dir, file), 'utf8'), /\.innerHTML\s*=[^=]/, file);
  // The Preact branch the build removes is one the project never reaches.
  const sources = ['components', 'entrypoints'].flatMap((d) =>
    fs.readdirSync(path.join(ROOT, d), { recursive: true }).map((f) => path.join(ROOT, d, f)),
  );
  for (const file of sources.filter((f) => /\.tsx?$/.test(f)))
    assert.ok(!fs.readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML'), file);
});

test('CHANGELOG.md’s top entry is this version', () => {
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  assert.equal(changelog.match(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/m)?.[1], version);
});
