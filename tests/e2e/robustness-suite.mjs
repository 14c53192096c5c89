// Robustness tests whose rows in docs/robustness.md tell the truth: a row says "survived" only when
// every assertion of its test passed; a failed test records its rows as not survived, with the
// first line of the failure, before node:test reports it.
import { after, test } from 'node:test';
import { recordRows } from '../robustness-rows.mjs';

const firstLine = (error) =>
  String(error?.message ?? error)
    .split('\n')[0]
    .slice(0, 300);

/** `prefix` makes row ids (`e2e-hostile-` + `50k`); rows are written to the report file after the file's tests. */
export function robustnessSuite(prefix) {
  const done = new Map();
  let pending = new Map();
  after(() => recordRows([...done.values()]));

  return {
    /** What the running test tried and measured: `{ area, tried, result, figures }`. */
    row(id, fields) {
      pending.set(id, { id: `${prefix}${id}`, ...fields });
    },
    /** A row that is no test's outcome (the browser's version, say). */
    note(id, fields) {
      done.set(id, { id, ...fields });
    },
    /** A node:test test that owns the rows `ids`, and records them with its outcome. */
    test(name, { ids, area }, body) {
      test(name, async (t) => {
        pending = new Map();
        try {
          await body(t);
        } catch (error) {
          for (const id of ids) {
            const seen = pending.get(id) ?? { id: `${prefix}${id}`, area, tried: name, figures: '' };
            done.set(id, { ...seen, passed: false, result: `failed: ${firstLine(error)}` });
          }
          throw error;
        }
        for (const id of ids) {
          const seen = pending.get(id);
          if (!seen) throw new Error(`the test passed but never described its row ${prefix}${id}`);
          done.set(id, { ...seen, passed: true });
        }
      });
    },
  };
}
