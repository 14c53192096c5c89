// The organisation's site policy over the agent's own site choices (issue #16 item 1).
import { describe, expect, it } from 'vitest';
import { registrationFor, siteStatus } from '@/lib/sites/site-access';
import { agentDecides, effectiveSiteChoices, type SitePolicy } from '@/lib/sites/site-policy';

const SF = 'https://acme.my.salesforce.com/contacts/1';
const HUBSPOT = 'https://app.hubspot.com/contacts/1';
const CRM = 'https://crm.acme.example/leads';
const OWN_SITE = 'https://mine.example/*';
const OWN = { enabledSites: [OWN_SITE], disabledSites: ['https://app.hubspot.com/*'] };
const policy = (p: Partial<SitePolicy>): SitePolicy => ({
  mode: 'defaults-plus-allowed',
  allowed: [],
  blocked: [],
  agentsMayAdd: true,
  locked: false,
  ...p,
});
const runs = (url: string, choices: ReturnType<typeof effectiveSiteChoices>) => siteStatus(url, choices).runs;

describe('effectiveSiteChoices', () => {
  it('without a policy the agent’s choices stand', () => {
    expect(effectiveSiteChoices(OWN, null)).toEqual(OWN);
  });

  it('defaults plus allowed: defaults, the allowed site, the agent’s own; blocked off', () => {
    const e = effectiveSiteChoices(
      OWN,
      policy({ allowed: ['https://crm.acme.example/*'], blocked: ['https://acme.my.salesforce.com/*'] }),
    );
    expect(runs(CRM, e)).toBe(true);
    expect(runs('https://mine.example/x', e)).toBe(true);
    expect(runs(SF, e)).toBe(false);
    // The agent switched HubSpot off themselves, and may.
    expect(runs(HUBSPOT, e)).toBe(false);
  });

  it('only allowed: the defaults are off, the allowed site runs', () => {
    const e = effectiveSiteChoices(OWN, policy({ mode: 'only-allowed', allowed: ['https://crm.acme.example/*'] }));
    expect(runs(CRM, e)).toBe(true);
    expect(runs(SF, e)).toBe(false);
    expect(registrationFor(e).matches).toEqual(['https://crm.acme.example/*', OWN_SITE].sort());
  });

  it('defaults minus blocked: allowed lists are not used; the blocked default is off', () => {
    const e = effectiveSiteChoices(
      { enabledSites: [], disabledSites: [] },
      policy({
        mode: 'defaults-minus-blocked',
        allowed: ['https://crm.acme.example/*'],
        blocked: ['https://app.hubspot.com/*'],
      }),
    );
    expect(runs(CRM, e)).toBe(false);
    expect(runs(HUBSPOT, e)).toBe(false);
    expect(runs(SF, e)).toBe(true);
  });

  it('agents may not add sites: the agent’s own sites are ignored', () => {
    const e = effectiveSiteChoices(OWN, policy({ agentsMayAdd: false }));
    expect(runs('https://mine.example/x', e)).toBe(false);
    expect(runs(HUBSPOT, e)).toBe(false);
  });

  it('sites locked: the agent’s switches are ignored both ways', () => {
    const e = effectiveSiteChoices(OWN, policy({ locked: true }));
    expect(runs('https://mine.example/x', e)).toBe(false);
    expect(runs(HUBSPOT, e)).toBe(true);
  });
});

describe('agentDecides (the popup shows a lock where it is false)', () => {
  it('follows the lock, the blocked list, and whether agents may add sites', () => {
    expect(agentDecides(null, CRM, false)).toBe(true);
    expect(agentDecides(policy({ locked: true }), SF, true)).toBe(false);
    expect(agentDecides(policy({ blocked: ['https://acme.my.salesforce.com/*'] }), SF, false)).toBe(false);
    expect(agentDecides(policy({ agentsMayAdd: false }), CRM, false)).toBe(false);
    expect(agentDecides(policy({ agentsMayAdd: false }), SF, true)).toBe(true);
    expect(agentDecides(policy({ mode: 'only-allowed' }), SF, false)).toBe(false);
    expect(agentDecides(policy({}), CRM, false)).toBe(true);
  });
});
