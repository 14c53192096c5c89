/**
 * The extension's own UI strings, from public/_locales through `browser.i18n.getMessage`.
 * Where getMessage is missing, throws or answers '' (WXT's fake browser in tests, a page opened
 * outside the extension), the English messages bundled here answer instead, placeholders and all.
 */
import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Chrome's substitution rules: `$NAME$` → the placeholder's content, then `$1`…`$9` → the substitutions. */
export function formatMessage(entry: Entry, subs: readonly string[]): string {
  const named = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
  );
  return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const message = browser.i18n?.getMessage?.(key, strings);
    if (message) return message;
  } catch {
    // Not available here: fall back to the bundled English.
  }
  return formatMessage(en[key] as Entry, strings);
}

/** The UI language as a BCP 47 tag, for `<html lang>`. */
export function uiLanguage(): string {
  try {
    const locale = browser.i18n?.getMessage?.('@@ui_locale');
    if (locale) return locale.replace('_', '-');
  } catch {
    // Fall through.
  }
  return 'en';
}
