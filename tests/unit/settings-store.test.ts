// The one owner of the settings: load, update (validated, queued, partial) and watch.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/lib/settings';
import { applyPatch, migrateStored, SettingsError } from '@/lib/settings/patch';
import { isSettingsChange } from '@/utils/settings-keys';
import { settingsStore } from '@/utils/settings-store';

const own = async () => (await fakeBrowser.storage.sync.get('settings')).settings;

describe('lib/settings/patch', () => {
  it('migrates a stored value without filling defaults: unset fields stay unset', () => {
    expect(migrateStored(undefined)).toEqual({ version: SETTINGS_VERSION });
    expect(migrateStored('junk')).toEqual({ version: SETTINGS_VERSION });
    expect(migrateStored({ version: 1, policy: 'callee-only', agent: 'Dana' })).toEqual({
      version: 2,
      policy: 'strictest',
      agent: 'Dana',
    });
    expect(migrateStored({ agentState: 'TX', policy: 'callee' })).toEqual({
      version: 2,
      agentRegion: 'TX',
      policy: 'strictest',
    });
  });

  it('a patch onto a version-0 value is not undone by the migration', () => {
    expect(applyPatch({ agentState: 'TX' }, { agentRegion: 'CA' })).toMatchObject({ version: 2, agentRegion: 'CA' });
  });

  it('a value from a newer version keeps its version', () => {
    expect(applyPatch({ version: 9, future: 1 }, { agent: 'Lee' })).toEqual({ version: 9, future: 1, agent: 'Lee' });
  });

  it('refuses an invalid field with an error naming it, and an unknown one', () => {
    expect(() => applyPatch(undefined, { company: 'x'.repeat(81) })).toThrow(SettingsError);
    expect(() => applyPatch(undefined, { company: 'x'.repeat(81) })).toThrow(/^company: /);
    expect(() => applyPatch(undefined, { templates: { 'all-party': { en: 'x'.repeat(601) } } } as never)).toThrow(
      /^templates\./,
    );
    expect(() => applyPatch(undefined, { colour: 'red' } as never)).toThrow('"colour" is not a setting.');
  });
});

describe('utils/settings-store', () => {
  it('load resolves the agent’s settings with the administrator’s', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, agent: 'Dana', company: 'Mine' } });
    await fakeBrowser.storage.managed.set({ company: 'Acme', locked: ['company'] });
    const resolved = await settingsStore.load();
    expect(resolved.settings).toMatchObject({ agent: 'Dana', company: 'Acme' });
    expect(resolved.locked).toEqual(['company']);
  });

  it('update writes the patch and keeps every other stored field as stored', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, agent: 'Dana' } });
    const after = await settingsStore.update({ company: 'Acme' });
    expect(await own()).toEqual({ version: 2, agent: 'Dana', company: 'Acme' });
    expect(after).toEqual({ ...DEFAULT_SETTINGS, agent: 'Dana', company: 'Acme' });
  });

  it('update with a function sees the agent’s own settings; null writes nothing', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, agent: 'Dana' } });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const seen = vi.fn(() => null);
    await settingsStore.update(seen);
    expect(seen).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, agent: 'Dana' });
    expect(set).not.toHaveBeenCalled();
  });

  it('an invalid change is refused and what was stored is kept', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, agent: 'Dana' } });
    await expect(settingsStore.update({ agent: 'Lee', company: 'x'.repeat(81) })).rejects.toThrow(SettingsError);
    expect(await own()).toEqual({ version: 2, agent: 'Dana' });
  });

  it('queues writers: concurrent changes of different fields all land', async () => {
    await Promise.all([
      settingsStore.update({ agent: 'Dana' }),
      settingsStore.update((s) => ({ enabledSites: [...s.enabledSites, 'https://a.example/*'] })),
      settingsStore.update((s) => ({ enabledSites: [...s.enabledSites, 'https://b.example/*'] })),
      settingsStore.update({ company: 'Acme' }),
    ]);
    expect(await own()).toEqual({ version: 2, agent: 'Dana', company: 'Acme' });
    expect((await fakeBrowser.storage.local.get('settings.sites'))['settings.sites']).toEqual({
      enabledSites: ['https://a.example/*', 'https://b.example/*'],
    });
  });

  it('a failed writer does not stop the next one', async () => {
    const failed = settingsStore.update({ company: 'x'.repeat(81) });
    const next = settingsStore.update({ company: 'Acme' });
    await expect(failed).rejects.toThrow(SettingsError);
    await next;
    expect(await own()).toEqual({ version: 2, company: 'Acme' });
  });

  it('watch hears the agent’s changes and the administrator’s, not other keys', async () => {
    const heard = vi.fn();
    const stop = settingsStore.watch(heard);
    await settingsStore.update({ agent: 'Dana' });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    await fakeBrowser.storage.managed.set({ company: 'Acme' });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    await fakeBrowser.storage.sync.set({ other: 1 });
    await fakeBrowser.storage.session.set({ settings: 1 });
    stop();
    await settingsStore.update({ agent: 'Lee' });
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('isSettingsChange (the content script’s filter) covers managed, sync and local settings keys', () => {
    expect(isSettingsChange({ anything: 1 }, 'managed')).toBe(true);
    expect(isSettingsChange({ settings: 1 }, 'sync')).toBe(true);
    expect(isSettingsChange({ 'settings.sites': 1 }, 'local')).toBe(true);
    expect(isSettingsChange({ settingsX: 1 }, 'sync')).toBe(false);
    expect(isSettingsChange({ settings: 1 }, 'session')).toBe(false);
    expect(isSettingsChange({ tabs: 1 }, 'local')).toBe(false);
  });
});
