/**
 * Calling hours for telephone solicitations: the national rules (US federal, Canada's CRTC) and every
 * US state, DC, territory and Canadian province, researched. A jurisdiction without a rule of its own
 * has one row with `ownRule: false` (the national rule alone applies there) and notes on what was
 * found. Laws change: a jurisdiction may have several rows, each in force from `from` until `until`
 * (local calendar dates, `until` exclusive; null = open-ended).
 *
 * Times are minutes after local midnight at the callee's location; `null` for a day means no calls.
 * `confidence`: 'confirmed' where the statute and two independent sources agree; 'single-source' where
 * only one independent source (or the statute read from knowledge) backs the row; 'disputed' where
 * sources disagree: the row then takes the stricter reading (the safe side) and `confidenceNote` says
 * why. Not legal advice.
 */
import type { CallPurpose, HoursWindow } from '../law/call-purpose';
import type { HolidayId, Observance, ObservanceOf } from '../law/holidays';

export type { CallPurpose, HoursWindow } from '../law/call-purpose';
export { CALL_PURPOSES } from '../law/call-purpose';
export type Confidence = 'confirmed' | 'single-source' | 'disputed';

export interface CallingHoursRule {
  /** USPS code or Canadian postal abbreviation; 'US-FED' or 'CA-FED' for the national rules. */
  code: string;
  name: string;
  country: 'US' | 'CA';
  /** False where research found no calling-hour rule beyond the national one. */
  ownRule: boolean;
  /** In force from this local date (YYYY-MM-DD); null: since before the history kept here. */
  from: string | null;
  /** In force until this local date, exclusive; null: still in force. */
  until: string | null;
  weekday: HoursWindow | null;
  saturday: HoursWindow | null;
  sunday: HoursWindow | null;
  /** Holidays with no calls at all, and how a holiday on a weekend is observed. */
  holidays: readonly HolidayId[];
  observance: Observance;
  /** Holidays this jurisdiction moves by a rule of their own (overrides `observance` for them). */
  observanceOf?: ObservanceOf;
  /**
   * The statute states its hours in standard time (e.g. "Central Standard Time"): while daylight saving time is
   * in force the window opens an hour later on the local clock and keeps its local end (the stricter of both).
   */
  standardTime?: boolean;
  /** A cap on calls to one person in 24 hours, shown as a note (calls cannot be counted here). */
  callsPer24h: number | null;
  /** Whom the rule covers, in a sentence. */
  covers: string;
  /** Call purposes the rule does not restrict (service calls are never solicitations). */
  exempt: readonly CallPurpose[];
  citation: string;
  asOf: string;
  sources: readonly string[];
  /**
   * What an agent needs beyond the fields above, a sentence each; shown in the badge's panel and the
   * popup. Never a restatement of the hours or the cap: the answer's reasons and cap sentence say those.
   */
  notes: readonly string[];
  confidence: Confidence;
  /**
   * What is uncertain and which way the row leans, in a sentence or two (shown in the answer after
   * "<name>'s calling rule is disputed:"); the sources' detail goes in `research`.
   */
  confidenceNote?: string;
  /** Which sources said what and what was not read: for review (`consent calling-hours --json`), never in the answer. */
  research?: string;
}

const AS_OF = '2026-12-02';
/** Rows re-checked against the statute's text on this date. */
const CHECKED = '2026-12-03';
const h = (start: number, end: number): HoursWindow => ({ start: start * 60, end: end * 60 });
const EVERY_DAY_8_9 = { weekday: h(8, 21), saturday: h(8, 21), sunday: h(8, 21) };

// Independent secondary sources, read for this check (vendor tables, law-firm notes, news).
const CLICKPOINT =
  "ClickPoint Software, 'Telemarketing Calling Restrictions & Hours by State' (reviewed July 2025; https://blog.clickpointsoftware.com/telemarketing-calling-hours-by-state)";
const CLICKPOINT_HOLIDAYS =
  "ClickPoint Software help centre, 'State Calling Hours' and legal holidays by state (https://leadmanagerhelp.clickpointsoftware.com/en/articles/5753977-state-calling-hours)";
const DROPCOWBOY =
  "Drop Cowboy, 'State Calling Restrictions Guide' (updated 2025-11-01; https://www.dropcowboy.com/state-compliance)";
const STELLO = 'Stello, state send-window table with statutes (reviewed 2026-04-08; https://usestello.com/compliance)';
const G2 =
  "G2 Leads to Sales, '2025 State-by-State Calling Restrictions' (https://g2leadstosales.com/2025-state-by-state-calling-restrictions-telemarketing-call-centers.html)";
const DNC_HOLIDAYS =
  'DNC.com restricted-call-date alerts (https://www.dnc.com/news/2019-january-restricted-call-dates; https://www.dnc.com/news/february-2018-holiday-call-restrictions)';
const VICIFAST =
  "VICIfast, 'Telemarketing-Prohibited Holidays' (https://vicifast.com/blog/what-are-telemarketing-prohibited-holidays)";
const VICIDIAL_FORUM =
  "VICIdial forum, 'Calling in the U.S.A notice: Oklahoma and Washington' (2022-11-01; http://eflo.net/VICIDIALforum/viewtopic.php?t=41540)";
const NO_OWN_RULE_SOURCES = [CLICKPOINT, DROPCOWBOY, STELLO] as const;

const SALES_TO_CONSUMERS = 'Telephone solicitations (sales calls) to consumers at residential and mobile numbers.';

interface RowInput extends Partial<CallingHoursRule> {
  code: string;
  name: string;
  citation: string;
  sources: readonly string[];
}

/** A row with the defaults most rows share: US, own rule, always in force, sales calls only. */
function row(input: RowInput): CallingHoursRule {
  return {
    country: 'US',
    ownRule: true,
    from: null,
    until: null,
    ...EVERY_DAY_8_9,
    holidays: [],
    observance: 'none',
    callsPer24h: null,
    covers: SALES_TO_CONSUMERS,
    exempt: ['service'],
    asOf: AS_OF,
    notes: [],
    confidence: 'confirmed',
    ...input,
  };
}

/**
 * A researched jurisdiction with no calling-hour rule of its own (`ownRule: false` says so): its notes
 * hold only what an agent needs beyond that (Arizona's clocks, Maine's automated calls), if anything.
 */
