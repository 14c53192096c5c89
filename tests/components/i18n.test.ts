import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';
import { formatMessage, t, uiLanguage } from '@/utils/i18n';

describe('t', () => {
  it('falls back to the bundled English where getMessage is not implemented (the fake browser)', () => {
    expect(t('verdictNone')).toBe('No phone numbers found on this page');
    expect(t('verdictAllPartyMany', 3, 'CA, FL')).toBe('All-party consent: 3 numbers in CA, FL');
    expect(uiLanguage()).toBe('en');
  });

  it('uses the browser’s message where there is one', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key, subs) => `${key}:${[subs].flat().join('|')}`);
    expect(t('removeSite', 'https://a.example/*')).toBe('removeSite:https://a.example/*');
  });

  it('falls back when getMessage answers an empty string', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
    expect(t('copy')).toBe('Copy');
  });
});

describe('formatMessage', () => {
  it('follows Chrome’s placeholder rules (names are case-insensitive, unknown ones stay)', () => {
    const entry = { message: 'A $Count$ b $1 $X$', placeholders: { count: { content: '$2' } } };
    expect(formatMessage(entry, ['one', 'two'])).toBe('A two b one $X$');
  });
});

describe('the locales', () => {
  it('Spanish has every English key with the same placeholders, and none more', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      const other = (es as Record<string, typeof entry>)[key];
      expect(other && 'placeholders' in other ? other.placeholders : undefined, key).toEqual(
        'placeholders' in entry ? entry.placeholders : undefined,
      );
      for (const name of Object.keys(('placeholders' in entry && entry.placeholders) || {})) {
        expect(other?.message.toLowerCase(), key).toContain(`$${name}$`);
      }
    }
  });

  it('keeps the manifest description within the store’s 132 characters', () => {
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(es.extDescription.message.length).toBeLessThanOrEqual(132);
  });
});
