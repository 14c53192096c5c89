// Rows for docs/robustness.md: each robustness test records what it tried and what it measured
// into tests/artifacts/robustness.json (keyed by row id, so a rerun replaces its rows), and
// tests/robustness-report.mjs renders the table. Safe with test files running in parallel.
import fs from 'node:fs';
import path from 'node:path';

export const ROWS_FILE = path.resolve(import.meta.dirname, 'artifacts/robustness.json');

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Adds or replaces rows `{ id, area, tried, result, figures }` in tests/artifacts/robustness.json. */
export function recordRows(rows) {
  fs.mkdirSync(path.dirname(ROWS_FILE), { recursive: true });
  const lock = `${ROWS_FILE}.lock`;
  let fd;
  for (let i = 0; fd === undefined; i++) {
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a killed run is stale after 5 s.
      if (i > 100 && Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 5000)
        fs.rmSync(lock, { force: true });
      sleep(20);
    }
  }
  try {
    let all = {};
    try {
      all = JSON.parse(fs.readFileSync(ROWS_FILE, 'utf8'));
    } catch {
      all = {};
    }
    const at = new Date().toISOString();
    for (const row of rows) all[row.id] = { ...row, at };
    const tmp = `${ROWS_FILE}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`);
    fs.renameSync(tmp, ROWS_FILE);
  } finally {
    fs.closeSync(fd);
    fs.rmSync(lock, { force: true });
  }
}
