import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type OptionsApi } from '@/components/Options';
import { AGENT_REGIONS, jurisdiction } from '@/lib/law/jurisdiction-index';
import { deleteLog, pruneLog, readLog } from '@/utils/consent-log-store';
import { dncApi } from '@/utils/dnc-import';
import { t, uiLanguage } from '@/utils/i18n';
import { settingsStore } from '@/utils/settings-store';
import '@/components/tokens.css';
import './style.css';

const api: OptionsApi = {
  load: settingsStore.load,
  async save(patch) {
    await settingsStore.update(patch);
  },
  regions: AGENT_REGIONS.map((code) => ({ code, name: jurisdiction(code)?.name ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name),
  ),
  requestSites: (origins) => browser.permissions.request({ origins }),
  async revokeSites(origins) {
    await browser.permissions.remove({ origins });
  },
  dnc: dncApi,
  log: {
    async read() {
      // The retention applies here too: a log nobody wrote to for a while shows nothing past it.
      const { settings } = await settingsStore.load();
      await pruneLog(settings.consentLog.retentionDays, new Date()).catch(() => 0);
      return readLog();
    },
    delete: deleteLog,
  },
};

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) render(<Options api={api} />, app);
