/**
 * The extension's own UI strings, from public/_locales through `browser.i18n.getMessage`, which
 * always answers in the extension's pages. Where it cannot (WXT's fake browser in tests), the
 * messages given to `fallBackTo` answer instead, placeholders and all; they are not bundled, so
 * the popup does not carry every string of the options page twice.
 */
import { browser } from 'wxt/browser';
import type en from '@/public/_locales/en/messages.json';

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

let fallback: Readonly<Record<string, Entry>> = {};

/** The messages that answer where getMessage cannot (the tests' setup gives the English ones). */
export function fallBackTo(messages: Readonly<Record<string, Entry>>): void {
  fallback = messages;
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const message = browser.i18n?.getMessage?.(key, strings);
    if (message) return message;
  } catch {
    // Not available here: fall back.
  }
  const entry = fallback[key];
  // The key itself, never an empty label, if nothing answers.
  return entry ? formatMessage(entry, strings) : key;
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
