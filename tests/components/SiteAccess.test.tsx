import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Options, type OptionsApi } from '@/components/Options';
import { Popup } from '@/components/Popup';
import type { SiteApi, SiteView } from '@/components/popup/SiteAccess';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { SettingsPatch } from '@/lib/settings/patch';
import { fakeApi } from './fixtures';

function siteApi(view: SiteView | null, granted = true) {
  const state = { view };
  const api = {
    status: vi.fn(async () => state.view),
    enable: vi.fn(async () => {
      if (granted && state.view) state.view = { ...state.view, kind: 'enabled' as const, runs: true };
      return granted;
    }),
    disable: vi.fn(async () => {
      if (state.view) state.view = { ...state.view, kind: 'disabled' as const, runs: false };
    }),
  } satisfies SiteApi;
  return api;
}

const popup = (site: SiteApi) => render(<Popup api={{ ...fakeApi([]), site }} />);

describe('<Popup> site line', () => {
  it('on a default site: runs, says why, offers to disable', async () => {
    const site = siteApi({ host: 'acme.my.salesforce.com', kind: 'default', runs: true, siteName: 'Salesforce' });
    popup(site);
    const line = await screen.findByTestId('site-access');
    expect(line.textContent).toContain('On: acme.my.salesforce.com');
    expect(screen.getByTestId('site-reason').textContent).toBe('Consent Guard runs here by default (Salesforce).');
    fireEvent.click(screen.getByTestId('site-disable'));
    expect(site.disable).toHaveBeenCalledTimes(1);
    await screen.findByText('You turned Consent Guard off on this site.');
    expect(screen.getByTestId('site-note').textContent).toBe('Done. The page reloads to apply it.');
    expect(screen.getByTestId('site-enable')).toBeTruthy();
  });

  it('on another site: off, and enabling calls enable() within the click', async () => {
    const site = siteApi({ host: 'crm.example.com', kind: 'not-enabled', runs: false, siteName: null });
    popup(site);
    const button = await screen.findByTestId('site-enable');
    expect(screen.getByTestId('site-access').textContent).toContain('Off: crm.example.com');
    fireEvent.click(button);
    // Synchronously: the permission request needs the click's user gesture.
    expect(site.enable).toHaveBeenCalledTimes(1);
    await screen.findByText('You enabled Consent Guard on this site.');
  });

  it('says so when access is refused, and changes nothing', async () => {
    const site = siteApi({ host: 'crm.example.com', kind: 'not-enabled', runs: false, siteName: null }, false);
    popup(site);
    fireEvent.click(await screen.findByTestId('site-enable'));
    await waitFor(() =>
      expect(screen.getByTestId('site-note').textContent).toBe('Access was not granted, so nothing changed.'),
    );
    expect(screen.getByTestId('site-reason').textContent).toContain('not enabled');
  });

  it('shows nothing where the page is not a web page', async () => {
    popup(siteApi(null));
    await screen.findByTestId('verdict');
    expect(screen.queryByTestId('site-access')).toBeNull();
  });
});

function optionsApi(settings: Partial<Settings>) {
  return {
    load: vi.fn(async () => ({ settings: { ...DEFAULT_SETTINGS, ...settings }, notices: [], locked: [] })),
    save: vi.fn(async (_: SettingsPatch) => {}),
    regions: [],
    requestSites: vi.fn(async (_: string[]) => true),
    revokeSites: vi.fn(async (_: string[]) => {}),
  } satisfies OptionsApi;
}

describe('<Options> sites', () => {
  it('lists the default sites with a switch each; switching one off disables all its patterns', async () => {
    const api = optionsApi({});
    render(<Options api={api} />);
    const hubspot = (await screen.findByTestId('site-hubspot')) as HTMLInputElement;
    expect(hubspot.checked).toBe(true);
    expect(screen.getByText('https://app-eu1.hubspot.com/*')).toBeTruthy();
    fireEvent.click(hubspot);
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0]?.[0].disabledSites).toEqual([
      'https://app.hubspot.com/*',
      'https://app-na2.hubspot.com/*',
      'https://app-eu1.hubspot.com/*',
      'https://app-ap1.hubspot.com/*',
    ]);
    // Shown by its switch, not in the list of other switched-off sites.
    expect(screen.getByTestId('disabled-sites').textContent).toContain('None.');
  });

  it('removing an enabled site gives its access back on save', async () => {
    const api = optionsApi({ enabledSites: ['https://crm.example.com/*'] });
    render(<Options api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove https://crm.example.com/*' }));
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.revokeSites).toHaveBeenCalledWith(['https://crm.example.com/*']));
    expect(api.save.mock.calls[0]?.[0].enabledSites).toEqual([]);
  });

  it('turning a site of your own back on asks for its access, then enables it', async () => {
    const api = optionsApi({ disabledSites: ['https://crm.example.com/*', 'https://acme.my.salesforce.com/*'] });
    render(<Options api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn https://crm.example.com/* back on' }));
    expect(api.requestSites).toHaveBeenCalledWith(['https://crm.example.com/*']);
    await screen.findByRole('button', { name: 'Remove https://crm.example.com/*' });
    // An origin under a default site needs no access: it is simply no longer off.
    fireEvent.click(screen.getByRole('button', { name: 'Turn https://acme.my.salesforce.com/* back on' }));
    expect(api.requestSites).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0]?.[0]).toMatchObject({
      enabledSites: ['https://crm.example.com/*'],
      disabledSites: [],
    });
  });

  it('links the privacy statement shipped in the extension', async () => {
    render(<Options api={optionsApi({})} />);
    expect((await screen.findByTestId('privacy-link')).getAttribute('href')).toBe('/privacy.txt');
  });
});
