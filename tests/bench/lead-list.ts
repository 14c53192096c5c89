/** A generated lead list as a compliance team would export it from a CRM (for the CSV bench and tests). */

const FIRST = ['Jane', 'Bob', 'Ana', 'Luis', 'Mei', 'Omar', 'Priya', 'Tom', 'Zoe', 'Ravi'];
const LAST = ['Doe', 'Smith', 'Lima', 'Garcia', 'Chen', 'Haddad', 'Patel', "O'Neil", 'Kim', 'Nguyen'];
const PLACES = [
  ['Oakland', 'CA', '94607'],
  ['Austin', 'TX', '73301'],
  ['Seattle', 'WA', '98101'],
  ['Miami', 'FL', '33101'],
  ['Boston', 'MA', '02108'],
  ['Toronto', 'ON', 'M5V 2T6'],
  ['Chicago', 'IL', '60601'],
  ['Denver', 'CO', '80202'],
] as const;
const AREA = ['415', '512', '206', '305', '617', '416', '312', '303', '212', '646'];

/** The phone cell of row `i`, in the formats CRMs export. */
function phone(i: number): string {
  const area = AREA[i % AREA.length] ?? '415';
  const line = String(1000 + ((i * 7919) % 9000));
  const exchange = String(200 + ((i * 31) % 800));
  switch (i % 6) {
    case 0:
      return `(${area}) ${exchange}-${line}`;
    case 1:
      return `${area}-${exchange}-${line}`;
    case 2:
      return `+1 ${area} ${exchange} ${line}`;
    case 3:
      return `${area}.${exchange}.${line} ext. 12`;
    case 4:
      return `1${area}${exchange}${line}`;
    default:
      return i % 12 === 5 ? '' : `${area}${exchange}${line}`;
  }
}

export const LEAD_HEADER = 'id,first_name,last_name,email,phone,company,street,city,state,zip,notes';

/** Row `i` (1-based) of the list, without its line end. */
export function leadRow(i: number): string {
  const first = FIRST[i % FIRST.length] ?? '';
  const last = LAST[(i >> 3) % LAST.length] ?? '';
  const [city, state, zip] = PLACES[(i >> 2) % PLACES.length] ?? PLACES[0];
  const company = i % 7 === 0 ? `"${last}, ${first} & Co."` : `Acme ${i % 97}`;
  const notes =
    i % 50 === 0
      ? `"Call back later:\nsaid ""not now"", try ${phone(i + 1)}"`
      : i % 9 === 0
        ? `"Prefers mornings, PT"`
        : 'follow up next week';
  return [
    i,
    first,
    last,
    `${first.toLowerCase()}.${i}@example.com`,
    phone(i),
    company,
    `${100 + (i % 900)} Main St`,
    city,
    state,
    zip,
    notes,
  ].join(',');
}

/** The list's text in pieces of about `chunk` characters (header first), `rows` rows, `eol` line ends. */
export function* leadList(rows: number, eol = '\n', chunk = 1 << 20): Generator<string> {
  let out = `${LEAD_HEADER}${eol}`;
  for (let i = 1; i <= rows; i++) {
    out += leadRow(i) + eol;
    if (out.length >= chunk) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
