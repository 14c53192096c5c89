/**
 * Which record a number belongs to, and where that record says the callee is. A location applies to a
 * number only inside the same record: its table row (read with the table's column headers), contact
 * card, section, list item or dialog. Records nested inside it that do not hold the number (a company
 * card, another contact) and the page's header, footer and navigation are never read for it. Reads
 * the DOM only (text and field values), never changes it; page text is data.
 */
import {
  findLocations,
  isLocationLabel,
  type LocationHit,
  type LocationSource,
  locationOfValue,
} from '../location/read';
import { BLOCK_TAGS, OWN_TAGS, openShadowOf, SKIP_TAGS } from './blocks';

export interface RecordPlace {
  /** Every place the record names (two different ones: both, and the strictest rule wins). */
  regions: string[];
  /** What was read, as written: "Oakland, CA 94607"; "State: CA". */
  text: string;
  source: LocationSource;
}

interface RecordMatch {
  location: RecordPlace | null;
  /** The records read for this number, innermost first: a change inside any of them may change its location. */
  records: Element[];
}

/** A checkbox labelled do-not-call inside a record, and the records between it and that record (record-dnc.ts). */
export interface DncBox {
  yes: boolean;
  records: Element[];
}

/**
 * Reused across the numbers of one pass (the page does not change within it): records, rows, table
 * headers and do-not-call flags are read once each, so the two or more numbers of one row share them.
 */
export interface RecordCache {
  /** Each record's place (null: it names none), worked out once however many numbers it holds. */
  places: Map<Element, RecordPlace | null>;
  /** Column headers by table. */
  headers: Map<Element, string[]>;
  /** Which columns of a header list a test (location label, do-not-call label) accepts. */
  columns: Map<unknown, Map<string[], boolean[]>>;
  /** A row's do-not-call column flag (record-dnc.ts). */
  flags: Map<Element, 'yes' | 'no' | null>;
  /** A record's do-not-call checkboxes (record-dnc.ts). */
  boxes: Map<Element, DncBox[]>;
}

export const newRecordCache = (): RecordCache => ({
  places: new Map(),
  headers: new Map(),
  columns: new Map(),
  flags: new Map(),
  boxes: new Map(),
});

/** `map`'s value for `key`, made by `make` the first time. */
export function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined && !map.has(key)) {
    value = make();
    map.set(key, value);
  }
  return value as V;
}

interface Hit extends LocationHit {
  source: LocationSource;
}

const RECORD_TAGS = new Set(['TR', 'LI', 'ARTICLE', 'SECTION', 'ASIDE', 'DIALOG', 'FORM', 'FIELDSET']);
const RECORD_ROLES = new Set(['row', 'listitem', 'article', 'dialog', 'region', 'group', 'form']);
/** Class or id words CRMs give a record's container. */
const RECORD_WORDS =
  /(?:^|[\s_-])(?:card|record|contact|lead|customer|prospect|profile|vcard|callee|person|entry|account|company)(?:$|[\s_-])/i;
/** Page chrome: the agent's own company, never a callee's record. */
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'NAV']);
/** How many records up a number may look for a location (a field's list item, its card, the card's section). */
const MAX_RECORDS = 3;
/** A phone number's digits, roughly: enough to tell a contact's card from a field of one. */
const PHONE_LIKE = /\d{3}\D{0,3}\d{3}\D{0,2}\d{4}/;
/** How many rows at the top of a table may be its head row (when it has no <thead>). */
const HEAD_ROWS = 3;
/** How many siblings on each side are looked at to tell a list of records (cost stays flat on long lists). */
const SIBLINGS = 3;

const tagOf = (e: Element) => e.tagName.toUpperCase();

export function isRow(e: Element): boolean {
  return tagOf(e) === 'TR' || e.getAttribute('role') === 'row';
}

export function isRecord(e: Element, tag = tagOf(e)): boolean {
  if (RECORD_TAGS.has(tag)) return true;
  // Most elements inside a record (cells, links, code) have no attributes: one call tells.
  if (!e.hasAttributes()) return false;
  const role = e.getAttribute('role');
  if (role && RECORD_ROLES.has(role)) return true;
  if (e.hasAttribute('itemscope')) return true;
  const kind = e.getAttribute('class');
  const id = e.id;
  return (!!kind || id !== '') && RECORD_WORDS.test(`${kind ?? ''} ${id}`);
}

/** The element above `node`: its parent, or the host of the shadow root it is in. */
function up(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === 1 ? (parent as Element) : null;
}

