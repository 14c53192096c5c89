/**
 * The web dialers and CRMs Consent Guard runs on by default, and the match-pattern helpers the
 * rest of the extension uses to reason about them. Anything not listed here is opt-in.
 *
 * Pure data and pure functions: no browser APIs, so the list can feed the manifest, the options
 * page and the tests alike.
 *
 * Each site's host names were confirmed against public material (vendor documentation, vendor
 * SDKs, or the URLs people use in public code); `source` says where. Patterns are the narrowest
 * that still cover the app: the app host rather than the marketing site, and a `*.` wildcard
 * only where the vendor gives each customer, pod or region its own host.
 */

export interface DialerSite {
  /** Stable identifier, kebab-case, unique. */
  id: string;
  /** Product name as agents know it. */
  name: string;
  /** Chrome match patterns (https only). */
  matches: readonly string[];
  /** Where the host names were confirmed. */
  source: string;
}

/** Genesys Cloud region hosts; the agent UI is served from `apps.<region host>`. */
const GENESYS_REGION_HOSTS = [
  'mypurecloud.com', // us-east-1
  'mypurecloud.ie', // eu-west-1
  'mypurecloud.com.au', // ap-southeast-2
  'mypurecloud.jp', // ap-northeast-1
  'mypurecloud.de', // eu-central-1
  'usw2.pure.cloud', // us-west-2
  'cac1.pure.cloud', // ca-central-1
  'apne2.pure.cloud', // ap-northeast-2
  'euw2.pure.cloud', // eu-west-2
  'aps1.pure.cloud', // ap-south-1
  'use2.us-gov-pure.cloud', // us-east-2 (FedRAMP)
  'sae1.pure.cloud', // sa-east-1
  'mec1.pure.cloud', // me-central-1
  'apne3.pure.cloud', // ap-northeast-3
  'euc2.pure.cloud', // eu-central-2
] as const;

/** Zoho CRM data centres (the CRM web app is `crm.<dc domain>`). */
const ZOHO_DC_DOMAINS = [
  'zoho.com',
  'zoho.eu',
  'zoho.in',
  'zoho.com.au',
  'zoho.jp',
  'zoho.com.cn',
  'zoho.sa',
  'zohocloud.ca',
] as const;

/** Dynamics 365 / Dataverse online regions: `<org>.crmN.dynamics.com`. */
const DYNAMICS_CRM_REGIONS = [
  'crm', // North America
  'crm2', // South America
  'crm3', // Canada
  'crm4', // EMEA
  'crm5', // APAC
  'crm6', // Oceania
  'crm7', // Japan
  'crm8', // India
  'crm9', // North America 2 (GCC)
  'crm11', // United Kingdom
  'crm12', // France
] as const;

