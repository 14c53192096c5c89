// Page-scan batches that mix well-formed numbers with malformed entries (too long, not E.164, not even
// strings): the background drops each malformed entry, counts it, and answers every well-formed number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, handleMessage, type Sender } from '@/lib/background/handle-message';
import { AREA_CODES } from '@/lib/data/area-codes';
import { MAX_PAGE_NUMBERS, PageScanResponse } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const ID = 'consentguardid';
const CONTENT: Sender = { id: ID, url: 'https://crm.example.com/contacts', tab: { id: 7 }, frameId: 0 };

function fakeDeps() {
  const recorded: string[][] = [];
  const deps: BackgroundDeps = {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    settings: async () => DEFAULT_SETTINGS,
    recordFrame: async (_tab, _frame, numbers) => {
      recorded.push(numbers);
      return numbers;
    },
    tabNumbers: async () => [],
    now: () => new Date('2026-11-27T17:00:00Z'),
  };
  return { deps, recorded };
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
/** Numbers the background answers: NANP numbers of area codes in service, and international ones. */
const valid = fc.oneof(
  fc
    .tuple(
      // Reserved codes (644 655 677 688) are not in service: the background refuses them.
      fc.constantFrom(
        ...Object.keys(AREA_CODES).filter((npa) => AREA_CODES[npa]?.type !== 'canada-non-geographic-reserved'),
      ),
      fc.integer({ min: 2, max: 9 }),
      digits(6),
    )
    .filter(([, , rest]) => !rest.startsWith('11'))
    .map(([npa, x, rest]) => `+1${npa}${x}${rest}`),
  fc.constantFrom('+442079460958', '+33142685300', '+81312345678', '+61293744000', '+4915112345678'),
);
/** Entries that are no E.164 number at all. */
const malformed: fc.Arbitrary<unknown> = fc.oneof(
  digits(16).map((d) => `+${d}`), // one digit too many: the defect of issue 13
  fc.stringMatching(/^\+[1-9]\d{15,30}$/),
  fc.stringMatching(/^\+0\d{6,14}$/),
  fc.stringMatching(/^\+[1-9]\d{0,5}$/),
  fc.constantFrom('', '+', '4155550134', '(415) 555-0134', '+1415555013<img src=x onerror=alert(1)>', ' +14155550134'),
  fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/^\+[1-9]\d{6,14}$/.test(s)),
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.array(fc.nat())),
);
const entry = fc.oneof(
  valid.map((n) => ({ n, ok: true })),
  malformed.map((n) => ({ n, ok: false })),
);

describe('page-scan batches with malformed entries', () => {
  it('drops each malformed entry, counts it, and answers every valid number', async () => {
    let mixed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 40 }),
        fc.array(entry, { maxLength: 40 }),
        async (lookup, present) => {
          const { deps, recorded } = fakeDeps();
          const message = { type: 'page-scan', lookup: lookup.map((e) => e.n), present: present.map((e) => e.n) };
          const response = await handleMessage(structuredClone(message), CONTENT, deps);
          expect(PageScanResponse.safeParse(response).success).toBe(true);
          if (!response.ok || !('badges' in response)) throw new Error(`refused: ${JSON.stringify(response)}`);
          const wanted = lookup.filter((e) => e.ok).map((e) => e.n);
          expect(response.badges.map((b) => b.e164)).toEqual(wanted);
          const bad = [...lookup, ...present].filter((e) => !e.ok).length;
          expect(response.dropped).toBe(bad);
          expect(recorded).toEqual([present.filter((e) => e.ok).map((e) => e.n)]);
          if (bad > 0 && wanted.length > 0) mixed++;
        },
      ),
      { seed: 0x13d7, numRuns: 400 },
    );
    // The runs did mix both kinds in one batch.
    expect(mixed).toBeGreaterThan(100);
  });

  it('a full batch with one malformed entry is answered whole, but a batch over the limit is refused', async () => {
    const { deps } = fakeDeps();
    const lookup: unknown[] = Array.from(
      { length: MAX_PAGE_NUMBERS - 1 },
      (_, i) => `+1415555${String(i % 10_000).padStart(4, '0')}`,
    );
    lookup.splice(2500, 0, '+4150415415000134');
    const response = await handleMessage({ type: 'page-scan', lookup, present: [] }, CONTENT, deps);
    expect(response).toMatchObject({ ok: true, dropped: 1 });
    if (response.ok && 'badges' in response) expect(response.badges).toHaveLength(MAX_PAGE_NUMBERS - 1);
    const over = await handleMessage(
      { type: 'page-scan', lookup: [...lookup, '+14155550134'], present: [] },
      CONTENT,
      deps,
    );
    expect(over).toMatchObject({ ok: false, error: /at lookup/ });
  });
});
