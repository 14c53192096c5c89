/** Answers as the background gives them, and a fake popup API around them. */
import { vi } from 'vitest';
import type { PopupApi } from '@/components/Popup';
import { answerOf } from '@/lib/law/answer';
import { classify } from '@/lib/law/classify';
import type { Answer } from '@/lib/protocol/messages';
import { DEFAULT_SETTINGS, type DisclaimerSettings, type Settings } from '@/lib/settings';

export const AT = new Date('2026-11-27T17:00:00Z');

export function answer(number: string, settings: Partial<Settings> = {}): Answer {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  return answerOf(classify(number, { agentRegion: s.agentRegion, policy: s.policy, at: AT }), s);
}

const STRICTNESS = { 'all-party': 0, unknown: 1, 'one-party': 2 } as const;
/** The tab's numbers, strictest first, as the background sorts them. */
export function tab(...numbers: string[]): Answer[] {
  return numbers
    .map((n) => answer(n))
    .sort(
      (a, b) =>
        STRICTNESS[a.requirement === 'unknown' ? 'unknown' : a.treatAs] -
        STRICTNESS[b.requirement === 'unknown' ? 'unknown' : b.treatAs],
    );
}

export function fakeApi(
  numbers: Answer[] | null,
  settings: Partial<DisclaimerSettings> = {},
  total = numbers?.length ?? 0,
): PopupApi & { changed: () => void; current: { settings: DisclaimerSettings } } {
  const listeners = new Set<() => void>();
  const current = { settings: { ...DEFAULT_SETTINGS, ...settings } };
  return {
    current,
    tabSummary: vi.fn(async () => (numbers === null ? null : { ok: true as const, total, numbers })),
    lookup: vi.fn(async (n: string) => ({ ok: true as const, results: [answer(n)] })),
    settings: vi.fn(async () => current.settings),
    watchSettings: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed: () => {
      for (const l of listeners) l();
    },
  };
}