export const DEFAULT_SITES: readonly DialerSite[] = [
  {
    id: 'salesforce',
    name: 'Salesforce (Lightning, Classic, Visualforce, Setup)',
    matches: [
      'https://*.lightning.force.com/*',
      'https://*.my.salesforce.com/*',
      'https://*.my.salesforce-setup.com/*',
      'https://*.vf.force.com/*',
      'https://*.visualforce.com/*',
    ],
    source:
      'developer.salesforce.com Apex DomainCreator reference (mycompany.my.salesforce.com, MyDomainName.lightning.force.com, mycompany--uat.vf.force.com); Metadata API MyDomainSettings.domainPartition (partitioned hosts such as *.develop.my.salesforce.com, covered by the wildcards); help.salesforce.com My Domain (My Domain for every org, enhanced domains enforced Winter ’24); Setup host *.my.salesforce-setup.com and legacy Visualforce *.visualforce.com from public Salesforce extension manifests (Astisme/again-why-salesforce, “Lightning Lens”)',
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    matches: [
      'https://app.hubspot.com/*',
      'https://app-na2.hubspot.com/*',
      'https://app-eu1.hubspot.com/*',
      'https://app-ap1.hubspot.com/*',
    ],
    source:
      'HubSpot account-info API `uiDomain` values seen in public code (app.hubspot.com for na1, app-na2, app-eu1, app-ap1 with dataHostingLocation ap1) and HubSpot CLI regional URLs (app-eu1.hubspot.com for eu1 portals)',
  },
  {
    id: 'aircall',
    name: 'Aircall',
    matches: ['https://phone.aircall.io/*', 'https://dashboard.aircall.io/*'],
    source:
      'aircall-everywhere SDK default phoneUrl https://phone.aircall.io; Aircall OAuth authorize URL https://dashboard.aircall.io/oauth/authorize (DataGrail Aircall integration docs)',
  },
  {
    id: 'dialpad',
    name: 'Dialpad',
    matches: ['https://dialpad.com/app*'],
    source:
      'developers.dialpad.com “Dialpad Mini Dialer (CTI)”: CTI served at https://dialpad.com/apps/<ClientID>; the web app is dialpad.com/app; the pattern is path-restricted so the marketing pages on the same host are excluded',
  },
  {
    id: 'outreach',
    name: 'Outreach',
    matches: ['https://*.outreach.io/*'],
    source:
      'Outreach web app URLs in public code: web.outreach.io and pod hosts such as app1a.outreach.io (so a subdomain wildcard is needed); accounts.outreach.io sign-in (ferdium-recipes#249)',
  },
  {
    id: 'salesloft',
    name: 'Salesloft',
    matches: ['https://app.salesloft.com/*'],
    source: 'support.salesloft.com “Sign Into SalesLoft”: “Go to app.salesloft.com”',
  },
  {
    id: 'close',
    name: 'Close',
    matches: ['https://app.close.com/*'],
    source: 'Close lead and OAuth URLs in public code (https://app.close.com/lead/<id>/, /oauth2/authorize/)',
  },
  {
    id: 'pipedrive',
    name: 'Pipedrive',
    matches: ['https://*.pipedrive.com/*'],
    source:
      'Pipedrive serves each company at <company>.pipedrive.com; public Pipedrive extensions match hostContains ".pipedrive.com" (bailoo/pipedrive-chromext)',
  },
  {
    id: 'zendesk',
    name: 'Zendesk (Agent Workspace, Talk)',
    matches: ['https://*.zendesk.com/agent/*'],
    source:
      'Zendesk accounts live at <subdomain>.zendesk.com (account URLs in public docs, e.g. ebstalimited.zendesk.com); the Agent Workspace and Talk softphone are under /agent, so help centres (/hc) are excluded',
  },
  {
    id: 'freshworks',
    name: 'Freshdesk, Freshcaller, Freshsales (Freshworks)',
    matches: ['https://*.freshdesk.com/*', 'https://*.freshcaller.com/*', 'https://*.myfreshworks.com/*'],
    source:
      'nango.dev Freshworks connect docs (acme.myfreshworks.com, acme.freshdesk.com, acme.freshcaller.com); posthog.com Freshcaller source docs (acme.freshcaller.com); developers.freshworks.com CRM API (<bundle>.myfreshworks.com/crm/sales)',
  },
  {
    id: 'zoho-crm',
    name: 'Zoho CRM',
    matches: ZOHO_DC_DOMAINS.map((d) => `https://crm.${d}/*`),
    source:
      'zoho.com/crm/developer/docs/api/v8/multi-dc.html (US .com, AU .com.au, EU .eu, IN .in, CN .com.cn, JP .jp, CA zohocloud.ca); zoho.com Contracts data-centre table (adds Saudi Arabia .sa); Zoho CRM API endpoint docs (crm.zoho.eu, crm.zoho.com.cn, crm.zoho.com)',
  },
  {
    id: 'five9',
    name: 'Five9',
    matches: ['https://*.five9.com/*'],
    source:
      'Five9 agent apps and REST API in public code: app.five9.com (/clients/integrations/adt.main.html, /appsvcs/...), and data-centre hosts resolved at login such as app-atl.five9.com, app-scl.five9.com, us9.five9.com (so a subdomain wildcard is needed)',
  },
  {
    id: 'talkdesk',
    name: 'Talkdesk',
    matches: ['https://*.mytalkdesk.com/*'],
    source:
      'Talkdesk account URLs of the form https://<company>.mytalkdesk.com/ (talkdesk “challenges” repo, public code)',
  },
  {
    id: 'genesys-cloud',
    name: 'Genesys Cloud',
    matches: GENESYS_REGION_HOSTS.map((h) => `https://apps.${h}/*`),
    source:
      'purecloud-platform-client-v2 PureCloudRegionHosts.js (all region host names); help.mypurecloud.com “AWS regions for Genesys Cloud deployment” (apps.<region host> login URLs)',
  },
  {
    id: 'ringcentral',
    name: 'RingCentral',
    matches: ['https://app.ringcentral.com/*', 'https://service.ringcentral.com/*'],
    source:
      'RingCentral app URLs in public code and userscripts (@match https://app.ringcentral.com/*); RingCentral developer FAQ (Service Web Portal https://service.ringcentral.com)',
  },
  {
    id: 'zoom-phone',
    name: 'Zoom Phone (Smart Embed)',
    matches: ['https://applications.zoom.us/integration/phone/*'],
    source:
      'Zoom Phone Smart Embed iframe URL https://applications.zoom.us/integration/phone/embeddablephone/home (zoom/zoom-plugin phone skill, public CRM code)',
  },
  {
    id: 'google-voice',
    name: 'Google Voice',
    matches: ['https://voice.google.com/*'],
    source: 'Google Voice web app URLs in public code (https://voice.google.com/u/0/calls, /messages)',
  },
  {
    id: 'twilio-flex',
    name: 'Twilio Flex',
    matches: ['https://flex.twilio.com/*'],
    source:
      'Twilio Flex hosted Agent Desktop https://flex.twilio.com/agent-desktop (Twilio Flex docs and sample plugins)',
  },
  {
    id: 'gong',
    name: 'Gong',
    matches: ['https://*.app.gong.io/*'],
    source:
      'Gong web app at app.gong.io with per-tenant hosts such as us-14496.app.gong.io (public Gong integration code)',
  },
  {
    id: 'kixie',
    name: 'Kixie',
    matches: ['https://app.kixie.com/*'],
    source: 'Kixie dashboard, power lists and call history at https://app.kixie.com (public Kixie integration code)',
  },
  {
    id: 'justcall',
    name: 'JustCall',
    matches: ['https://app.justcall.io/*'],
    source:
      'JustCall dialer iframe https://app.justcall.io/dialer and Sales Dialer https://app.justcall.io/salesdialer (public JustCall integration code)',
  },
  {
    id: 'nooks',
    name: 'Nooks',
    matches: ['https://app.nooks.in/*'],
    source: 'Nooks dialer at app.nooks.in/workspaces/<id>/dialer (public Nooks extension code and vendor login link)',
  },
  {
    id: 'dynamics-365',
    name: 'Microsoft Dynamics 365 (Sales, Customer Service)',
    matches: DYNAMICS_CRM_REGIONS.map((r) => `https://*.${r}.dynamics.com/*`),
    source:
      'Microsoft Dynamics CRM Online discovery-service data-centre table (learn.microsoft.com) and PowerCds Resolve-CdsRegionFromUrl / Resolve-CdsApiUrl (crm, crm2-crm9, crm11, crm12)',
  },
];

