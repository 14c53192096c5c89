/**
 * The floor of the CSV scan bench: the same file streamed in 1 MB chunks of bytes and parsed into rows of
 * cells by the same CSV code as `consent scan --csv` (lib/csv-row-bytes.ts, parseCsv for the rows it
 * leaves, every row of a chunk that is not valid UTF-8), every cell's value made a string, nothing done
 * with the rows but counting them and their cells (prints `rows cells`; csv-library-parse.ts does the same
 * with a library). Run as a child process, like the command: `node --import tsx tests/bench/csv-bare-parse.ts FILE`.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { parseCsvRow } from '@/lib/csv';
import { CsvRowBytes, csvRowEnd } from '@/lib/csv-row-bytes';
import { concatBytes } from '@/lib/csv-survey';

const CR = 13;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const row = new CsvRowBytes();
let rows = 0;
let cells = 0;
/** The values' lengths, summed: every cell is made a string. */
let values = 0;

/** Reads the whole rows of `b`; returns where the unfinished last one starts (`final`: there is none). */
function read(b: Uint8Array, final: boolean): number {
  const n = b.length;
  const valid = isUtf8(b);
  if (valid) row.batch(b);
  let i = 0;
  while (i < n) {
    const ok = valid && row.read(b, i);
    let end = row.end;
    let next = row.next;
    if (!ok) [end, next] = csvRowEnd(b, i);
    // A row with no line end yet, or a CR that may be half of a CRLF, waits for the next chunk.
    if (!final && (end === n || (b[end] === CR && next === n))) return i;
    if (ok) {
      for (let k = 0; k < row.cells; k++) values += row.value(k).length;
      cells += row.cells;
    } else {
      const raw = decoder.decode(b.subarray(i, end));
      const parsed = parseCsvRow(raw);
      for (const value of parsed) values += value.length;
      cells += parsed.length;
    }
    rows++;
    i = next;
  }
  return n;
}

let tail: Uint8Array = new Uint8Array(0);
let first = true;
for await (const chunk of createReadStream(process.argv[2] ?? '', {
  highWaterMark: 1 << 20,
}) as AsyncIterable<Buffer>) {
  let b: Uint8Array = tail.length > 0 ? concatBytes([tail, chunk]) : chunk;
  if (first && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  first = false;
  tail = b.slice(read(b, false));
}
read(tail, true);
console.log(rows, cells);
console.error(`characters in cells: ${values}`);
