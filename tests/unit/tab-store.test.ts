// The per-tab numbers in storage.session: a tab closed mid-request leaves nothing stored.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { clearTab, forgetTab, recordFrame, tabNumbers } from '@/utils/tab-store';

describe('tab store', () => {
  it('records frames and forgets a closed tab', async () => {
    await recordFrame(7, 0, ['+14155550134'], true);
    await recordFrame(7, 3, ['+12125550175'], false);
    expect((await tabNumbers(7)).sort()).toEqual(['+12125550175', '+14155550134']);
    await forgetTab(7);
    expect(await browser.storage.session.get('tab:7')).toEqual({});
  });

  it('a page-scan answered after its tab closed stores nothing', async () => {
    await recordFrame(8, 0, ['+14155550134'], true);
    // The tab closes while a frame's request is still being answered: the write comes last.
    const closing = forgetTab(8);
    const late = recordFrame(8, 2, ['+13055550188'], false);
    await Promise.all([closing, late]);
    await recordFrame(8, 0, ['+16175550123'], false);
    expect(await browser.storage.session.get('tab:8')).toEqual({});
    expect(await tabNumbers(8)).toEqual([]);
  });

  it('a tab cleared (it loaded a page where we do not run) keeps no numbers, and takes new ones', async () => {
    await recordFrame(9, 0, ['+14155550134'], true);
    await clearTab(9);
    expect(await tabNumbers(9)).toEqual([]);
    await recordFrame(9, 0, ['+12125550175'], true);
    expect(await tabNumbers(9)).toEqual(['+12125550175']);
  });
});
