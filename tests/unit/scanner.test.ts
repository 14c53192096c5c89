import { describe, expect, it } from 'vitest';
import { isNanpShape } from '@/lib/number/parse-number';
import { scanText } from '@/lib/number/scan-text';

const E = '+14155550134';

/** Scans `before + number + after` and expects exactly that number, covering `number`. */
function expectOne(number: string, e164 = E, ext: string | null = null, before = 'Call ', after = ' today.') {
  const text = before + number + after;
  const found = scanText(text);
  expect(found, JSON.stringify(text)).toHaveLength(1);
  expect(found[0]).toMatchObject({ e164, ext, start: before.length, end: before.length + number.length, raw: number });
}

describe('scanText: NANP forms', () => {
  it.each([
    '(415) 555-0134',
    '415-555-0134',
    '415.555.0134',
    '415 555 0134',
    '4155550134',
    '+1 415 555 0134',
    '+14155550134',
    '14155550134',
    '1-415-555-0134',
    '1 415 555 0134',
    '1.415.555.0134',
    '1 4155550134',
    '+1 4155550134',
    '+1-415-555-0134',
    '+1 (415) 555-0134',
    '+1(415)555-0134',
    '(415)-555-0134',
    '(415)555-0134',
    '(415) 555 0134',
    '1 (415) 555-0134',
    '1(415)555-0134',
    '415 5550134',
    '415-555 0134',
    '415.555-0134',
    '415 - 555 - 0134',
    '415\u00a0555\u00a00134',
    '415\u202f555\u202f0134',
    '415\u2011555\u20110134',
    '415\u2012555\u20120134',
    '415\u2013555\u20130134',
    '415\u2014555\u20140134',
    '415\u2212555\u22120134',
    '415\u2009555\u20090134',
    '415\u200b555\u200b0134',
    '(415)\u00a0555\u20110134',
    '415\u00ad555\u00ad0134',
    '\u202a+1 415 555 0134\u202c'.slice(1, -1),
    '415\u200e-555\u200e-0134',
    '+1\u2066 415 555 0134',
  ])('finds %j', (number) => expectOne(number));

  it.each([
    ['Tel: ', ''],
    ['', ''],
    ['(', ')'],
    ['"', '"'],
    ['Phone: ', ','],
    ['Phone number: ', '.'],
    ['📞 ', ' ☎'],
    ['call me at ', '!'],
    ['[', ']'],
    ['Caller ID: ', ''],
    ['Mobile\u00a0', ';'],
    ['\u200f', '\u200f'],
    ['<', '>'],
    ['- ', ' -'],
  ])('finds a number between %j and %j', (before, after) => expectOne('415-555-0134', E, null, before, after));

  it('reports the area code and the kind', () => {
    expect(scanText('(212) 555-0175')).toEqual([
      { kind: 'nanp', e164: '+12125550175', npa: '212', start: 0, end: 14, raw: '(212) 555-0175', ext: null },
    ]);
  });

  it('leaves an outer parenthesis out of the number', () => {
    expect(scanText('Bob (415-555-0134)')).toMatchObject([{ raw: '415-555-0134', start: 5 }]);
  });
});

describe('scanText: extensions', () => {
  it.each([
    ['415-555-0134 ext. 12', '12'],
    ['415-555-0134 ext 12', '12'],
    ['415-555-0134 Ext.12', '12'],
    ['415-555-0134 EXT: 12', '12'],
    ['415-555-0134x12', '12'],
    ['415-555-0134 x12', '12'],
    ['415-555-0134 x 12', '12'],
    ['415-555-0134 extension 12', '12'],
    ['415-555-0134 poste 301', '301'],
    ['415-555-0134, ext. 4567', '4567'],
    ['+14155550134;ext=44', '44'],
    ['4155550134,,123', '123'],
    ['4155550134,123', '123'],
    ['4155550134#123', '123'],
    ['(415) 555-0134 x1234567', '1234567'],
  ])('%j carries extension %s', (number, ext) => expectOne(number, E, ext));

  it('an international number takes an extension too', () => {
    expectOne('+44 20 7946 0958 ext. 7', '+442079460958', '7');
  });

  it.each([
    ['415-555-0134 x', '415-555-0134'],
    ['415-555-0134 extra', '415-555-0134'],
    ['415-555-0134 x12345678', '415-555-0134'],
    ['4155550134,2125550175', '4155550134'],
    ['415-555-0134 #3 on the list', '415-555-0134'],
  ])('%j has no extension', (text, raw) => {
    expect(scanText(text)[0]).toMatchObject({ raw, ext: null });
  });
});

