/**
 * Do-not-call flags on the record that holds a number: a Salesforce-style "Do Not Call" checkbox, a
 * HubSpot-style "Do not call" property, a labelled field ("DNC: Yes") or a table column named so. The
 * record is found by the same rules as its location (record.ts `walkRecords`): the nearest record with
 * such a field decides, checked or not, and a flag is never taken from another record. An unchecked
 * box, "No" or an empty value is no flag; a value we cannot read is no flag either. Reads only.
 */
import {
  cached,
  cellsOf,
  columnsOf,
  headersOf,
  isRecord,
  isRow,
  ownText,
  type RecordCache,
  type RecordPlace,
  recordPlace,
  walkRecords,
} from './record';

/** A field label that means "do not call this person" (a fax or e-mail opt-out does not). */
const DNC_LABEL =
  /^(?:do[\s-]*not[\s-]*call|don['’]?t[\s-]*call|dnc|no[\s-]*calls?|(?:phone|call|calling|telephone)[\s-]*opt[\s-]*out|opted[\s-]*out(?:\s+of\s+(?:calls|calling|phone calls?))?)\s*[:：?]?$/i;
const YES = /^(?:yes|y|true|checked|on|1|x|✓|✔|☑|☒|opted[\s-]*out|do[\s-]*not[\s-]*call)$/i;
const NO = /^(?:no|n|false|unchecked|off|0|☐|opted[\s-]*in|—|-|)$/i;
/** Label, a colon, and the value on the same line: "Do Not Call: Yes". */
const INLINE = /^(.{1,40}?)\s*[:：]\s*(.*)$/;

type Flag = 'yes' | 'no' | null;

export const isDncLabel = (text: string) => DNC_LABEL.test(text.replace(/\s+/g, ' ').trim());

/** A value's words as a flag: yes, no, or null where it is neither. */
function valueFlag(text: string): Flag {
  const t = text.replace(/\s+/g, ' ').trim();
  return YES.test(t) ? 'yes' : NO.test(t) ? 'no' : null;
}

const both = (a: Flag, b: Flag): Flag => (a === 'yes' || b === 'yes' ? 'yes' : a === 'no' || b === 'no' ? 'no' : null);

/** A checkbox's state: a checked input, or role=checkbox with aria-checked. */
function boxState(box: Element): Flag {
  if (box.tagName.toUpperCase() === 'INPUT') return (box as HTMLInputElement).checked ? 'yes' : 'no';
  return box.getAttribute('aria-checked') === 'true' ? 'yes' : 'no';
}

/** The words that name a checkbox: its labels, aria-label, or its field's short text. */
function boxLabel(box: Element): string {
  const aria = box.getAttribute('aria-label');
  if (aria) return aria;
  const doc = box.ownerDocument;
  const by = box.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
  const labels = (box as HTMLInputElement).labels;
  if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? '').join(' ');
  // A field: the checkbox's container with its label beside it ("Do Not Call ☑").
  for (let e = box.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) {
    const text = (e.textContent ?? '').trim();
    if (text) return text.length <= 40 ? text : '';
  }
  return '';
}

const BOXES = 'input[type="checkbox"],[role="checkbox"]';

/** The record's checkboxes labelled do-not-call, leaving out nested records that do not hold the number. */
function boxesFlag(record: Element, keep: ReadonlySet<Element>, cache: RecordCache): Flag {
  // The boxes and the records around them are read once a pass; which records are the number's own is not.
  const boxes = cached(cache.boxes, record, () =>
    [...record.querySelectorAll(BOXES)]
      .filter((box) => isDncLabel(boxLabel(box)))
      .map((box) => {
        const records: Element[] = [];
        for (let e = box.parentElement; e && e !== record; e = e.parentElement) if (isRecord(e)) records.push(e);
        return { yes: boxState(box) === 'yes', records };
      }),
  );
  let flag: Flag = null;
  for (const box of boxes) if (box.records.every((e) => keep.has(e))) flag = both(flag, box.yes ? 'yes' : 'no');
  return flag;
}

/** Labelled text: "Do Not Call: Yes" on one line, or the label on one line and the value on the next. */
function textFlag(text: string): Flag {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let flag: Flag = null;
  lines.forEach((line, i) => {
    const inline = INLINE.exec(line);
    if (inline && isDncLabel(inline[1] ?? '') && (inline[2] ?? '') !== '')
      flag = both(flag, valueFlag(inline[2] ?? ''));
    else if (isDncLabel(line)) flag = both(flag, valueFlag(lines[i + 1] ?? ''));
  });
  return flag;
}

/** A table row: the cell under a do-not-call column, by its text or its checkbox. */
function rowFlag(row: Element, cache: RecordCache): Flag {
  return cached(cache.flags, row, () => {
    const headers = headersOf(row, cache);
    const flagged = columnsOf(headers, isDncLabel, cache);
    let flag: Flag = null;
    // Most tables have no do-not-call column: their rows' cells are not listed.
    if (flagged.includes(true))
      cellsOf(row).forEach((cell, i) => {
        if (!flagged[i]) return;
        const box = cell.querySelector(BOXES);
        flag = both(flag, box ? boxState(box) : valueFlag(cell.textContent ?? ''));
      });
    return flag;
  });
}

function recordFlag(record: Element, keep: ReadonlySet<Element>, cache: RecordCache): Flag {
  if (isRow(record)) return both(rowFlag(record, cache), boxesFlag(record, keep, cache));
  return both(textFlag(ownText(record, keep)), boxesFlag(record, keep, cache));
}

export interface RecordFacts {
  /** Where the number's record says the callee is (record.ts `recordLocationOf`). */
  location: RecordPlace | null;
  /** The number's own record: the outermost one read for its location (a row; a card, not a field in it). */
  record: Element | undefined;
  /** Its record flags it do-not-call: the nearest record with a flag decides. */
  dnc: boolean;
  /** Every record read for either: a change inside one of them may change the location or the flag. */
  records: Element[];
}

/**
 * A number's location and do-not-call flag in one walk up its records: each is decided by the nearest
 * record that has one (the location by the same rules as `recordLocationOf` on its own).
 */
export function recordFactsOf(node: Node, cache: RecordCache): RecordFacts {
  let location: RecordPlace | null = null;
  let flag: Flag = null;
  let placeRead = 0;
  const records = walkRecords(node, (record, path) => {
    if (location === null) {
      location = recordPlace(record, path, cache);
      placeRead++;
    }
    flag ??= recordFlag(record, path, cache);
    return location !== null && flag !== null;
  });
  return { location, record: records[placeRead - 1], dnc: flag === 'yes', records };
}

/** True when the record holding `node` flags it do-not-call (see the module comment). */
export const recordDncOf = (node: Node, cache: RecordCache): boolean => recordFactsOf(node, cache).dnc;