/** A field's value, where fields hold the location ("State" input, "ZIP" select). */
function fieldValue(e: Element, tag: string): string | null {
  if (tag === 'INPUT') {
    const type = (e.getAttribute('type') ?? 'text').toLowerCase();
    return type === 'text' || type === 'search' || type === '' ? String((e as HTMLInputElement).value ?? '') : null;
  }
  if (tag === 'SELECT') {
    const select = e as HTMLSelectElement;
    return select.selectedOptions?.[0]?.textContent ?? null;
  }
  return null;
}

/**
 * A record's own text: blocks and cells on lines of their own, field values after their labels;
 * nested records that do not hold the number (`keep`), page chrome and our own badges left out.
 */
export function ownText(record: Element, keep: ReadonlySet<Element>): string {
  let text = '';
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        text += (child as Text).data;
        continue;
      }
      if (type !== 1) continue;
      const e = child as Element;
      const tag = tagOf(e);
      if (OWN_TAGS.has(tag) || (SKIP_TAGS.has(tag) && tag !== 'SELECT')) continue;
      if (!keep.has(e) && (CHROME_TAGS.has(tag) || isRecord(e, tag))) continue;
      const value = fieldValue(e, tag);
      if (value !== null) {
        text += `\n${value}\n`;
        continue;
      }
      if (tag === 'BR') {
        text += '\n';
        continue;
      }
      const block = BLOCK_TAGS.has(tag) || tag === 'LABEL' || tag === 'DT' || tag === 'DD';
      if (block) text += '\n';
      // The last character only: a test of the whole text would make a long record quadratic.
      else if (!/\s/.test(text.slice(-1) || ' ')) text += ' ';
      visit(e);
      const shadow = openShadowOf(e, tag);
      if (shadow && !tag.startsWith('CONSENT-GUARD-')) visit(shadow);
      if (block) text += '\n';
    }
  };
  visit(record);
  return text;
}

export function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (tag === 'TD' || tag === 'TH') cells.push(c);
    else {
      const role = c.getAttribute('role');
      if (role === 'cell' || role === 'gridcell' || role === 'rowheader') cells.push(c);
    }
  }
  return cells;
}

/** Which of a header list's columns `test` accepts, worked out once per table and pass. */
export const columnsOf = (headers: string[], test: (label: string) => boolean, cache: RecordCache) =>
  cached(
    cached(cache.columns, test, () => new Map()),
    headers,
    () => headers.map(test),
  );

/** The column headers of a row's table or grid, by column index ([] where it has none). */
export function headersOf(row: Element, cache: RecordCache): string[] {
  const table =
    tagOf(row) === 'TR' ? row.closest('table') : row.closest('[role="grid"],[role="table"],[role="treegrid"]');
  if (!table) return [];
  const known = cache.headers.get(table);
  if (known) return known;
  let headers: string[] = [];
  if (tagOf(table) === 'TABLE') {
    // The head row: the first in <thead>, or the first row made of <th> cells only.
    const isHead = (r: Element) => {
      const cells = cellsOf(r);
      return cells.length > 0 && cells.every((c) => tagOf(c) === 'TH');
    };
    // Only the head and the first rows are looked at (no walk of the whole table): a list of 50,000 rows
    // is read slice by slice, each with a fresh cache.
    let headRow: Element | null = null;
    let seen = 0;
    for (let part = table.firstElementChild; part && !headRow && seen < HEAD_ROWS; part = part.nextElementSibling) {
      const tag = tagOf(part);
      if (tag === 'TR') {
        seen++;
        if (isHead(part)) headRow = part;
      } else if (tag === 'THEAD') headRow = part.firstElementChild;
      else if (tag === 'TBODY' || tag === 'TFOOT') {
        for (let row = part.firstElementChild; row && !headRow && seen < HEAD_ROWS; row = row.nextElementSibling) {
          seen++;
          if (isHead(row)) headRow = row;
        }
      }
    }
    if (headRow) headers = cellsOf(headRow).map((c) => (c.textContent ?? '').trim());
  } else {
    // The first rows of the grid, found without walking all of it.
    let headRow: Element | null = null;
    let row = table.querySelector('[role="row"]');
    for (let i = 0; !headRow && row && i < HEAD_ROWS; i++, row = row.nextElementSibling) {
      if (row.getAttribute('role') === 'row' && row.querySelector(':scope > [role="columnheader"]')) headRow = row;
    }
    if (headRow)
      headers = [...headRow.children]
        .filter((c) => c.getAttribute('role') === 'columnheader')
        .map((c) => (c.textContent ?? '').trim());
  }
  cache.headers.set(table, headers);
  return headers;
}

const NONE: ReadonlySet<Element> = new Set();

