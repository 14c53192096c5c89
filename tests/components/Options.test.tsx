import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, type OptionsApi } from '@/components/Options';
import { DISCLAIMER_TEMPLATES } from '@/lib/data/disclaimers';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { type Manageable, type ResolvedSettings, resolveSettings } from '@/lib/settings/managed';
import { SettingsError, type SettingsPatch } from '@/lib/settings/patch';
import { settingsStore } from '@/utils/settings-store';

const storeApi = { load: settingsStore.load, save: (p: SettingsPatch) => settingsStore.update(p).then(() => {}) };

const REGIONS = [
  { code: 'CA', name: 'California' },
  { code: 'FL', name: 'Florida' },
  { code: 'NY', name: 'New York' },
];

function api(settings: Partial<Settings> = {}, extra: Partial<ResolvedSettings> = {}) {
  const resolved: ResolvedSettings = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    notices: [],
    locked: [],
    ...extra,
  };
  return {
    load: vi.fn(async () => resolved),
    save: vi.fn(async (_: SettingsPatch) => {}),
    regions: REGIONS,
  } satisfies OptionsApi;
}

const saveAndGet = async (a: ReturnType<typeof api>) => {
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(a.save).toHaveBeenCalledTimes(1));
  return a.save.mock.calls[0]?.[0] as SettingsPatch;
};

