/**
 * The floor of the CSV scan bench: the same file read as `consent scan --csv` reads it (a UTF-8 stream
 * of 1 MB chunks) and parsed into rows by the same CSV code, with nothing done with the rows.
 * Run as a child process, like the command: `node --import tsx tests/bench/csv-bare-parse.ts FILE`.
 */
import { createReadStream } from 'node:fs';
import { parseCsv } from '@/lib/csv';
import { CsvRowSplitter } from '@/lib/csv-stream';

const splitter = new CsvRowSplitter();
let rows = 0;
for await (const chunk of createReadStream(process.argv[2] ?? '', { encoding: 'utf8', highWaterMark: 1 << 20 }))
  rows += parseCsv(splitter.push(chunk).text).length;
rows += parseCsv(splitter.end().text).length;
console.log(rows);