function none(code: string, name: string, note?: string, country: 'US' | 'CA' = 'US'): CallingHoursRule {
  return row({
    code,
    name,
    country,
    ownRule: false,
    citation:
      country === 'US'
        ? '47 C.F.R. § 64.1200(c)(1) (no state rule)'
        : 'CRTC Unsolicited Telecommunications Rules (no provincial rule)',
    sources: NO_OWN_RULE_SOURCES,
    notes: note ? [note] : [],
    confidence: 'single-source',
    confidenceNote:
      'Absence of a rule rests on secondary tables that list only stricter states; no statute was read to rule one out.',
  });
}

const AL_HOLIDAYS: HolidayId[] = [
  'new-year',
  'mlk',
  'washington',
  'mardi-gras',
  'confederate-memorial',
  'memorial',
  'jefferson-davis',
  'juneteenth',
  'independence',
  'labor',
  'columbus',
  'veterans',
  'thanksgiving',
  'christmas',
];
const MS_STANDARD_TIME_NOTE =
  'The statute says 8 am–8 pm “Central Standard Time” (9 am–9 pm daylight time): while daylight saving time is in force Consent Guard allows 9 am–8 pm, which fits both readings.';
const MS_HOLIDAYS: HolidayId[] = [
  'new-year',
  'mlk',
  'washington',
  'confederate-memorial-ms',
  'memorial',
  'independence',
  'labor',
  'veterans',
  'thanksgiving',
  'christmas',
];

const PA_HALF_HOLIDAY =
  "44 P.S. § 11 (Westlaw): “every Saturday, after twelve o'clock noon until twelve o'clock midnight, each of which Saturdays is hereby designated a half holiday” (https://govt.westlaw.com/pac/Document/N1B5B38E0344211DA8A989F4EECDB8638)";
const BLR_PA_HOLIDAYS =
  "BLR, 'Holidays in Pennsylvania': “Every Saturday after noon” (http://www.blr.com/HR-Employment/Benefits-Leave/Holidays-in-Pennsylvania)";
const PA_SATURDAY_NOTE =
  'Every Saturday afternoon is a legal “half holiday” (44 P.S. § 11), so no sales calls after noon on Saturdays (the safe side).';
const PA_SATURDAY_DOUBT =
  'Saturday afternoons: 44 P.S. § 11 names them a half holiday in the same list as the full legal holidays, and Drop Cowboy gives Pennsylvania Saturday hours of 8 am–12 pm; DNC.com’s list of the holidays the ban covers leaves them out, and no Attorney General guidance was found. Calls end at noon on Saturdays as the safe side.';
// 44 P.S. § 11's legal holidays (Juneteenth added as the safe side; its Saturday half holiday is in the rows' hours).
const PA_HOLIDAYS: HolidayId[] = [
  'new-year',
  'mlk',
  'washington',
  'good-friday',
  'memorial',
  'flag-day',
  'juneteenth',
  'independence',
  'labor',
  'columbus',
  'election',
  'veterans',
  'thanksgiving',
  'christmas',
];

// British Columbia's statutory holidays (Employment Standards Act; Truth and Reconciliation Day since 2023-03-09).
const BC_HOLIDAYS: HolidayId[] = [
  'new-year',
  'family-day-bc',
  'good-friday',
  'victoria-day',
  'canada-day',
  'bc-day',
  'labour-day',
  'truth-reconciliation',
  'thanksgiving-ca',
  'remembrance-day',
  'christmas',
];

const UT_HOLIDAYS: HolidayId[] = [
  'new-year',
  'mlk',
  'washington',
  'memorial',
  'juneteenth-ut',
  'independence',
  'pioneer',
  'labor',
  'columbus',
  'veterans',
  'thanksgiving',
  'christmas',
];