describe('<Options>', () => {
  it('shows the stored settings and saves every change (and only the changes), validated', async () => {
    const a = api({ company: 'Acme', enabledSites: ['https://crm.example.com/*'] });
    render(<Options api={a} />);
    const region = (await screen.findByTestId('agent-region')) as HTMLSelectElement;
    expect([...region.options].map((o) => o.textContent)).toEqual([
      'Not set',
      'California (CA)',
      'Florida (FL)',
      'New York (NY)',
    ]);
    expect((screen.getByTestId('company') as HTMLInputElement).value).toBe('Acme');
    fireEvent.change(region, { target: { value: 'FL' } });
    fireEvent.click(screen.getByTestId('policy-announce-always'));
    fireEvent.input(screen.getByTestId('agent'), { target: { value: 'Dana' } });
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'fr-CA' } });
    fireEvent.click(screen.getByTestId('badge-one-party'));
    const saved = await saveAndGet(a);
    // Company and sites were not touched: they are not written again.
    expect(saved).toEqual({
      agent: 'Dana',
      agentRegion: 'FL',
      policy: 'announce-always',
      language: 'fr-CA',
      badgeOneParty: false,
    });
    expect(screen.getByTestId('save-status').textContent).toContain('Saved');
  });

  it('saves the purpose per language, the privacy notice and AI notes; the AI default template shows', async () => {
    const a = api();
    render(<Options api={a} />);
    const en = (await screen.findByTestId('purpose-en')) as HTMLInputElement;
    expect(en.placeholder).toBe('quality and training purposes');
    fireEvent.input(en, { target: { value: 'verification' } });
    fireEvent.input(screen.getByTestId('privacy-url'), { target: { value: ' https://acme.example/privacy ' } });
    fireEvent.click(screen.getByTestId('ai-notes'));
    expect((screen.getByTestId('template-one-party-en') as HTMLTextAreaElement).value).toContain('AI tool');
    const saved = await saveAndGet(a);
    expect(saved).toMatchObject({
      purpose: { en: 'verification' },
      privacyUrl: 'https://acme.example/privacy',
      aiNotes: true,
    });
    expect(saved).not.toHaveProperty('templates');
  });

  it('refuses a privacy notice that is not a web address, and says which field', async () => {
    const a = api();
    render(<Options api={a} />);
    fireEvent.input(await screen.findByTestId('privacy-url'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('privacyUrl'));
    expect(a.save).not.toHaveBeenCalled();
  });

  it('edits a template per requirement and language, and resets it to the default', async () => {
    const a = api({ templates: { 'all-party': { es: 'Mi aviso, {agent}.' }, 'one-party': {}, unknown: {} } });
    render(<Options api={a} />);
    const es = (await screen.findByTestId('template-all-party-es')) as HTMLTextAreaElement;
    expect(es.value).toBe('Mi aviso, {agent}.');
    const en = screen.getByTestId('template-unknown-en') as HTMLTextAreaElement;
    expect(en.value).toBe(DISCLAIMER_TEMPLATES.unknown.en);
    expect((screen.getByTestId('reset-unknown-en') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(en, { target: { value: 'May I record this call, {agent} of {company} asks?' } });
    fireEvent.click(screen.getByTestId('reset-all-party-es'));
    expect(es.value).toBe(DISCLAIMER_TEMPLATES['all-party'].es);
    const saved = await saveAndGet(a);
    expect(saved.templates).toEqual({
      'all-party': {},
      'one-party': {},
      unknown: { en: 'May I record this call, {agent} of {company} asks?' },
    });
  });

  it('refuses to save what the schema refuses, and says why', async () => {
    const a = api();
    render(<Options api={a} />);
    // The textarea's maxLength stops typing; a paste through script does not.
    fireEvent.input(await screen.findByTestId('template-one-party-en'), { target: { value: 'x'.repeat(601) } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toMatch(/^Not saved: templates\.one-party\.en: /),
    );
    expect(a.save).not.toHaveBeenCalled();
  });

  it('says so when the browser refuses to store', async () => {
    const a = api();
    a.save.mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    render(<Options api={a} />);
    fireEvent.click(await screen.findByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('browser refused'));
  });

  it('shows what the administrator locked as disabled, "Set by your administrator"', async () => {
    const locked: Manageable[] = ['company', 'policy', 'templates', 'agentRegion', 'language'];
    render(<Options api={api({ company: 'Acme' }, { locked })} />);
    expect(((await screen.findByTestId('company')) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('agent-region') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('language') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('policy-strictest').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect((screen.getByTestId('template-all-party-en').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(
      true,
    );
    expect((screen.getByTestId('agent') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByTestId('locked-note').length).toBeGreaterThanOrEqual(5);
    expect(screen.getAllByTestId('locked-note')[0]?.textContent).toBe('Set by your administrator');
  });

  it('shows nothing locked where there is no policy', async () => {
    render(<Options api={api()} />);
    await screen.findByTestId('company');
    expect(screen.queryByTestId('locked-note')).toBeNull();
  });

  it('lists the sites and removes one', async () => {
    const a = api({
      enabledSites: ['https://a.example/*', 'https://b.example/*'],
      disabledSites: ['https://c.example/*'],
    });
    render(<Options api={a} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove https://a.example/*' }));
    fireEvent.click(screen.getByRole('button', { name: 'Turn https://c.example/* back on' }));
    expect(screen.queryByText('https://a.example/*')).toBeNull();
    expect(screen.getAllByText('None.')).toHaveLength(1);
    const saved = await saveAndGet(a);
    expect(saved.enabledSites).toEqual(['https://b.example/*']);
    expect(saved.disabledSites).toEqual([]);
  });
});

describe('<Options> with browser storage', () => {
  it('a corrupted stored value shows a notice and never crashes; saving repairs it', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set({
      settings: { version: 1, company: 42, policy: 'whatever', agent: 'Dana', templates: 'broken' },
    });
    render(<Options api={{ ...storeApi, regions: REGIONS }} />);
    const notice = await screen.findByTestId('settings-notice');
    expect(notice.textContent).toMatch(/^Some stored settings were not valid and were reset: /);
    expect(notice.textContent).toContain('"company"');
    expect(notice.textContent).toContain('"templates"');
    expect((screen.getByTestId('agent') as HTMLInputElement).value).toBe('Dana');
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings;
    expect(resolveSettings(stored, {}).notices).toEqual([]);
  });

  it('a stored callee-only policy (version 1) shows what changed and why, and is saved as strictest', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, version: 1, policy: 'callee-only' } });
    render(<Options api={{ ...storeApi, regions: REGIONS }} />);
    const changed = await screen.findByTestId('settings-changed');
    expect(changed.textContent).toMatch(/^Your settings were updated: .*removed.*all-party law/);
    expect(screen.queryByTestId('settings-notice')).toBeNull();
    expect((screen.getByTestId('policy-strictest') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('policy-callee-only')).toBeNull();
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings;
    expect(stored).toMatchObject({ version: 2, policy: 'strictest' });
    expect(resolveSettings(stored, {}).changes).toEqual([]);
  });

  it('an administrator’s locked policy comes through storage.managed', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({ company: 'Acme Corp', locked: ['company'] });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, company: 'Mine' } });
    render(<Options api={{ ...storeApi, regions: REGIONS }} />);
    const company = (await screen.findByTestId('company')) as HTMLInputElement;
    expect(company.value).toBe('Acme Corp');
    expect(company.disabled).toBe(true);
    expect(within(company.parentElement as HTMLElement).getByTestId('locked-note')).toBeTruthy();
  });

  it('a bad policy value shows a notice naming it; the other locks stay (issue #18 item 4)', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({
      company: 'x'.repeat(81),
      callPurpose: 'service',
      locked: ['company', 'callPurpose'],
    });
    render(<Options api={{ ...storeApi, regions: REGIONS }} />);
    const notice = await screen.findByTestId('policy-notice');
    expect(notice.textContent).toContain('"company"');
    expect(notice.textContent).not.toContain('callPurpose');
    expect((screen.getByTestId('company') as HTMLInputElement).disabled).toBe(true);
    const purpose = screen.getByTestId('call-purpose') as HTMLSelectElement;
    expect(purpose.value).toBe('service');
    expect(purpose.disabled).toBe(true);
  });

  it('a storage limit says so plainly, and the draft stays on the page', async () => {
    const a = api({ agent: 'Dana' });
    a.save.mockRejectedValueOnce(
      new SettingsError('The browser’s storage limit was reached; nothing was lost.', 'limit'),
    );
    render(<Options api={a} />);
    fireEvent.input(await screen.findByTestId('company'), { target: { value: 'Acme' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toBe(
        'Not saved: The browser’s storage limit was reached; nothing was lost.',
      ),
    );
    expect((screen.getByTestId('company') as HTMLInputElement).value).toBe('Acme');
  });

  it('sets the call purpose and a company calling window, saved validated', async () => {
    const a = api();
    render(<Options api={a} />);
    const purpose = (await screen.findByTestId('call-purpose')) as HTMLSelectElement;
    expect(purpose.value).toBe('sales');
    fireEvent.change(purpose, { target: { value: 'service' } });
    expect(screen.queryByTestId('company-window-start')).toBeNull();
    fireEvent.click(screen.getByTestId('company-window-on'));
    fireEvent.input(screen.getByTestId('company-window-end'), { target: { value: '19:30' } });
    const saved = await saveAndGet(a);
    expect(saved.callPurpose).toBe('service');
    expect(saved.companyWindow).toEqual({ start: '09:00', end: '19:30' });
  });

  it('saving keeps an organisation value the organisation’s: only what the agent changed is written', async () => {
    fakeBrowser.reset();
    // Pushed, not locked: the agent may change it, but until they do the organisation's value applies.
    await fakeBrowser.storage.managed.set({ company: 'Acme Health' });
    render(<Options api={{ ...storeApi, regions: REGIONS }} />);
    expect(((await screen.findByTestId('company')) as HTMLInputElement).value).toBe('Acme Health');
    fireEvent.input(screen.getByTestId('agent'), { target: { value: 'Dana' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    // The organisation renames itself: this agent follows, because their save did not copy the old name.
    await fakeBrowser.storage.managed.set({ company: 'Acme Health Collections' });
    const after = await settingsStore.load();
    expect(after.settings).toMatchObject({ company: 'Acme Health Collections', agent: 'Dana' });
    expect(after.sources).toMatchObject({ company: 'organisation', agent: 'you' });
  });

  it('an administrator can push and lock the call purpose and the company window', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({
      callPurpose: 'existing-customer',
      companyWindow: { start: '09:00', end: '20:00' },
      locked: ['callPurpose', 'companyWindow'],
    });
    render(<Options api={{ ...storeApi, regions: REGIONS }} />);
    const purpose = (await screen.findByTestId('call-purpose')) as HTMLSelectElement;
    expect(purpose.value).toBe('existing-customer');
    expect(purpose.disabled).toBe(true);
    expect((screen.getByTestId('company-window-start') as HTMLInputElement).value).toBe('09:00');
    expect((screen.getByTestId('company-window-on').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
  });
});