describe('scanText: international', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+44(0)20-7946-0958', '+442079460958'],
    ['+442079460958', '+442079460958'],
    ['+33 1 42 68 53 00', '+33142685300'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+49 30 901820', '+4930901820'],
    ['+49-30-9018-2000', '+493090182000'],
    ['+81 3-1234-5678', '+81312345678'],
    ['+61 2 9374 4000', '+61293744000'],
    ['+91 98765 43210', '+919876543210'],
    ['+353 1 234 5678', '+35312345678'],
    ['+7 495 123-45-67', '+74951234567'],
    ['+52 55 1234 5678', '+525512345678'],
    ['+55.11.91234.5678', '+5511912345678'],
    ['+971 4 123 4567', '+97141234567'],
    ['+4155550134', '+4155550134'],
    ['+44\u00a020\u00a07946\u00a00958', '+442079460958'],
  ])('finds %j as %s', (number, e164) => {
    const text = `Intl: ${number} (office)`;
    expect(scanText(text)).toEqual([
      { kind: 'international', e164, npa: null, start: 6, end: 6 + number.length, raw: number, ext: null },
    ]);
  });

  it.each([
    '+999 1234 5678', // no such calling code
    '+44 20 79', // too short
    '+44 2079 4609 5812 34', // too long, no space to stop at within 15 digits... reads none
    '+4150415415000134', // 16 digits in one run: more than E.164 allows (issue 13)
    '+441234567890123456',
    '+0 20 7946 0958',
    '44 20 7946 0958', // no plus: not read as international
    '0044 20 7946 0958',
  ])('does not read %j', (text) => {
    expect(scanText(text).filter((d) => d.kind === 'international')).toEqual([]);
  });
});

describe('scanText: several numbers', () => {
  it.each([
    ['415-555-0134 212-555-0175', 2],
    ['4155550134 2125550175', 2],
    ['415 555 0134 212 555 0175', 2],
    ['(415) 555-0134 (212) 555-0175', 2],
    ['415-555-0134, 212-555-0175', 2],
    ['415-555-0134 / 212-555-0175', 2],
    ['415-555-0134 or +44 20 7946 0958', 2],
    ['+1 415 555 0134 +44 20 7946 0958', 2],
    ['+44 20 7946 0958 415-555-0134', 2],
    ['415-555-0134 x12 212-555-0175 x3', 2],
    ['call 415-555-0134 10 times', 1],
    ['2024-05-12 14:05 415-555-0134', 1],
    ['94103-1234 415-555-0134', 1],
    ['12 415-555-0134', 1],
  ])('%j holds %i', (text, count) => {
    const found = scanText(text);
    expect(found.map((d) => d.raw)).toHaveLength(count);
  });

  it('never lets a number cross a newline, tab or other hard break', () => {
    for (const brk of ['\n', '\t', '\r\n', '\u2028', '\u000b', '\f']) {
      expect(scanText(`415${brk}555-0134`)).toEqual([]);
      expect(scanText(`415-555${brk}0134`)).toEqual([]);
      expect(scanText(`+44${brk}20 7946 0958`)).toEqual([]);
      expect(scanText(`415-555-0134${brk}x12`)).toMatchObject([{ ext: null, raw: '415-555-0134' }]);
      expect(scanText(`415-555-0134${brk}212-555-0175`)).toHaveLength(2);
    }
  });

  it('drops unassigned area codes when told which are assigned', () => {
    const text = '415-555-0134 and 555-555-0134 and 299-555-0134';
    expect(scanText(text)).toHaveLength(3);
    const assigned = new Set(['415']);
    expect(scanText(text, { isAssignedNpa: (npa) => assigned.has(npa) }).map((d) => d.npa)).toEqual(['415']);
  });
});

