// Background → content scripts: storage is closed to content scripts (issue #18 item 8), so a settings
// change reaches them as this one message, and nothing else may pass for it.
import { describe, expect, it } from 'vitest';
import { isSettingsChanged, SETTINGS_CHANGED } from '@/lib/protocol/guards';

describe('settings-changed', () => {
  it('accepts exactly the message the background sends', () => {
    expect(isSettingsChanged(SETTINGS_CHANGED)).toBe(true);
    expect(isSettingsChanged(JSON.parse(JSON.stringify(SETTINGS_CHANGED)))).toBe(true);
  });
  it.each([
    null,
    undefined,
    'settings-changed',
    {},
    { type: 'settings-change' },
    { type: 'settings-changed', settings: { agentRegion: 'CA' } },
    ['settings-changed'],
  ])('refuses %j', (message) => {
    expect(isSettingsChanged(message)).toBe(false);
  });
});
