/**
 * The background's do-not-call matcher: the agent's imported list and the administrator's, loaded
 * once and again only when either changes (the options page's stamp, or the managed policy). A
 * restarted service worker loads it on the first message that needs it.
 */
import { browser } from 'wxt/browser';
import { entriesOf } from '@/lib/dnc/list';
import { DncMatcher, type DncSource } from '@/lib/dnc/matcher';
import { DNC_POLICY_KEYS, readDncPolicy } from '@/lib/dnc/policy';
import { DNC_STAMP_KEY, loadCompanyList, managedPolicy } from './dnc-store';

let current: Promise<DncMatcher> | undefined;

async function build(): Promise<DncMatcher> {
  const [{ list }, managed] = await Promise.all([loadCompanyList(), managedPolicy()]);
  const sources: DncSource[] = [];
  if (list) sources.push({ salt: list.salt, entries: entriesOf(list) });
  const policy = readDncPolicy(managed);
  if (policy.salt) sources.push({ salt: policy.salt, entries: policy.entries });
  return new DncMatcher(sources);
}

export function dncMatcher(): Promise<DncMatcher> {
  current ??= build().catch((error) => {
    console.error('[Consent Guard] could not load the do-not-call list', error);
    current = undefined;
    return new DncMatcher([]);
  });
  return current;
}

/** Drops the loaded list when it or the policy changes. Call once from the background. */
export function followDncChanges(onChange?: () => void) {
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    const changed =
      (area === 'local' && keys.includes(DNC_STAMP_KEY)) ||
      (area === 'managed' && keys.some((k) => (DNC_POLICY_KEYS as readonly string[]).includes(k)));
    if (!changed) return;
    current = undefined;
    onChange?.();
  });
}
