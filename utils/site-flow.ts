/**
 * The popup's "Consent Guard on this site" flow: where the current tab stands, and switching the
 * site on (asking the browser for access within the click) or off (giving the access back), then
 * reloading the tab once the content script registration follows.
 */
import { browser } from 'wxt/browser';
import type { SiteApi } from '@/components/popup/SiteAccess';
import { disableSite, enableSite, type SiteChoices, siteStatus } from '@/lib/sites/site-access';
import { agentDecides, effectiveSiteChoices, type SitePolicy } from '@/lib/sites/site-policy';
import { loadSites, registrationSettled, updateSiteChoices } from './site-permissions';

/** The tab the flow speaks about: its id and address (null where the address cannot be read). */
export type CurrentTab = () => Promise<{ id: number; url: string | null } | null>;

export function siteFlow(currentTab: CurrentTab): SiteApi {
  /** The tab as last read: enable() must not wait before asking for access. */
  let siteTab: { id: number; url: string; pattern: string } | null = null;
  let sitePolicy: SitePolicy | null = null;

  /** Reloads the tab once the registration follows the new choices, so the page gets, or loses, its badges. */
  async function reloadWhenRegistered(own: SiteChoices) {
    if (!siteTab) return;
    await registrationSettled(effectiveSiteChoices(own, sitePolicy));
    await browser.tabs.reload(siteTab.id);
  }

  return {
    async status() {
      const tab = await currentTab();
      if (!tab?.url) return null;
      const { effective, policy, lockReason } = await loadSites();
      sitePolicy = policy;
      const status = siteStatus(tab.url, effective);
      if (!status.pattern || status.kind === 'unsupported') return null;
      siteTab = { id: tab.id, url: tab.url, pattern: status.pattern };
      // The organisation decides here: a lock and its reason instead of the button.
      const lock = agentDecides(policy, tab.url, status.runs) ? {} : { locked: true, lockReason: lockReason ?? null };
      let { kind, runs } = status;
      // Enabled here (say on another computer, through sync) but without access in this browser.
      if (kind === 'enabled' && !(await browser.permissions.contains({ origins: [status.pattern] }))) {
        kind = 'not-enabled';
        runs = false;
      }
      return { host: new URL(tab.url).hostname, kind, runs, siteName: status.site?.name ?? null, ...lock };
    },
    async enable() {
      const target = siteTab;
      if (!target) return false;
      // First, within the click: the browser asks the agent (a default site is granted already).
      const granted = await browser.permissions.request({ origins: [target.pattern] });
      if (!granted) return false;
      // The background's permissions.onAdded does the same; whichever comes second changes nothing.
      await reloadWhenRegistered(await updateSiteChoices((c) => enableSite(c, target.url)));
      return true;
    },
    async disable() {
      const target = siteTab;
      if (!target) return;
      let revoke: string[] = [];
      const choices = await updateSiteChoices((c) => {
        const next = disableSite(c, target.url);
        revoke = next.revoke;
        return next;
      });
      // Saved first, so the background's permissions.onRemoved finds nothing left to change.
      if (revoke.length > 0) await browser.permissions.remove({ origins: revoke }).catch(() => false);
      await reloadWhenRegistered(choices);
    },
  };
}
