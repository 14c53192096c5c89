// A background that answers every number at once, all-party, for tests and benchmarks that run the
// page engine without the extension (tests/unit/page-guard.test.ts, tests/bench/page-entry.ts).
import { scanText } from '@/lib/number/scan-text';
import { PageGuard } from '@/lib/page/page-guard';
import type { PageScan, PageScanResponse } from '@/lib/protocol/messages';

export function instantAnswer(message: PageScan): Extract<PageScanResponse, { ok: true }> {
  const located = (message.located ?? []).map(({ e164, regions }) => ({
    e164,
    consent: 'all-party' as const,
    ambiguous: false,
    place: 'CA',
    sentence: 'All-party consent.',
    localTime: null,
    inCallingWindow: null,
    location: regions[0] ?? '',
    locationKey: regions.join('/'),
  }));
  return {
    ok: true,
    showOneParty: true,
    badges: [
      ...message.lookup.map((e164) => ({
        e164,
        consent: 'all-party' as const,
        ambiguous: false,
        place: 'CA',
        sentence: 'All-party consent.',
        localTime: null,
        inCallingWindow: null,
      })),
      ...located,
    ],
  };
}

/** The page engine on `doc` (not started), with every page-scan it sends kept in `sent` and answered at once. */
export function instantGuard(
  doc: Document,
  sent: PageScan[],
  deps: Partial<ConstructorParameters<typeof PageGuard>[1]> = {},
): PageGuard {
  return new PageGuard(doc, {
    scan: scanText,
    send: async (message) => {
      sent.push(message);
      return instantAnswer(message);
    },
    details: async () => null,
    text: (key) => key,
    batchMs: 0,
    fieldPollMs: 0,
    ...deps,
  });
}
