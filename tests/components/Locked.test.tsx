// Locked states (issue #16): a lock and the organisation's reason in options and popup; the settings
// in force with who set each; the organisation's sites shown read-only.
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { Popup } from '@/components/Popup';
import type { SiteApi } from '@/components/popup/SiteAccess';
import type { SettingsPatch } from '@/lib/settings/patch';
import { settingsStore } from '@/utils/settings-store';
import { fakeApi } from './fixtures';

const REGIONS = [{ code: 'FL', name: 'Florida' }];
const storeApi = {
  load: settingsStore.load,
  save: (p: SettingsPatch) => settingsStore.update(p).then(() => {}),
  regions: REGIONS,
};

describe('locked settings in options', () => {
  it('each locked control is disabled and shows the lock with the organisation’s reason', async () => {
    await fakeBrowser.storage.managed.set({
      badgeOneParty: false,
      policy: 'announce-always',
      lockReason: 'Set by Compliance, ext. 4410',
      locked: ['badgeOneParty', 'policy'],
    });
    render(<Options api={storeApi} />);
    const badge = (await screen.findByTestId('badge-one-party')) as HTMLInputElement;
    expect(badge.checked).toBe(false);
    expect(badge.disabled).toBe(true);
    const note = within(badge.closest('label') as HTMLElement).getByTestId('locked-note');
    expect(note.textContent).toBe('Set by your administrator (Set by Compliance, ext. 4410)');
    // Unlocked controls have no lock.
    expect((screen.getByTestId('company') as HTMLInputElement).disabled).toBe(false);
  });

  it('shows each setting in force and who set it: default, you, your organisation', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, agent: 'Dana' } });
    await fakeBrowser.storage.managed.set({ company: 'Acme Health', callPurpose: 'service', locked: ['callPurpose'] });
    render(<Options api={storeApi} />);
    const row = (key: string) => screen.findByTestId(`effective-${key}`);
    expect((await row('agent')).dataset.source).toBe('you');
    expect((await row('agent')).textContent).toContain('Dana');
    expect((await row('company')).dataset.source).toBe('organisation');
    expect((await row('company')).textContent).toContain('Acme Health');
    expect((await row('company')).textContent).toContain('Your organisation');
    expect((await row('policy')).dataset.source).toBe('default');
    expect(within(await row('callPurpose')).getByTestId('locked-note')).toBeTruthy();
    expect(within(await row('company')).queryByTestId('locked-note')).toBeNull();
  });

  it('the organisation’s sites are shown; locked sites disable the default-site switches', async () => {
    await fakeBrowser.storage.managed.set({
      sites: { mode: 'only-allowed', allowed: ['https://crm.acme.example/*'], blocked: ['https://bad.example/*'] },
      agentsMayAddSites: false,
      locked: ['sites'],
    });
    render(<Options api={storeApi} />);
    const org = await screen.findByTestId('org-sites');
    expect(org.dataset.mode).toBe('only-allowed');
    expect(within(org).getByTestId('org-allowed').textContent).toBe('https://crm.acme.example/*');
    expect(within(org).getByTestId('org-blocked').textContent).toBe('https://bad.example/*');
    expect(within(org).getByTestId('org-no-adding')).toBeTruthy();
    expect((screen.getByTestId('site-salesforce') as HTMLInputElement).disabled).toBe(true);
  });

  it('a wrong-typed policy value never breaks the page: a notice, and the rest renders', async () => {
    await fakeBrowser.storage.managed.set({ badgeOneParty: 'no', sites: 5, company: 'Acme' });
    render(<Options api={storeApi} />);
    const notice = await screen.findByTestId('policy-notice');
    expect(notice.textContent).toContain('"badgeOneParty"');
    expect(notice.textContent).toContain('"sites"');
    expect((screen.getByTestId('company') as HTMLInputElement).value).toBe('Acme');
    expect(screen.queryByTestId('org-sites')).toBeNull();
  });
});

describe('locked site in the popup', () => {
  it('shows a lock and the reason instead of the enable/disable button', async () => {
    const site: SiteApi = {
      status: vi.fn(async () => ({
        host: 'acme.my.salesforce.com',
        kind: 'default' as const,
        runs: true,
        siteName: 'Salesforce',
        locked: true,
        lockReason: 'Compliance decides',
      })),
      enable: vi.fn(async () => true),
      disable: vi.fn(async () => {}),
    };
    render(<Popup api={{ ...fakeApi([]), site }} />);
    const locked = await screen.findByTestId('site-locked');
    expect(locked.textContent).toBe(
      'Your organisation decides whether Consent Guard runs here. Set by your administrator (Compliance decides)',
    );
    expect(screen.queryByTestId('site-disable')).toBeNull();
    expect(screen.queryByTestId('site-enable')).toBeNull();
  });
});
