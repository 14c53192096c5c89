import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION_NAMES } from '@/lib/data/regions';
import { provincesOfPostalCode } from '@/lib/location/canada';
import { findLocations, isLocationLabel, locationOfValue } from '@/lib/location/read';
import { CROSSING_ZIPS, statesOfZip } from '@/lib/location/zip3';

const regionsIn = (text: string) => findLocations(text).map((h) => h.regions.join('/'));

describe('findLocations: address lines', () => {
  it.each([
    ['Miami, FL 33131', 'FL', 'Miami, FL 33131'],
    ['Austin, Texas 78701', 'TX', 'Austin, Texas 78701'],
    ['Toronto, ON M5V 2T6', 'ON', 'Toronto, ON M5V 2T6'],
    ['Oakland, CA 94607-1234', 'CA', 'Oakland, CA 94607-1234'],
    ['1 Main St\nOakland, CA\nUSA', 'CA', 'Oakland, CA'],
    ['Charleston, West Virginia 25301', 'WV', 'Charleston, West Virginia 25301'],
    ['Seattle, Washington', 'WA', 'Seattle, Washington'],
    ['Washington, DC 20001', 'DC', 'Washington, DC 20001'],
    ['Tulsa, OK', 'OK', 'Tulsa, OK'],
    ['Portland, OR · customer since 2019', 'OR', 'Portland, OR'],
    ['Montréal, Québec H2X 1Y4', 'QC', 'Montréal, Québec H2X 1Y4'],
  ])('%j is %s', (text, region, read) => {
    expect(findLocations(text)).toEqual([{ regions: [region], text: read }]);
  });

  it('reads words that are also state codes only in an address context', () => {
    expect(regionsIn('Log in, OR sign up')).toEqual([]);
    expect(regionsIn('Left a voicemail, OK')).toEqual([]);
    expect(regionsIn('Say HI to ME IN the morning')).toEqual([]);
    expect(regionsIn('Fort Wayne, IN 46802')).toEqual(['IN']);
    expect(regionsIn('Augusta, ME')).toEqual(['ME']);
    expect(regionsIn('Honolulu, HI 96813')).toEqual(['HI']);
  });

  it('needs a ZIP to be real and to be after a state: a bare number or an unknown pair is no place', () => {
    expect(regionsIn('Invoice 94607 paid')).toEqual([]);
    expect(regionsIn('ZZ 94607')).toEqual([]);
    expect(regionsIn('Order total CA 00000')).toEqual([]);
    expect(regionsIn('We discussed California today')).toEqual([]);
  });

  it('a state and a ZIP that disagree are both places', () => {
    expect(findLocations('Reno, CA 89501')[0]?.regions).toEqual(['CA', 'NV']);
  });

  it('reads a Canadian postal code on its own, with X split between NT and NU', () => {
    expect(regionsIn('Code postal : H2X 1Y4')).toEqual(['QC']);
    expect(regionsIn('X1A 2P8')).toEqual(['NT']);
    expect(regionsIn('X0A 0H0')).toEqual(['NU']);
    expect(provincesOfPostalCode('X9Z')).toEqual(['NT', 'NU']);
    expect(regionsIn('Order D1A 2B3')).toEqual([]);
  });
});

describe('findLocations: labelled values', () => {
  it.each([
    ['Mailing State: CA', 'CA'],
    ['State\nOregon', 'OR'],
    ['State/Province: ON', 'ON'],
    ['ZIP: 94607-1234', 'CA'],
    ['Zip/Postal Code\nM5V 2T6', 'ON'],
    ['Postal Code: m5v2t6', 'ON'],
    ['Region: Texas', 'TX'],
    ['Province: Nova Scotia', 'NS'],
    ['State IN', 'IN'],
  ])('%j is %s', (text, region) => {
    expect(regionsIn(text)).toEqual([region]);
  });

  it('a label with no place after it, or prose that starts like one, is nothing', () => {
    expect(regionsIn('Region: EMEA')).toEqual([]);
    expect(regionsIn('State: open')).toEqual([]);
    expect(regionsIn('State of the art')).toEqual([]);
    expect(regionsIn('the state in the west')).toEqual([]);
    expect(regionsIn('Status: OK')).toEqual([]);
  });
});

