// The dialCheck setting in options (issue #15 item 2): the choice is saved, an organisation's lock
// disables it and says so, and the settings in force show its value and who set it.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, type OptionsApi } from '@/components/Options';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { SettingsPatch } from '@/lib/settings/patch';
import { settingsStore } from '@/utils/settings-store';

const REGIONS = [{ code: 'FL', name: 'Florida' }];
const storeApi = {
  load: settingsStore.load,
  save: (p: SettingsPatch) => settingsStore.update(p).then(() => {}),
  regions: REGIONS,
};

describe('dial check setting', () => {
  it("defaults to 'risky' and saves the agent's choice (only that change)", async () => {
    const a = {
      load: vi.fn(async () => ({ settings: DEFAULT_SETTINGS, notices: [], locked: [] })),
      save: vi.fn(async (_: SettingsPatch) => {}),
      regions: REGIONS,
    } satisfies OptionsApi;
    render(<Options api={a} />);
    const select = (await screen.findByTestId('dial-check')) as HTMLSelectElement;
    expect(select.value).toBe('risky');
    expect([...select.options].map((o) => o.value)).toEqual(['risky', 'all', 'off']);
    expect(select.disabled).toBe(false);
    fireEvent.change(select, { target: { value: 'off' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(a.save).toHaveBeenCalledTimes(1));
    expect(a.save.mock.calls[0]?.[0]).toEqual({ dialCheck: 'off' });
  });

  it('locked by the organisation: disabled, the lock and reason shown, the row says who set it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, dialCheck: 'off' } });
    await fakeBrowser.storage.managed.set({ dialCheck: 'all', lockReason: 'Compliance', locked: ['dialCheck'] });
    render(<Options api={storeApi} />);
    const select = (await screen.findByTestId('dial-check')) as HTMLSelectElement;
    expect(select.value).toBe('all');
    expect(select.disabled).toBe(true);
    const field = select.closest('.field') as HTMLElement;
    expect(within(field).getByTestId('locked-note').textContent).toContain('Compliance');
    const row = await screen.findByTestId('effective-dialCheck');
    expect(row.dataset.source).toBe('organisation');
    expect(row.textContent).toContain('Every number');
    expect(within(row).getByTestId('locked-note')).toBeTruthy();
  });

  it('unlocked policy value: the agent’s own choice stays, shown as theirs', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, dialCheck: 'off' } });
    await fakeBrowser.storage.managed.set({ dialCheck: 'all' });
    render(<Options api={storeApi} />);
    const select = (await screen.findByTestId('dial-check')) as HTMLSelectElement;
    expect(select.value).toBe('off');
    expect(select.disabled).toBe(false);
    const row = await screen.findByTestId('effective-dialCheck');
    expect(row.dataset.source).toBe('you');
    expect(within(row).queryByTestId('locked-note')).toBeNull();
  });
});