describe('scanText: look-alikes it must not report', () => {
  it.each([
    // structurally invalid NANP
    '015-555-0134',
    '115-555-0134',
    '411-555-0134',
    '415-155-0134',
    '415-055-0134',
    '415-911-0134',
    '+1 015 555 0134',
    '2-415-555-0134',
    // dates, times, durations
    '2024-05-12',
    '05/12/2024',
    '12.05.2024',
    '20240512',
    '14:05:33',
    '01:02:03:04',
    '2024-05-12T14:05:33Z',
    'took 415:55:50',
    // ZIP+4, SSN, EIN, cards
    '94103-1234',
    '123-45-6789',
    '12-3456789',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '4111111111111111',
    '5500 0000 0000 0004',
    // IPs, versions, prices, numbers with decimals
    '192.168.100.200',
    '10.415.555.1234',
    'v4.15.550134',
    '2.415.555.0134',
    '$415.555.0134',
    '$4,155,550,134',
    '4,155,550,134',
    '€4155550134',
    '4155550134.99',
    '415.555.0134.5',
    // percentages, deltas, offsets
    '+415.5550134%',
    '4155550134%',
    '-4155550134',
    '-415-555-0134',
    '\u22124155550134',
    'UTC+05:30',
    'GMT-0800',
    'UTC+0530',
    // routing, accounts, long ids, hex, GUIDs, timestamps
    '121000358',
    '000123456789',
    '94155550134999',
    '415555013412',
    '4155550134abcd',
    'a1b2-4155550134',
    '0x4155550134',
    '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    '41555501-3412-4155-5501-341241555501',
    '1732665600',
    '1732665600123',
    // tracking numbers
    '1Z999AA10123456784',
    '9400 1000 0000 0000 0000 00',
    '9400-1000-0000-0000-0000-00',
    // order / ticket / id labels
    'Order #4155550134',
    '#4155550134',
    'Order 4155550134',
    'Order No. 415-555-0134',
    'Order number: 4155550134',
    'Invoice 415-555-0134',
    'INV-4155550134',
    'INV 4155550134',
    'AC4155550134',
    'ID:4155550134',
    'ID 415 555 0134',
    'Ticket #4155550134',
    'Ticket: 415-555-0134',
    'Case 4155550134',
    'Account: 415-555-0134',
    'Acct # 4155550134',
    'Ref 4155550134',
    'Reference: 4155550134',
    'SKU 4155550134',
    'Tracking: 4155550134',
    'Confirmation 415 555 0134',
    'Meeting ID: 415 555 0134',
    'Meeting ID 415-555-0134',
    'Zoom 415 5550 1341',
    'Passcode: 4155550134',
    'PIN 4155550134',
    'Code: 4155550134',
    'Policy 415-555-0134',
    // DTMF and star codes stuck to the digits
    '4155550134#*12',
    '*4155550134',
    '4155550134*',
    '4155550134#',
    // short codes, seven-digit numbers
    '55555',
    '555555',
    '555-0134',
    '5550134',
    'text STOP to 78901',
    // URLs and e-mails
    'https://x.com/u/4155550134',
    'https://x.com/?id=4155550134',
    '4155550134@example.com',
    'path\\4155550134',
    'user_4155550134',
    // spaced digit runs that are not phone numbers
    '415 555 0134 5678',
    '12 415 555 0134',
    '1 2 3 4 5 6 7 8 9 0 1 2',
    '415-555-0134-5678',
    '415-555-013415-555-0134',
    '+1+1+1',
    '((((415))))',
    // phone-like tokens in formulas
    '=4155550134',
    '4155550134+1',
    'x=415-555-0134',
  ])('ignores %j', (text) => {
    expect(scanText(text)).toEqual([]);
    expect(scanText(`Note: ${text} - ok`)).toEqual([]);
  });
});

describe('scanText: id labels', () => {
  const labels = (
    'order orders invoice inv ticket case account acct acc ref reference sku tracking track confirmation conf ' +
    'passcode password pwd pin code meeting webinar zoom transaction txn claim policy member serial routing aba ' +
    'iban swift po ssn ein tin tax receipt booking reservation rma id'
  ).split(' ');

  it.each(labels)('%j, in any case and with up to 4 separators, marks the digits after it as an identifier', (w) => {
    for (const label of [w, w.toUpperCase(), `${w[0]?.toUpperCase()}${w.slice(1)}`])
      for (const gap of [' ', ': ', ' #', '-', '=', ' \u2116 ', '\u00a0', '. : ']) {
        expect(scanText(`${label}${gap}415-555-0134`), `${label}${gap}`).toEqual([]);
        expect(scanText(`x ${label} No${gap}415-555-0134`), `${label} No${gap}`).toEqual([]);
      }
  });

  it.each(labels)('%j is a label only as a whole word, right before the number', (w) => {
    for (const text of [`x${w} 415-555-0134`, `${w}x 415-555-0134`, `${w}  :  415-555-0134`, `${w}, 415-555-0134`])
      expect(scanText(text), text).toHaveLength(1);
  });

  it.each(['no', 'No.', 'nr', 'num', 'number', 'nbr'])('a number word (%j) is a label after a label only', (no) => {
    expect(scanText(`Order ${no} 415-555-0134`)).toEqual([]);
    expect(scanText(`Meeting ID ${no}: 415-555-0134`)).toEqual([]);
    expect(scanText(`Caller ID ${no} 415-555-0134`)).toEqual([]);
    expect(scanText(`Phone ${no} 415-555-0134`)).toHaveLength(1);
    expect(scanText(`Order${no} 415-555-0134`)).toHaveLength(1);
  });

  it('"Caller ID" names a phone number, "ID" alone an identifier', () => {
    for (const text of ['Caller ID: 415-555-0134', 'CALLER. ID 415-555-0134', 'caller:id 415-555-0134'])
      expect(scanText(text), text).toHaveLength(1);
    for (const text of ['ID 415-555-0134', 'recaller ID 415-555-0134', 'Caller    ID 415-555-0134'])
      expect(scanText(text), text).toEqual([]);
  });
});

