// An extension update keeps the agent's settings: the previous release (0.1.0, built here from its commit)
// is loaded in Chromium, settings are saved on its options page, then the new build replaces it in the
// same folder and profile, as an update does (same id, higher version); the settings are still there
// and still change the answers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EXTENSION_DIR, launchBrowser, openPopup, ROOT, watchErrors } from './harness.mjs';

/** The last released version's commit (CHANGELOG.md, 0.1.0). */
const PREVIOUS = { commit: '6992103', version: '0.1.0' };
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Builds the previous release from git into `dir` (its sources, this checkout's installed dependencies). */
function buildPrevious(dir) {
  try {
    execFileSync('git', ['-C', ROOT, 'cat-file', '-e', `${PREVIOUS.commit}^{commit}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`commit ${PREVIOUS.commit} (${PREVIOUS.version}) is not in this clone: fetch the full history`);
  }
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', PREVIOUS.commit], {
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  execFileSync('npx', ['wxt', 'build'], { cwd: dir, stdio: 'pipe' });
  return path.join(dir, '.output/chrome-mv3');
}

async function lookupNY(browser) {
  const popup = await openPopup(browser.context, browser.extensionId);
  await popup.getByTestId('lookup-input').fill('212-555-0175');
  const answer = popup.getByTestId('lookup-answer');
  await answer.filter({ hasText: 'NY ·' }).waitFor();
  const text = await answer.textContent();
  await popup.close();
  return text;
}

test('an update from the previous release keeps the settings saved with it', { timeout: 300_000 }, async () => {
  assert.notEqual(version, PREVIOUS.version, 'package.json carries a new version');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'consent-guard-update-'));
  const installed = path.join(work, 'extension'); // one folder, so one extension id, before and after
  const profileDir = path.join(work, 'profile');
  try {
    fs.mkdirSync(path.join(work, 'previous'));
    fs.cpSync(buildPrevious(path.join(work, 'previous')), installed, { recursive: true });

    const old = await launchBrowser({ extensionDir: installed, profileDir });
    const oldVersion = await old.worker.evaluate(() => chrome.runtime.getManifest().version);
    assert.equal(oldVersion, PREVIOUS.version);
    const options = await old.context.newPage();
    await options.goto(`chrome-extension://${old.extensionId}/options.html`);
    await options.getByTestId('agent-region').selectOption('FL');
    await options.getByTestId('company').fill('Acme Health');
    await options.getByTestId('agent').fill('Dana');
    await options.getByTestId('save').click();
    await options.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
    assert.equal(await lookupNY(old), 'NY · All-party');
    const oldId = old.extensionId;
    await old.close();

    // The update: the new build in the same folder, the same profile.
    fs.rmSync(installed, { recursive: true });
    fs.cpSync(EXTENSION_DIR, installed, { recursive: true });
    const updated = await launchBrowser({ extensionDir: installed, profileDir });
    try {
      assert.equal(updated.extensionId, oldId);
      assert.equal(await updated.worker.evaluate(() => chrome.runtime.getManifest().version), version);
      const page = await updated.context.newPage();
      const errors = watchErrors(page);
      await page.goto(`chrome-extension://${updated.extensionId}/options.html`);
      await page.getByTestId('save').waitFor();
      assert.equal(await page.getByTestId('agent-region').inputValue(), 'FL');
      assert.equal(await page.getByTestId('company').inputValue(), 'Acme Health');
      assert.equal(await page.getByTestId('agent').inputValue(), 'Dana');
      assert.equal(await page.getByTestId('settings-notice').count(), 0, 'nothing was reset');
      assert.equal(await lookupNY(updated), 'NY · All-party');
      assert.deepEqual(errors, []);
    } finally {
      await updated.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