/** A row's places: each cell read by its column's header (State, ZIP…), or as an address line. */
function rowHits(row: Element, cache: RecordCache): Hit[] {
  const headers = headersOf(row, cache);
  const cells = cellsOf(row);
  const located = columnsOf(headers, isLocationLabel, cache);
  const hits: Hit[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Element;
    // A cell of text alone (most): its text is its own text. Nothing inside a cell is the row or the cell:
    // every record nested in it is left out.
    const text = (cell.firstElementChild === null ? (cell.textContent ?? '') : ownText(cell, NONE)).trim();
    if (text === '') continue;
    if (located[i]) {
      const label = headers[i] ?? '';
      const hit = locationOfValue(text);
      if (hit)
        hits.push({ regions: hit.regions, text: `${label.replace(/[:：]\s*$/, '')}: ${hit.text}`, source: 'column' });
      continue;
    }
    for (const hit of findLocations(text)) hits.push({ ...hit, source: hit.labelled ? 'field' : 'address' });
  }
  return hits;
}

function recordHits(record: Element, keep: ReadonlySet<Element>, cache: RecordCache): Hit[] {
  return isRow(record)
    ? rowHits(record, cache)
    : findLocations(ownText(record, keep)).map((hit) => ({
        ...hit,
        source: hit.labelled ? ('field' as const) : ('address' as const),
      }));
}

/**
 * The place `record` names for a number whose path up to it is `path` (null: none). Cached by record:
 * another number of the same record (same path above it) reads it again for free.
 */
export function recordPlace(record: Element, path: ReadonlySet<Element>, cache: RecordCache): RecordPlace | null {
  return cached(cache.places, record, () => {
    const hits = recordHits(record, path, cache);
    return hits.length > 0 ? placeOf(hits) : null;
  });
}

/**
 * May a record with no place of its own take its parent record's? Not when it is one of a list of
 * records (cards side by side, rows, contacts): a neighbour like it that holds a number is another
 * person, and so is this one. A list item may (the fields of one card: Mobile, Office, Address),
 * unless a neighbour item holds a number and a place of its own (a list of contacts).
 */
function mayClimb(record: Element): boolean {
  if (isRow(record)) return false;
  const tag = tagOf(record);
  const kind = record.getAttribute('class') ?? '';
  const item = tag === 'LI' || record.getAttribute('role') === 'listitem';
  const like = (e: Element | null) => e !== null && tagOf(e) === tag && (e.getAttribute('class') ?? '') === kind;
  const other = (e: Element) => {
    const text = e.textContent ?? '';
    return PHONE_LIKE.test(text) && (!item || findLocations(text).length > 0);
  };
  let before = record.previousElementSibling;
  let after = record.nextElementSibling;
  for (let i = 0; i < SIBLINGS; i++) {
    if (before && like(before) && other(before)) return false;
    if (after && like(after) && other(after)) return false;
    before = before?.previousElementSibling ?? null;
    after = after?.nextElementSibling ?? null;
  }
  return true;
}

function placeOf(hits: readonly Hit[]): RecordPlace {
  const regions: string[] = [];
  const texts: string[] = [];
  for (const hit of hits) {
    const fresh = hit.regions.filter((r) => !regions.includes(r));
    if (fresh.length === 0) continue;
    regions.push(...fresh);
    texts.push(hit.text);
  }
  const source = hits.some((h) => h.source === 'column')
    ? 'column'
    : hits.some((h) => h.source === 'field')
      ? 'field'
      : 'address';
  return { regions, text: texts.join('; '), source };
}

/**
 * Walks the records `node` (a number's text node, link or field) belongs to, innermost first, by the
 * record rules: a table row is a whole record and no record above it is; a record in a list of like
 * records does not take its parent's; page chrome and anything outside a record never apply. `read`
 * gets each record and the elements on the path to it (nested records on the path are the number's
 * own); it returns true when this record decided, which ends the walk. Returns the records read.
 */
export function walkRecords(node: Node, read: (record: Element, path: ReadonlySet<Element>) => boolean): Element[] {
  const records: Element[] = [];
  const path = new Set<Element>();
  for (let e = node.nodeType === 1 ? (node as Element) : up(node); e; e = up(e)) {
    path.add(e);
    const tag = tagOf(e);
    if (CHROME_TAGS.has(tag) || tag === 'BODY' || tag === 'HTML') break;
    if (!isRecord(e, tag)) continue;
    records.push(e);
    if (read(e, path)) break;
    if (records.length >= MAX_RECORDS || !mayClimb(e)) break;
  }
  return records;
}

/**
 * The location of the record `node` belongs to: the nearest record that names a place decides; a
 * table row is a whole record (its table's caption is not read), and no record above it is.
 */
export function recordLocationOf(node: Node, cache: RecordCache = newRecordCache()): RecordMatch {
  let location: RecordPlace | null = null;
  const records = walkRecords(node, (record, path) => {
    location = recordPlace(record, path, cache);
    return location !== null;
  });
  return { location, records };
}