export const CALLING_HOURS: readonly CallingHoursRule[] = [
  // ------------------------------------------------------------------ national rules
  row({
    code: 'US-FED',
    name: 'United States (federal)',
    citation: '47 C.F.R. § 64.1200(c)(1); 16 C.F.R. § 310.4(c)',
    covers:
      'Telephone solicitations to residential subscribers (FCC) and telemarketing (FTC), 8 am–9 pm at the called party’s location, every day.',
    exempt: ['service', 'business'],
    sources: [
      'https://legalclarity.org/how-late-can-a-telemarketer-call-you',
      'https://consumerprotection.uslegal.com/mail-order-purchases-telemarketing/telephone-solicitation/',
      DROPCOWBOY,
    ],
    notes: [
      'The FTC’s Telemarketing Sales Rule keeps the 8 am–9 pm hours for calls to existing customers too; calls between businesses are exempt (16 C.F.R. § 310.6(b)(7)).',
    ],
  }),
  row({
    code: 'CA-FED',
    name: 'Canada (CRTC)',
    country: 'CA',
    weekday: { start: 9 * 60, end: 21 * 60 + 30 },
    saturday: h(10, 18),
    sunday: h(10, 18),
    citation:
      'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules); Telecom Decision CRTC 2007-48',
    covers:
      'Every telemarketing call, including those exempt from the National Do Not Call List (charities, existing business relationships, calls to businesses).',
    sources: [
      'https://www.lnnte-dncl.gc.ca/ind/ntr-nrt-eng',
      'http://www.crtc.gc.ca/eng/trules-reglest.htm',
      'https://www.northerntel.ca/eng/inside_ntl/donotcalllist/donotcalllist.htm',
    ],
    notes: [
      'The rules do not apply to surveys, market research, collections or service calls; the CRTC notes the hours may vary where provincial restrictions apply.',
    ],
  }),

  // ------------------------------------------------------------------ US states, DC, territories
  none('AK', 'Alaska'),
  row({
    code: 'AL',
    name: 'Alabama',
    weekday: h(8, 20),
    saturday: h(8, 20),
    sunday: null,
    holidays: AL_HOLIDAYS,
    observance: 'weekend-to-nearest-weekday',
    citation: 'Ala. Admin. Code r. 770-X-5-.17(1)(b) (Alabama PSC); holidays Ala. Code § 1-3-8',
    asOf: CHECKED,
    sources: [
      'Ala. Admin. Code r. 770-X-5-.17, current through Register Vol. 43 No. 2 (https://d1tvxue8o4w0fl.cloudfront.net/regulation/alabama-administrative-code/title-770-alabama-public-service-commission/chapter-770-x-5-telephone-rules/section-770-x-5-17-live-and-automated-solicitations-and-announcements)',
      CLICKPOINT,
      DROPCOWBOY,
      'https://www.dropcowboy.com/state-compliance/al',
      DNC_HOLIDAYS,
      VICIFAST,
    ],
    notes: [
      'Mardi Gras is a holiday only in Baldwin and Mobile counties; it is kept statewide here (the safe side).',
      'A holiday on a Saturday is kept on the Friday before, one on a Sunday on the Monday after (Ala. Code § 1-3-8(a)).',
      'An automated solicitation call that records the consumer’s answer must say so and get their permission (r. 770-X-5-.17(1)(c)).',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Alabama’s rule (770-X-5-.17(1)) is written for automated solicitation calls; like vendor tables, Consent Guard applies its hours, Sunday and holiday limits to every sales call (the safe side).',
    research:
      'Rule 770-X-5-.17(1) is written for automated solicitation calls, in the Public Service Commission’s telephone rules; vendor tables apply its Sunday, holiday and 8 am–8 pm limits to every telemarketing call. Applied here to every sales call as the safe side.',
  }),
  none('AR', 'Arkansas'),
  none('AS', 'American Samoa'),
  none('AZ', 'Arizona', 'Arizona keeps no daylight saving time (except the Navajo Nation).'),
  none(
    'CA',
    'California',
    'Cal. Pub. Util. Code § 2872(c) limits automatic dialing-announcing devices to 9 am–9 pm; live agent calls follow the federal window.',
  ),
  none('CO', 'Colorado'),
  row({
    code: 'CT',
    name: 'Connecticut',
    until: '2023-10-01',
    ...{ weekday: h(9, 21), saturday: h(9, 21), sunday: h(9, 21) },
    citation: 'Conn. Gen. Stat. § 42-288a (before Public Act 23-98)',
    sources: [
      CLICKPOINT,
      'https://tcpaworld.com/2023/06/28/connecticut-rolls-out-new-telemarketing-requirements-here-is-what-you-need-to-know/',
    ],
    notes: ['9 am–9 pm until 30 September 2023.'],
  }),
  row({
    code: 'CT',
    name: 'Connecticut',
    from: '2023-10-01',
    ...{ weekday: h(9, 20), saturday: h(9, 20), sunday: h(9, 20) },
    citation: 'Conn. Gen. Stat. § 42-288a, as amended by Public Act 23-98 (SB 1058), eff. 2023-10-01',
    sources: [
      'https://tcpaworld.com/2023/06/28/connecticut-rolls-out-new-telemarketing-requirements-here-is-what-you-need-to-know/',
      'https://app.legiplex.com/ct/legislature/2023/2023-r/bills/sb01058/drafts-latest',
      STELLO,
      DROPCOWBOY,
    ],
    notes: ['A Connecticut area code is presumed to be a Connecticut resident (Public Act 23-98).'],
  }),
  none('DC', 'District of Columbia'),
  none('DE', 'Delaware'),
  row({
    code: 'FL',
    name: 'Florida',
    until: '2021-07-01',
    citation: 'Fla. Stat. § 501.616(6) (before ch. 2021-185)',
    sources: [
      'https://flsenate.gov/Session/Bill/2021/1120/BillText/Filed/HTML',
      'https://www.nolo.com/legal-encyclopedia/florida-restrictions-telemarketers.html',
    ],
    notes: ['8 am–9 pm until 30 June 2021.'],
  }),
  row({
    code: 'FL',
    name: 'Florida',
    from: '2021-07-01',
    ...{ weekday: h(8, 20), saturday: h(8, 20), sunday: h(8, 20) },
    callsPer24h: 3,
    citation: 'Fla. Stat. § 501.616(6)(a)–(b), as amended by ch. 2021-185 (SB 1120), eff. 2021-07-01',
    sources: [
      'https://flsenate.gov/Session/Bill/2021/1120/BillText/er/HTML',
      'https://www.nolo.com/legal-encyclopedia/florida-restrictions-telemarketers.html',
      'https://www.floridaroof.com/What-You-Should-Know-About-Florida-s-Telephone-Solicitation-Laws---July-2022-1-14064.html',
      CLICKPOINT,
    ],
    notes: ['Calls to a Florida area code are presumed to reach a Florida resident (§ 501.059).'],
  }),
  none('GA', 'Georgia'),
  none('GU', 'Guam'),
  none('HI', 'Hawaii', 'Hawaii keeps no daylight saving time.'),
  none('IA', 'Iowa'),
  none('ID', 'Idaho'),
  row({
    code: 'IL',
    name: 'Illinois',
    ...{ weekday: h(9, 21), saturday: h(9, 21), sunday: h(9, 21) },
    citation: '815 ILCS 305/15 (Automatic Telephone Dialers Act); 815 ILCS 413/15 (Telephone Solicitations Act)',
    sources: [STELLO, CLICKPOINT, DROPCOWBOY],
    notes: [
      'The 9 am start is in the Automatic Telephone Dialers Act; live calls under 815 ILCS 413 may follow 8 am–9 pm.',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Stello and ClickPoint give 9 am–9 pm (ClickPoint: for prerecorded calls); Drop Cowboy gives 8 am–9 pm. The stricter 9 am start is used.',
  }),
  none('IN', 'Indiana'),
  none('KS', 'Kansas'),
  row({
    code: 'KY',
    name: 'Kentucky',
    ...{ weekday: h(10, 21), saturday: h(10, 21), sunday: h(10, 21) },
    citation: 'KRS 367.46955',
    sources: [CLICKPOINT, DROPCOWBOY, STELLO, G2],
  }),
  row({
    code: 'LA',
    name: 'Louisiana',
    weekday: h(8, 20),
    saturday: h(8, 20),
    sunday: null,
    holidays: [
      'new-year',
      'battle-new-orleans',
      'mlk',
      'washington',
      'mardi-gras',
      'good-friday',
      'memorial',
      'independence',
      'huey-long',
      'labor',
      'columbus',
      'all-saints',
      'veterans',
      'thanksgiving',
      'christmas',
    ],
    observance: 'none',
    observanceOf: {
      'new-year': 'weekend-to-nearest-weekday',
      independence: 'weekend-to-nearest-weekday',
      christmas: 'weekend-to-nearest-weekday',
    },
    exempt: ['service', 'business'],
    citation:
      'LPSC General Order R-29617 § V(A) (La. R.S. 45:844.11 et seq.); legal holidays La. R.S. 1:55(A)(1); emergency ban La. R.S. 45:844.31',
    asOf: CHECKED,
    sources: [
      CLICKPOINT,
      DROPCOWBOY,
      STELLO,
      DNC_HOLIDAYS,
      VICIFAST,
      'https://lpsc.louisiana.gov/DNC_Emergency',
      "DNC.com, '2023 Restricted Do Not Call Dates' and state rules (R-29617 § V(A)(1)–(2); https://dnc.com/holiday-alerts?year=2023)",
      'La. R.S. 1:55 text (https://legis.la.gov/legis/Law.aspx?d=74097)',
      "Orleans Parish Civil District Court clerk, 'Holidays' 2023–2024, citing R.S. 1:55(E) (https://www.orleanscivilclerk.com/holidays.html)",
      "DNC.com, '4th of July and other State Holidays for July' (2015: 'Friday, July 3: Alabama, Louisiana, Utah'; https://dnc.dreamhosters.com/tag/restrictedcalldates/page/12)",
      'La. R.S. 45:844.31 text (https://casetext.com/statute/louisiana-revised-statutes/revised-statutes/title-45-public-utilities-and-carriers/chapter-8-j-telephonic-solicitation-prohibited-during-state-of-emergency/section-4584431-telemarketing-activities-prohibitions-exceptions)',
      'La. R.S. 45:844.12 definitions (https://www.lawserver.com/law/state/louisiana/la-laws/louisiana_revised_statutes_45-844-12)',
    ],
    notes: [
      'During a state of emergency declared by the governor, telephone solicitation is banned, with narrow exceptions (La. R.S. 45:844.31); check lpsc.louisiana.gov (Consent Guard cannot know).',
      'The hours, Sunday and holiday limits apply even to calls made with prior consent or to existing customers (R-29617 § V(A)(1), as quoted by DNC.com).',
      'New Year’s Day, July 4 and Christmas on a Saturday are also kept on the Friday before, on a Sunday on the Monday after (R.S. 1:55(E)); the other holidays do not move.',
      'The governor may proclaim extra legal holidays (e.g. 24 and 31 December 2020, 3 July and 26 December 2023), which also bar sales calls: Consent Guard cannot know them.',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Sources disagree on which holidays the Commission enforces: every legal holiday of R.S. 1:55(A)(1) is kept, with R.S. 1:55(E)’s weekend moves, as the safe side. The day after Thanksgiving is not among them and is not kept.',
    research:
      'Sources disagree on which holidays the Commission enforces: R-29617 bans calls on “legal holidays”, and every legal holiday of R.S. 1:55(A)(1) is kept here (the safe side), although DNC.com reports the Commission does not enforce Washington’s Birthday and ClickPoint says it enforces its own list. The weekend move of New Year’s Day, July 4 and Christmas is stated in R.S. 1:55(E), which is written for clerks of court; it is applied statewide as the safe side. The day after Thanksgiving is not a legal holiday under R.S. 1:55(A)(1) (only a closing day for clerks of court) and is not kept. R-29617 § V(A)(2) sets the hours, Sunday and holiday limits. The Act covers calls to a “residential telephonic subscriber” (R.S. 45:844.12), so calls to businesses are outside it.',
  }),
  row({
    code: 'MA',
    name: 'Massachusetts',
    ...{ weekday: h(8, 20), saturday: h(8, 20), sunday: h(8, 20) },
    citation: 'Mass. Gen. Laws ch. 159C, § 3; 201 CMR 12.00',
    sources: [CLICKPOINT, DROPCOWBOY, STELLO],
  }),
  row({
    code: 'MD',
    name: 'Maryland',
    from: '2024-01-01',
    ...{ weekday: h(8, 20), saturday: h(8, 20), sunday: h(8, 20) },
    callsPer24h: 3,
    citation: 'Stop the Spam Calls Act of 2023 (SB 90), Md. Code, Com. Law Title 14, eff. 2024-01-01',
    sources: [
      'https://www.wmar2news.com/local/law-to-prevent-spam-calls-takes-effect-first-of-the-year',
      'https://www.dnc.com/index.php/news/maryland-governor-signs-stop-spam-calls-act-2023-law',
      'https://www.kelleydrye.com/viewpoints/podcasts/ad-law-access/marylands-new-telemarketing-law-now-in-effect',
      DROPCOWBOY,
    ],
    notes: ['The 3-in-24-hours cap counts text messages as well as calls.'],
  }),
  {
    ...none(
      'ME',
      'Maine',
      'Automated (prerecorded) solicitation calls may be made only on weekdays, 9 am–5 pm Maine time, and no more than one to a number in 8 hours (10 M.R.S. § 1498(3)); calls made by a person follow the federal window.',
    ),
    asOf: CHECKED,
    sources: [
      ...NO_OWN_RULE_SOURCES,
      G2,
      'Maine LD 392 (121st Legislature), text of 10 M.R.S. § 1498(3) (https://legislature.maine.gov/legis/bills/bills_121st/billtexts/LD039201-1.asp)',
    ],
  },
  row({
    code: 'MI',
    name: 'Michigan',
    ...{ weekday: h(9, 21), saturday: h(9, 21), sunday: h(9, 21) },
    citation: 'Mich. Comp. Laws § 445.111b (Home Solicitation Sales Act)',
    sources: [DROPCOWBOY, STELLO],
    confidence: 'disputed',
    confidenceNote: 'Both sources give 9 am–9 pm, but they cite different sections (Stello cites MCL 750.540e).',
  }),
  row({
    code: 'MN',
    name: 'Minnesota',
    ...{ weekday: h(9, 21), saturday: h(9, 21), sunday: h(9, 21) },
    citation: 'Minn. Stat. §§ 325E.27, 325E.30',
    sources: [DROPCOWBOY, STELLO],
    confidence: 'disputed',
    confidenceNote:
      'The 9 am–9 pm limit may cover only automatic dialing-announcing devices (§ 325E.27); applied to every sales call as the safe side.',
  }),
  none('MO', 'Missouri'),
  none('MP', 'Northern Mariana Islands'),
  row({
    code: 'MS',
    name: 'Mississippi',
    until: '2023-07-01',
    weekday: h(8, 20),
    saturday: h(8, 20),
    sunday: null,
    standardTime: true,
    holidays: MS_HOLIDAYS,
    observance: 'sunday-to-monday',
    exempt: ['service', 'existing-customer'],
    citation:
      'Miss. Code Ann. § 77-3-723; 39 Miss. Admin. Code Pt. I, R. 1:28 (holidays, since repealed); Miss. Code § 3-3-7',
    asOf: CHECKED,
    sources: [
      'https://www.dnc.com/blog/no-more-holidays-mississippi-marketers-magnolia-state-lifts-prohibition-telemarketing-legal',
      DNC_HOLIDAYS,
      CLICKPOINT_HOLIDAYS,
      'Miss. Code § 3-3-7 text (https://codes.findlaw.com/ms/title-3-state-sovereignty-jurisdiction-and-holidays/ms-code-sect-3-3-7.html)',
      "SuperTalk Mississippi, 2018 (Confederate Memorial Day 'April 23rd in Alabama … April 30th in Mississippi'; https://supertalk.fm/?p=51965)",
    ],
    notes: [
      'Until the Public Service Commission’s rules were repealed, no calls on legal holidays either.',
      'Confederate Memorial Day is the last Monday of April in Mississippi (§ 3-3-7), not Alabama’s fourth Monday.',
      MS_STANDARD_TIME_NOTE,
    ],
    confidence: 'disputed',
    confidenceNote:
      'The exact date the holiday rule ended is not confirmed: HB 1225 (2023) moved enforcement to the Attorney General and the PSC repealed its rules afterwards; 2023-07-01 is used.',
  }),
  row({
    code: 'MS',
    name: 'Mississippi',
    from: '2023-07-01',
    weekday: h(8, 20),
    saturday: h(8, 20),
    sunday: null,
    standardTime: true,
    exempt: ['service', 'existing-customer'],
    citation: 'Miss. Code Ann. § 77-3-723 (Mississippi Telephone Solicitation Act)',
    asOf: CHECKED,
    sources: [
      'https://getpocketlaw.com/law/state_mississippi/section-77-3-723-rules-for-authorized-calls_57b73fa7ff73',
      'https://www.dnc.com/blog/no-more-holidays-mississippi-marketers-magnolia-state-lifts-prohibition-telemarketing-legal',
      DROPCOWBOY,
      'https://cliclaw.com/library/state-laws/mississippi/mississippi-telephone-solicitation-act-miss-code-ann-%C2%A7-77-3-701-%E2%80%94-77',
    ],
    notes: [
      MS_STANDARD_TIME_NOTE,
      'No holiday ban since the PSC rules were repealed (confirmed by the Attorney General’s office, per DNC.com, 2024).',
      'Miss. Code § 77-3-603 (unsolicited sales calls) says 8 am–9 pm; the stricter 8 pm of § 77-3-723 is used.',
    ],
  }),
  none('MT', 'Montana'),
  none('NC', 'North Carolina'),
  none('ND', 'North Dakota'),
  none(
    'NE',
    'Nebraska',
    'Prerecorded messages are limited to 1–9 pm on Sundays and holidays (Neb. Admin. Code tit. 291 ch. 11 § 3); live calls follow the federal window.',
  ),
  none('NH', 'New Hampshire'),
  none('NJ', 'New Jersey', 'N.J.S.A. 56:8-130 et seq. keeps the federal 8 am–9 pm hours.'),
  row({
    code: 'NM',
    name: 'New Mexico',
    ...{ weekday: h(9, 21), saturday: h(9, 21), sunday: h(9, 21) },
    citation: 'N.M. Stat. § 57-12-22(B)(5) (Unfair Practices Act)',
    asOf: CHECKED,
    sources: [
      'N.M. Stat. § 57-12-22 (2006 text, https://law.justia.com/codes/new-mexico/2006/nmrc/jd_57-12-22-13117.html)',
      DROPCOWBOY,
      'https://stateregstoday.com/?p=13795',
    ],
  }),
  row({
    code: 'NV',
    name: 'Nevada',
    ...{ weekday: h(9, 20), saturday: h(9, 20), sunday: h(9, 20) },
    citation:
      'No Nevada statute found for live sales calls (NRS 228.500–228.640 and ch. 599B searched); NRS 597.814(2)(a) for automatic dialing-announcing devices',
    asOf: CHECKED,
    sources: [
      DROPCOWBOY,
      'NRS 597.814 text (http://www.contactcentercompliance.com/legal/statutes/NV/NRS/597.814.adpx)',
      "lawgratis.com, 'Nevada Administrative Code Chapter 599B' (https://www.lawgratis.com/blog-detail/nevada-administrative-code-chapter-599b-solicitation-by-telephone)",
    ],
    notes: [
      'Calls made with an automatic dialing-announcing device (a recorded message) may not reach a telephone in Nevada between 9 pm and 9 am (NRS 597.814(2)(a)).',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Not established Nevada law: the 9 am–8 pm window for live sales calls is one vendor table’s, and no Nevada statute or regulation saying so was found. It is kept as the safe side.',
    research:
      'Not established Nevada law: 9 am–8 pm rests on one vendor table (Drop Cowboy), with no statute named. The only hours statute found, NRS 597.814(2)(a), bars calls by automatic dialing-announcing devices between 9 pm and 9 am; a summary of NAC 599B (lawgratis.com) says 8 am–9 pm. The narrower 9 am–8 pm is kept as the safe side.',
  }),
  none('NY', 'New York', 'N.Y. Gen. Bus. Law § 399-z keeps the federal 8 am–9 pm hours.'),
  none('OH', 'Ohio'),
  row({
    code: 'OK',
    name: 'Oklahoma',
    from: '2022-11-01',
    ...{ weekday: h(8, 20), saturday: h(8, 20), sunday: h(8, 20) },
    callsPer24h: 3,
    citation: 'Okla. Stat. tit. 15, § 775C.4 (Telephone Solicitation Act of 2022, HB 3168), eff. 2022-11-01',
    sources: [VICIDIAL_FORUM, CLICKPOINT, DROPCOWBOY],
  }),
  none('OR', 'Oregon'),
  row({
    code: 'PA',
    name: 'Pennsylvania',
    until: '2019-12-03',
    citation: '73 P.S. § 2245(a)(1) (Telemarketer Registration Act)',
    exempt: ['service', 'existing-customer'],
    asOf: CHECKED,
    sources: [
      'https://govt.westlaw.com/pac/Document/NE4CC77F0E9F711E9BEFE89A994168F89',
      'https://cliclaw.com/node/7134',
    ],
  }),
  row({
    code: 'PA',
    name: 'Pennsylvania',
    from: '2019-12-03',
    until: '2026-10-18',
    saturday: h(8, 12),
    holidays: PA_HOLIDAYS,
    observance: 'sunday-to-monday',
    exempt: ['service', 'existing-customer'],
    citation: '73 P.S. § 2245(a)(1), (a)(10), as amended by Act 73 of 2019; legal holidays 44 P.S. § 11',
    asOf: CHECKED,
    sources: [
      'https://govt.westlaw.com/pac/Document/NE4CC77F0E9F711E9BEFE89A994168F89',
      'https://mslawgroup.com/regulatory-alert-pennsylvania-amends-telemarketing-registration-act/',
      'https://www.jenkinslaw.org/blog/2019/12/03/amendments-pennsylvanias-telemarketer-registration-act-effective-today',
      VICIFAST,
      PA_HALF_HOLIDAY,
      BLR_PA_HOLIDAYS,
      DROPCOWBOY,
    ],
    notes: [
      '8 am–9 pm, and no telephone solicitation on legal holidays, from 3 December 2019 until Act 47 of 2026 (reported in force on 18 October 2026).',
      'Calls to people with an established business relationship in the last 12 months are not “telephone solicitation calls”.',
      PA_SATURDAY_NOTE,
    ],
    confidence: 'disputed',
    confidenceNote:
      'Sources disagree on whether the holiday ban reaches Saturday afternoons; calls end at noon as the safe side. Juneteenth is not in § 11 and is kept as the safe side.',
    research: PA_SATURDAY_DOUBT,
  }),
  row({
    code: 'PA',
    name: 'Pennsylvania',
    from: '2026-10-18',
    weekday: h(9, 19),
    saturday: h(9, 12),
    sunday: null,
    holidays: PA_HOLIDAYS,
    observance: 'sunday-to-monday',
    citation:
      '73 P.S. § 2245(a)(1), (a)(10), as amended by Act 47 of 2026 (SB 992), approved 2026-07-20, eff. 2026-10-18; legal holidays 44 P.S. § 11',
    asOf: CHECKED,
    sources: [
      'https://www.pasenategop.com/news/brooks-bill-to-strengthen-protections-against-telemarketers-passes-senate',
      'https://www.senatorbaker.com/enews/110325-2',
      "glama.ai, 'Call Desk' can_i_call_now tool description (“Pennsylvania bans Sundays from 2026-10-18”; https://glama.ai/mcp/connectors/com.modernmustardseed/call-desk/tools/can_i_call_now)",
      'FieldQuo calling-rules table, read 2026-09-03, quoting Act 47 of 2026: “on a Sunday or after 7 p.m. or before 9 a.m.” (https://github.com/meydayapp/fieldquo/blob/main/lib/sales/callingRules.js)',
      "Withers Ventures (Ben & Jerry's Philadelphia) do-not-call policy, 2026-09-10: “PA Act 47 of 2026, which takes effect 2026-10-18” (https://github.com/BenJerrysUpenn/crm-app/blob/main/docs/call-desk-do-not-call-policy.md)",
      PA_HALF_HOLIDAY,
      BLR_PA_HOLIDAYS,
      DROPCOWBOY,
    ],
    notes: [
      'The Act also reaches text messages, voicemails and “ringless” voicemails, and business subscribers.',
      PA_SATURDAY_NOTE,
      'Existing customers are not exempt from the hours and the Sunday ban (§ 2245(a)(1)); the holiday ban (§ 2245(a)(10)) excludes them but is applied to them too as the safe side.',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Act 47 of 2026 (SB 992), reported in force since 18 October 2026, was not read, and a bill tracker still showed it in committee; its reported hours and Sunday ban are applied as the safe side. Whether Saturday calls end at noon is disputed too.',
    research: `Enactment rests on secondary sources: two compliance tables and a calling-hours tool report Act 47 of 2026 (SB 992, approved 20 July 2026, in force 90 days later, 18 October 2026) with the Sunday ban and 9 am–7 pm; the Senate passed SB 992 unanimously with that text (Senate press release, November 2025). The Act itself was not read, and one bill tracker still showed SB 992 in committee. The stricter rule is applied from 18 October 2026. The hours and the Sunday ban (§ 2245(a)(1)) govern “telemarketing”, which is not limited to calls without an established business relationship; the holiday ban (§ 2245(a)(10)) covers “telephone solicitation calls”, which exclude them. ${PA_SATURDAY_DOUBT}`,
  }),
  none('PR', 'Puerto Rico'),
  row({
    code: 'RI',
    name: 'Rhode Island',
    weekday: h(9, 18),
    saturday: h(10, 17),
    sunday: null,
    holidays: [
      'new-year',
      'mlk',
      'washington',
      'ri-independence',
      'memorial',
      'juneteenth',
      'independence',
      'victory',
      'labor',
      'columbus',
      'election-even',
      'veterans',
      'thanksgiving',
      'christmas',
    ],
    observance: 'sunday-to-monday',
    observanceOf: {
      'new-year': 'weekend-to-both',
      juneteenth: 'weekend-to-nearest-weekday',
      independence: 'weekend-to-both',
      veterans: 'weekend-to-both',
      christmas: 'weekend-to-both',
    },
    citation:
      'R.I. Gen. Laws §§ 5-61-2 (hours of operation), 5-61-3.6; state holidays § 25-1-1; federal holidays 5 U.S.C. § 6103',
    asOf: CHECKED,
    sources: [
      'https://instalawyer.io/laws/rhode-island-general-laws/section-5-61-2-definitions',
      'http://webserver.rilin.state.ri.us/Statutes/TITLE5/5-61/5-61-3.6.HTM',
      DROPCOWBOY,
      DNC_HOLIDAYS,
      'R.I. Gen. Laws § 25-1-1 text (http://statutes.laws-info.com/rhode-island/title-25/chapter-25-1/25-1-1; https://unicourt.github.io/cic-code-ri/transforms/ri/ocri/r71/gov.ri.code.title.25.html)',
      "RI Secretary of State, 'Rhode Island State Holidays' 2019–2021 (https://www.sos.ri.gov/divisions/civics-and-education/reference-desk/ri-state-holidays)",
      "DNC.com, '4th of July and other State Holidays for July' (2015: 'Monday, July 6: Rhode Island, Independence Day Observed'; https://dnc.dreamhosters.com/tag/restrictedcalldates/page/12)",
    ],
    notes: [
      'Election Day is a state holiday in years with a general election of state officers (even years) (§ 25-1-1).',
      'A holiday on a Sunday is also kept on the Monday after; so are New Year’s Day, Independence Day, Veterans Day and Christmas on a Saturday (§ 25-1-1).',
      'A federal holiday on a Saturday is also kept on the Friday before, when federal employees observe it (5 U.S.C. § 6103(b)), since § 5-61-2 names federal holidays.',
      'The governor or the General Assembly may appoint other holidays, which Consent Guard cannot know.',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Whether the Monday or Friday kept for a weekend holiday is itself a no-call day for sales calls was not confirmed: both are kept (the safe side).',
    research:
      '§ 25-1-1 says that when New Year’s Day, July 4, Veterans Day or Christmas falls on a Saturday or Sunday “state employees will celebrate the holiday on the following Monday”; whether that Monday, or the Friday federal employees observe for a Saturday holiday, is a holiday for the sales-call ban (§ 5-61-2) was not confirmed, so the day itself, the Friday and the Monday are all kept as no-call days (the safe side).',
  }),
  none('SC', 'South Carolina', 'S.C. Code § 37-21-70 keeps the federal 8 am–9 pm hours.'),
  none('SD', 'South Dakota'),
  none('TN', 'Tennessee'),
  row({
    code: 'TX',
    name: 'Texas',
    weekday: h(9, 21),
    saturday: h(9, 21),
    sunday: h(12, 21),
    citation: 'Tex. Bus. & Com. Code § 301.051',
    sources: [CLICKPOINT, 'https://instalawyer.io/laws/texas-statutes/subtitle-a-telephones'],
    confidence: 'single-source',
    confidenceNote:
      'The hours come from the statute as known and one vendor table; the statute page found lists § 301.051 without its text.',
  }),
  ...[
    { until: '2027-01-01', holidays: UT_HOLIDAYS },
    {
      from: '2027-01-01',
      holidays: [...UT_HOLIDAYS, 'good-friday', 'election'] as HolidayId[],
      extraSources: [
        'H.B. 104 (2026), State Holiday Amendments: Election Day, effective 2027-01-01 (https://le.utah.gov/Session/2026/bills/introduced/HB0104.xml)',
      ],
      confidence: 'disputed' as const,
      confidenceNote:
        'From 2027 Good Friday and Election Day are no-call days here as the safe side: they are reported changes to § 63G-1-301, whose enrolled bills were not read, so their enactment is not confirmed.',
      research:
        'Good Friday and Election Day are applied from 2027 as the safe side: a research copy of § 63G-1-301 in force from 6 May 2026 (self-law.org) lists Good Friday “subject to Subsection (6)”, which was not read, and marks that text superseded on 1 January 2027, when H.B. 104 (2026) makes Election Day a legal holiday; neither enrolled bill was read, so their enactment is not confirmed.',
    },
  ].map(({ extraSources = [], ...dated }) =>
    row({
      code: 'UT',
      name: 'Utah',
      ...dated,
      sunday: null,
      weekday: h(8, 21),
      saturday: h(8, 21),
      observance: 'weekend-to-nearest-weekday',
      citation: 'Utah Code § 13-25a-103(3); legal holidays Utah Code § 63G-1-301',
      asOf: CHECKED,
      sources: [
        'https://codes.findlaw.com/ut/title-13-commerce-and-trade/ut-code-sect-13-25a-103/',
        'https://www.findlaw.com/state/utah-law/utah-telemarketing-fraud-laws.html',
        DNC_HOLIDAYS,
        'Utah Code § 63G-1-301 text, effective 2026-05-06 (https://self-law.org/code/ut/title-63g/chapter-1/1)',
        'H.B. 238 (2022), State Holiday Modifications (https://le.utah.gov/~2022/bills/hbillint/HB0238S01.htm)',
        "ABC4, 'Juneteenth now a Utah state holiday' (2022-03-24; https://www.abc4.com/news/juneteenth-now-a-utah-state-holiday/)",
        ...extraSources,
      ],
      notes: [
        'Calls made with the person’s prior express consent are not restricted.',
        'Utah keeps Juneteenth on a Monday: June 19 when it is a Monday, else the Monday before (Tuesday–Friday) or after (Saturday, Sunday) (§ 63G-1-301(2)(c)–(d)).',
      ],
    }),
  ),
  none('VA', 'Virginia', 'Va. Code § 59.1-514 keeps the federal 8 am–9 pm hours.'),
  none('VI', 'U.S. Virgin Islands'),
  none('VT', 'Vermont'),
  row({
    code: 'WA',
    name: 'Washington',
    ...{ weekday: h(8, 20), saturday: h(8, 20), sunday: h(8, 20) },
    citation: 'RCW 19.158.040(2); RCW 80.36.390 (both as amended by ESHB 1497, eff. 2022-06-09)',
    asOf: CHECKED,
    sources: [
      'RCW 19.158.040 (https://app.leg.wa.gov/RCW/default.aspx?cite=19.158.040)',
      'https://www.dwt.com/blogs/family-business-resource-center/2022/08/washington-tcpa-telemarketing-restrictions-law',
      'https://centralialaw.com/new-solicitation-law/',
      VICIDIAL_FORUM,
    ],
    notes: [
      'Since 9 June 2022 (ESHB 1497): no sales call received before 8 am or after 8 pm; the Telephone Solicitation Act (RCW 80.36.390) covers calls by nonprofits asking for donations too.',
    ],
  }),
  none('WI', 'Wisconsin'),
  none('WV', 'West Virginia'),
  row({
    code: 'WY',
    name: 'Wyoming',
    ...{ weekday: h(8, 20), saturday: h(8, 20), sunday: h(8, 20) },
    exempt: ['service', 'business'],
    covers:
      'Unsolicited telephonic sales calls to consumers about consumer goods or services (for personal, family or household use).',
    citation: 'Wyo. Stat. § 40-12-302(d), as quoted by compliance tables (not found in the text read)',
    asOf: CHECKED,
    sources: [
      "FieldQuo calling-rules table, read 2026-09-03 in the Legislature's Title 40 PDF: § 40-12-302(d) bars a call “to a consumer before the hour of 8 a.m. or after 8 p.m. local time at the consumer's location” (https://github.com/meydayapp/fieldquo/blob/main/lib/sales/callingRules.js)",
      "glama.ai, 'Call Desk' can_i_call_now tool description (“Wyoming ... stop at 8 p.m.”; https://glama.ai/mcp/connectors/com.modernmustardseed/call-desk/tools/can_i_call_now)",
      'https://law.justia.com/codes/wyoming/2016/title-40/chapter-12/article-3/section-40-12-303/',
      'https://attorneygeneral.wyo.gov/law-office-division/consumer-protection-and-antitrust-unit/telephone-solicitation-for-businesses',
    ],
    confidence: 'disputed',
    confidenceNote:
      'Compliance tables give 8 am–8 pm (one quoting § 40-12-302(d)), but the 2016 statute text and the Attorney General’s pages, as read, show no hours; the 8 pm end is applied as the safe side.',
    research:
      'Compliance tables give Wyoming 8 am–8 pm, one quoting § 40-12-302(d) (“before the hour of 8 a.m. or after 8 p.m. local time at the consumer’s location”), and a calling-hours tool agrees; but the 2016 text of §§ 40-12-301 to -305 (Justia, cliclaw) and the Attorney General’s pages, as read, show no hours. The 8 pm end is applied as the safe side.',
  }),

  // ------------------------------------------------------------------ Canadian provinces and territories
  ...[
    { until: '2023-03-09', holidays: BC_HOLIDAYS.filter((id) => id !== 'truth-reconciliation') },
    { from: '2023-03-09', holidays: BC_HOLIDAYS },
  ].map((dated) =>
    row({
      code: 'BC',
      name: 'British Columbia',
      country: 'CA',
      ...dated,
      weekday: { start: 9 * 60, end: 21 * 60 + 30 },
      saturday: h(10, 18),
      sunday: h(10, 18),
      exempt: ['service', 'business'],
      covers:
        'Telemarketers calling consumers in British Columbia to make distance sales contracts, or to raise contributions for a third party (e.g. a fundraiser calling for a charity): those Consumer Protection BC licenses.',
      citation:
        'Telemarketer Licensing Regulation (B.C.), under the Business Practices and Consumer Protection Act, S.B.C. 2004, c. 2',
      asOf: CHECKED,
      sources: [
        'Consumer Protection BC, "Everything you wanted to know about telemarketers" (2011; https://consumerprotectionbc.ca/2011/07/everything-you-wanted-to-know-about-telemarketers)',
        'Consumer Protection BC, "Looking for some telemarketing tips?" (2014; https://www.consumerprotectionbc.ca/2014/08/looking-for-some-telemarketing-tips/)',
        'Consumer Protection BC, "5 rules about telemarketing calls" (2023; https://www.consumerprotectionbc.ca/2023/03/5-rules-about-telemarketing-calls/)',
        'canadianadvertisinglaw.com, "Telemarketing in BC or to BC Residents? The Telemarketer Licensing Regulation May Apply" (https://www.canadianadvertisinglaw.com/telemarketing-in-bc-or-to-bc-residents-the-telemarketer-licensing-regulation-may-apply/)',
        'UBCM resolution B152 (2005), provincial response: the Regulation "restricts the hours when telemarketers can call consumers" (https://ubcm.ca/convention-resolutions/resolutions/resolutions-database/unwanted-telephone-fax-solicitation)',
      ],
      notes: [
        'No more than one call in 30 days to the same consumer about the same goods or services without their permission: Consent Guard cannot count calls.',
        'No calls on the Employment Standards Act’s statutory holidays (the National Day for Truth and Reconciliation since 9 March 2023); Easter Monday and Boxing Day are not among them, and none moves off a weekend.',
      ],
      confidence: 'disputed',
      confidenceNote:
        'The hours, holiday ban and 30-day rule come from Consumer Protection BC and a lawyer’s note, not the Regulation’s text, which was not read; the Employment Standards Act’s holidays are assumed.',
      research:
        'The hours, the statutory-holiday ban and the 30-day rule come from Consumer Protection BC’s own pages and a lawyer’s note; the Regulation’s text (its section, and which holiday list it means) was not read. The Employment Standards Act’s statutory holidays are used: New Year’s Day, Family Day, Good Friday, Victoria Day, Canada Day, British Columbia Day, Labour Day, National Day for Truth and Reconciliation (since 9 March 2023), Thanksgiving, Remembrance Day, Christmas Day.',
    }),
  ),
  ...(
    [
      ['AB', 'Alberta'],
      ['MB', 'Manitoba'],
      ['NB', 'New Brunswick'],
      ['NL', 'Newfoundland and Labrador'],
      ['NS', 'Nova Scotia'],
      ['NT', 'Northwest Territories'],
      ['NU', 'Nunavut'],
      ['ON', 'Ontario'],
      ['PE', 'Prince Edward Island'],
      ['QC', 'Quebec'],
      ['SK', 'Saskatchewan'],
      ['YT', 'Yukon'],
    ] as const
  ).map(([code, name]) => none(code, name, undefined, 'CA')),
];
