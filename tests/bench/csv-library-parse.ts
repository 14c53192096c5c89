/**
 * The CSV library side of the CSV bench: the same file parsed by a well-kept streaming library, every
 * cell of every row read, as `csv-bare-parse.ts` does with ours. Prints `rows cells`.
 * Run as a child process: `node --import tsx tests/bench/csv-library-parse.ts csv-parse|papaparse FILE`.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import Papa from 'papaparse';

const [library, file = ''] = process.argv.slice(2);
let rows = 0;
let cells = 0;
if (library === 'csv-parse') {
  // Options closest to our rules: a BOM dropped, rows of any width, a quote inside a cell kept.
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true }),
  );
  for await (const row of parser as AsyncIterable<string[]>) {
    rows++;
    cells += row.length;
  }
} else if (library === 'papaparse') {
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
      delimiter: ',',
      step: (row) => {
        rows++;
        cells += row.data.length;
      },
      complete: () => resolve(),
      error: reject,
    });
  });
} else {
  throw new Error(`unknown library ${library}`);
}
console.log(rows, cells);