/** Every default pattern, flattened, deduplicated and sorted. */
export const DEFAULT_MATCHES: readonly string[] = [...new Set(DEFAULT_SITES.flatMap((s) => s.matches))].sort();

const SCHEMES = new Set(['*', 'http', 'https', 'file']);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV6 = /^\[[0-9a-f:.]+\]$/i;

function isValidHostName(host: string): boolean {
  if (IPV6.test(host)) return true;
  if (host.length === 0 || host.length > 253) return false;
  return host.split('.').every((label) => LABEL.test(label));
}

/**
 * Whether `pattern` follows Chrome's match-pattern grammar
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * `<all_urls>`, or `<scheme>://<host><path>` where scheme is `*`, `http`, `https` or `file`;
 * host is `*`, `*.` followed by a host name, or a host name (no port, no other `*`), and is
 * empty exactly for `file`; path starts with `/` and may contain `*` anywhere.
 */
export function isValidMatchPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^([^:/]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme = '', host = '', path = ''] = m;
  if (!SCHEMES.has(scheme)) return false;
  if (/\s/.test(path)) return false;
  if (scheme === 'file') return host === '';
  if (host === '*') return true;
  const name = host.startsWith('*.') ? host.slice(2) : host;
  return isValidHostName(name);
}

function parseHttpUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

/**
 * The match pattern covering every page of `url`'s origin, e.g.
 * `https://acme.example.com/x?y` → `https://acme.example.com/*`. Ports are dropped (match
 * patterns cannot carry one; a port-less pattern matches every port). `null` for anything that
 * is not an http(s) URL: `chrome://`, `file:`, `about:`, `data:`, or unparsable input.
 */
export function originPattern(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || parsed.hostname === '') return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

function hostMatches(hostname: string, patternHost: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const want = patternHost.toLowerCase();
  if (want === '*') return true;
  if (want.startsWith('*.')) {
    const base = want.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === want;
}

/**
 * Whether `url` is matched by the match pattern `pattern`, as Chrome would match it: `*` scheme
 * means http or https; a `*.` host matches the domain itself and any subdomain; the path glob
 * is matched against path plus query (never the fragment). Invalid patterns or URLs never match.
 */
export function matchesPattern(url: string, pattern: string): boolean {
  if (!isValidMatchPattern(pattern)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (pattern === '<all_urls>') return scheme === 'http' || scheme === 'https' || scheme === 'file';

  const m = /^([^:/]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, patternScheme = '', patternHost = '', patternPath = ''] = m;

  if (patternScheme === '*') {
    if (scheme !== 'http' && scheme !== 'https') return false;
  } else if (patternScheme !== scheme) {
    return false;
  }
  if (scheme !== 'file' && !hostMatches(parsed.hostname, patternHost)) return false;

  return globToRegExp(patternPath).test(`${parsed.pathname}${parsed.search}`);
}
