/**
 * Shared vocabulary of the consent knowledge base. Plain types only: the data tables in
 * `lib/data/` and the rules engine build on these, and the zod schemas that validate the
 * tables live beside them in `lib/schemas.ts`.
 */

/** What the law asks before a phone call may be recorded. */
export type Requirement = 'all-party' | 'one-party' | 'unknown';

/** What an area code is used for. */
type AreaCodeType =
  | 'geographic'
  | 'toll-free' // 800 833 844 855 866 877 888, in service
  | 'toll-free-reserved' // 822 880-887 889: reserved for toll-free, not yet in service
  | 'premium' // 900
  | 'personal' // 5XX personal communications services (500 521-533 538 544 566 577 588)
  | 'canada-non-geographic' // 600 622 633
  | 'canada-non-geographic-reserved' // 644 655 677 688: reserved for Canada, never in service
  | 'government' // 710 (US government)
  | 'interexchange' // 700
  | 'inbound-international'; // none since 456 went back to the general pool (NANPA, November 2022)

export interface AreaCode {
  type: AreaCodeType;
  /** ISO 3166-1 alpha-2 country; 'US' for non-geographic US codes, 'CA' for Canadian ones. */
  country: string;
  /**
   * Jurisdiction codes: USPS codes for US states, DC and territories; Canadian postal
   * abbreviations for provinces and territories; [] for non-geographic codes and for the
   * other NANP countries (their country says it all).
   */
  regions: string[];
  /** IANA time zones of the area the code serves, every one where it spans several; [] if none. */
  timezones: string[];
  /** Date the code opened or opens (YYYY-MM-DD), when it is recent (2023 or later). */
  opens?: string;
  /** Where a code added by hand (not in libphonenumber) comes from. */
  source?: string;
}

export interface Jurisdiction {
  /** USPS code, Canadian postal abbreviation, or 'US-FED' | 'CA-FED' | 'NANP-OTHER'. */
  code: string;
  name: string;
  /** ISO country: 'US' (states, DC, territories, US-FED), 'CA' (provinces, CA-FED), 'NANP' for NANP-OTHER. */
  country: string;
  /** The rule for recording a phone call. */
  requirement: Requirement;
  /** True where the law is split or unsettled; `ambiguousReason` then says why. */
  ambiguous: boolean;
  ambiguousReason?: string;
  /**
   * A duty to give notice that holds whatever the consent rule (Canada's business notice): one
   * sentence, said in the reasons of every call it applies to.
   */
  noticeDuty?: string;
  /** The statute (and, where it decides the question, the leading case). */
  citation: string;
  /** What an agent needs to know, one sentence each. */
  notes: string[];
  /** True where recording an in-person conversation follows a different rule. */
  inPersonDiffers: boolean;
  inPersonRequirement?: Requirement;
  /** The date the entry was last checked against its sources (YYYY-MM-DD). */
  asOf: string;
  /** The sources read: statute pages, surveys, cases. */
  sources: string[];
}
