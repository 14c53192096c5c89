/**
 * The time zones a state, territory or province observes, for calling hours read from a record's place.
 * Derived from the area-code table (lib/data/area-codes.ts, which lists every IANA zone each code's area
 * observes): a region's area codes tile it, so the union of their zones is every zone the region spans
 * (Florida: Eastern and Central; Tennessee; Indiana's counties; Idaho; …). A region is a whole state, so
 * a record that names only the state gets all of them: we never pretend to know which part.
 *
 * The one code that covers several regions with different clocks is 867 (Yukon, Northwest Territories,
 * Nunavut): its zones are split by territory here, from the same table's zone list (tz database comments:
 * Whitehorse/Dawson are Yukon; Edmonton (Yellowknife's link)/Inuvik the NWT; the rest Nunavut).
 */
import { AREA_CODES } from '../data/area-codes';

const SPLIT: Readonly<Record<string, readonly string[]>> = {
  YT: ['America/Whitehorse', 'America/Dawson'],
  NT: ['America/Edmonton', 'America/Inuvik'],
  NU: ['America/Iqaluit', 'America/Rankin_Inlet', 'America/Resolute', 'America/Cambridge_Bay'],
};

const byRegion = new Map<string, string[]>();
for (const code of Object.values(AREA_CODES)) {
  if (code.type !== 'geographic') continue;
  for (const region of code.regions) {
    if (region in SPLIT) continue;
    const zones = byRegion.get(region) ?? [];
    for (const zone of code.timezones) if (!zones.includes(zone)) zones.push(zone);
    byRegion.set(region, zones);
  }
}
for (const [region, zones] of Object.entries(SPLIT)) byRegion.set(region, [...zones]);

/** Every zone a region observes ([] for an unknown code). */
export function zonesOfRegion(region: string): readonly string[] {
  return byRegion.get(region) ?? [];
}

/** Every zone of several regions, in order, once each. */
export function zonesOfRegions(regions: readonly string[]): string[] {
  return [...new Set(regions.flatMap(zonesOfRegion))];
}