describe('locationOfValue: a field or column', () => {
  it.each([
    ['CA', ['CA']],
    ['ca', ['CA']],
    ['Texas', ['TX']],
    ['new york', ['NY']],
    ['02134', ['MA']],
    ['2134', ['MA']],
    ['94607-1234', ['CA']],
    ['M5V 2T6', ['ON']],
    ['Oakland, CA 94607', ['CA']],
    ['42223', ['KY', 'TN']],
  ])('%j is %j', (value, regions) => {
    expect(locationOfValue(value)?.regions).toEqual(regions);
  });

  it.each(['', 'EMEA', 'XX', '00000', '123', 'West', '09012'])('%j is no place', (value) => {
    expect(locationOfValue(value)).toBeNull();
  });

  it('knows the labels of location fields and columns', () => {
    for (const label of [
      'State',
      'Mailing State',
      'State/Province',
      'Province',
      'Region',
      'ZIP',
      'Zip Code',
      'Postal Code',
      'Zip/Postal Code',
      'Mailing Zip/Postal Code:',
    ])
      expect(isLocationLabel(label), label).toBe(true);
    for (const label of ['Phone', 'Status', 'Stage', 'Estate', 'States visited', 'Company'])
      expect(isLocationLabel(label), label).toBe(false);
  });
});

describe('ZIP → state (USPS 3-digit prefixes)', () => {
  // Well-known ZIPs of capitals and large cities, one or more per state, from outside the table.
  const KNOWN: [string, string][] = [
    ['00501', 'NY'],
    ['00901', 'PR'],
    ['00802', 'VI'],
    ['02903', 'RI'],
    ['03301', 'NH'],
    ['04101', 'ME'],
    ['05401', 'VT'],
    ['06103', 'CT'],
    ['07102', 'NJ'],
    ['10001', 'NY'],
    ['19103', 'PA'],
    ['19901', 'DE'],
    ['20001', 'DC'],
    ['21201', 'MD'],
    ['23219', 'VA'],
    ['25301', 'WV'],
    ['27601', 'NC'],
    ['29201', 'SC'],
    ['30303', 'GA'],
    ['33131', 'FL'],
    ['35203', 'AL'],
    ['37203', 'TN'],
    ['39201', 'MS'],
    ['40202', 'KY'],
    ['43215', 'OH'],
    ['46204', 'IN'],
    ['48226', 'MI'],
    ['50309', 'IA'],
    ['53202', 'WI'],
    ['55401', 'MN'],
    ['57501', 'SD'],
    ['58501', 'ND'],
    ['59601', 'MT'],
    ['60601', 'IL'],
    ['63101', 'MO'],
    ['66603', 'KS'],
    ['68502', 'NE'],
    ['70112', 'LA'],
    ['72201', 'AR'],
    ['73102', 'OK'],
    ['73301', 'TX'],
    ['75201', 'TX'],
    ['79901', 'TX'],
    ['88510', 'TX'],
    ['80202', 'CO'],
    ['82001', 'WY'],
    ['83702', 'ID'],
    ['84111', 'UT'],
    ['85004', 'AZ'],
    ['87501', 'NM'],
    ['89501', 'NV'],
    ['90012', 'CA'],
    ['94607', 'CA'],
    ['96813', 'HI'],
    ['96799', 'AS'],
    ['96910', 'GU'],
    ['96950', 'MP'],
    ['97201', 'OR'],
    ['98101', 'WA'],
    ['99501', 'AK'],
  ];
  it.each(KNOWN)('%s is in %s', (zip, state) => {
    expect(statesOfZip(zip)).toEqual([state]);
  });

  it('military, unassigned and freely associated prefixes name no state', () => {
    for (const zip of ['09012', '34002', '96201', '00100', '21301', '96939', '96960'])
      expect(statesOfZip(zip), zip).toEqual([]);
  });

  it('ZIPs that cross a state line count as both states, and every state in the table is a region', () => {
    expect(statesOfZip('42223')).toEqual(['KY', 'TN']);
    expect(statesOfZip('97635')).toEqual(['OR', 'CA']);
    for (const states of Object.values(CROSSING_ZIPS)) for (const s of states) expect(REGION_NAMES[s]).toBeDefined();
    for (let p = 0; p < 1000; p++) {
      for (const s of statesOfZip(`${String(p).padStart(3, '0')}01`)) expect(REGION_NAMES[s], String(p)).toBeDefined();
    }
  });
});

describe('properties', () => {
  const STATES = Object.keys(REGION_NAMES).filter((c) => /^[A-Z]{2}$/.test(c));
  it('"City, ST" at a line end is ST, for every code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.constantFrom('Springfield', 'San Luis Obispo', 'ST. LOUIS'),
        (code, city) => {
          expect(regionsIn(`Lead: Dana\n${city}, ${code}\nNotes`)).toEqual([code]);
        },
      ),
      { seed: 0x10ca7e, numRuns: 200 },
    );
  });

  it('never throws, and only ever answers known regions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const hit of findLocations(text)) for (const r of hit.regions) expect(REGION_NAMES[r]).toBeDefined();
        const value = locationOfValue(text);
        for (const r of value?.regions ?? []) expect(REGION_NAMES[r]).toBeDefined();
      }),
      { seed: 0x21b0, numRuns: 500 },
    );
  });
});