describe('scanText: agreement and long runs', () => {
  it('applies the same area-code and exchange rule as isNanpShape', () => {
    for (let i = 0; i < 1000; i++) {
      const three = String(i).padStart(3, '0');
      for (const [npa, nxx] of [
        [three, '555'],
        ['415', three],
      ] as const) {
        const found = scanText(`${npa}-${nxx}-0134`).length === 1;
        expect(found, `${npa}-${nxx}`).toBe(isNanpShape(npa, nxx));
      }
    }
  });

  it('reads every number of a run longer than its window of digit groups', () => {
    expect(scanText('415-555-0134 '.repeat(60))).toHaveLength(60);
    expect(scanText('4155550134 '.repeat(150))).toHaveLength(150);
    expect(scanText('415 555 0134 '.repeat(70))).toHaveLength(70);
    const long = `${'1 2 3 '.repeat(40)}(212) 555-0175${' 4 5'.repeat(40)}`;
    expect(scanText(long)).toMatchObject([{ e164: '+12125550175', raw: '(212) 555-0175' }]);
    expect(scanText(`${'1 '.repeat(100)}212 555 0175`)).toEqual([]);
  });
});

describe('scanText: labels, scripts and separators glued to a number (issue 13)', () => {
  it.each([
    ['Mobile(415) 555-0134 after 5', '(415) 555-0134'],
    ['Dial(415)555-0134', '(415)555-0134'],
    ['Tel.+14155550134', '+14155550134'],
    ['Téléphone+1 415 555 0134', '+1 415 555 0134'],
    ['Contact number-415-555-0134', '415-555-0134'],
    ['Cell–415.555.0134', '415.555.0134'],
    ['我的电话是415-555-0134', '415-555-0134'],
    ['415-555-0134是我的电话', '415-555-0134'],
    ['電話番号415.555.0134です', '415.555.0134'],
    ['연락처415-555-0134입니다', '415-555-0134'],
    ['โทร415-555-0134ครับ', '415-555-0134'],
    ['Main line 415/555-0134 (office)', '415/555-0134'],
  ])('reads %j', (text, raw) => {
    expect(scanText(text)).toMatchObject([{ e164: E, raw, start: text.indexOf(raw) }]);
  });

  it('reads full-width digits, plus, parentheses and dashes; raw keeps what the page shows', () => {
    for (const raw of [
      '４１５-５５５-０１３４',
      '（４１５）５５５－０１３４',
      '＋１　４１５　５５５　０１３４',
      '４１５５５５０１３４',
    ]) {
      expect(scanText(`電話：${raw}まで`), raw).toMatchObject([{ e164: E, raw }]);
    }
    expect(scanText('Tel ４１５-５５５-０１３４ ｘ２３')).toMatchObject([{ e164: E, ext: '23' }]);
  });

  it('reads an extension after a spaced comma or a slash', () => {
    for (const [tail, ext] of [
      [' , ext 123', '123'],
      [', ext. 45', '45'],
      [' ,x 6', '6'],
      ['/x12', '12'],
      ['/ext. 7', '7'],
    ] as const) {
      const text = `Desk: (415) 555-0134${tail} (mornings)`;
      expect(scanText(text), text).toMatchObject([{ e164: E, ext, raw: `(415) 555-0134${tail}` }]);
    }
  });

  it('reads two numbers joined by one slash', () => {
    expect(scanText('Phones: 415-555-0134/212-555-0175.').map((d) => d.raw)).toEqual(['415-555-0134', '212-555-0175']);
  });

  it.each([
    'abc415-555-0134', // a letter glued to a number that opens with a digit
    '415-555-0134xyz',
    'ref_(415) 555-0134',
    'AB12(415) 555-0134',
    'user-4155550134', // a word-dash before one run of digits: an id
    'Balance -4155550134',
    '7-415-555-0134',
    'ID-415-555-0134',
    'Order(415) 555-0134',
    '3.+14155550134',
    'v2.(415) 555-0134',
    '415/555/0134',
    '415//555-0134',
    '1/415-555-0134',
    '415-555-0134/35',
    '(415)/555-0134',
    '+44/20/7946/0958',
    'Call (415) 555-0134 x 12noon', // an extension run into a word: the text is garbled
    'ＩＤ４１５５５５０１３４',
    '２０２４-０５-１２ ４１５５',
    '电话4155550134５', // a full-width digit glued after
  ])('does not read %j', (text) => {
    expect(scanText(text)).toEqual([]);
  });
});
