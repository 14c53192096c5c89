/**
 * The floor of the CSV scan bench: the same file streamed in 1 MB chunks, decoded as UTF-8 and parsed
 * into rows by the same CSV code as `consent scan --csv` (lib/csv.ts), with nothing done with the rows but
 * counting them and their cells (prints `rows cells`; csv-library-parse.ts does the same with a library).
 * Run as a child process, like the command: `node --import tsx tests/bench/csv-bare-parse.ts FILE`.
 */
import { createReadStream } from 'node:fs';
import { parseCsv } from '@/lib/csv';
import { CsvRowSplitter } from './csv-row-splitter';

const splitter = new CsvRowSplitter();
let rows = 0;
let cells = 0;
const count = (text: string) => {
  for (const row of parseCsv(text)) {
    rows++;
    cells += row.length;
  }
};
for await (const chunk of createReadStream(process.argv[2] ?? '', { encoding: 'utf8', highWaterMark: 1 << 20 }))
  count(splitter.push(chunk).text);
count(splitter.end().text);
console.log(rows, cells);
