/**
 * The four settings a disclaimer needs (language, company, agent, templates), read from the stored
 * and the managed values exactly as `resolveSettings` (lib/settings.ts) reads them, but without its
 * region check, which pulls in the whole jurisdictions table: the popup uses this, to stay small.
 * tests/unit/disclaimer-settings.test.ts checks the two agree on arbitrary inputs.
 */
import * as z from 'zod/mini';
import { DISCLAIMER_LANGUAGES, type DisclaimerLanguage } from './data/disclaimers';
import type { Settings } from './settings';

export type DisclaimerSettings = Pick<Settings, 'language' | 'company' | 'agent' | 'templates'>;

const Language = z.enum(DISCLAIMER_LANGUAGES as [DisclaimerLanguage, ...DisclaimerLanguage[]]);
const Name = z.string().check(z.maxLength(80));
const TemplatesByLanguage = z.partialRecord(Language, z.string().check(z.maxLength(600)));
const Templates = z.object({
  'all-party': TemplatesByLanguage,
  'one-party': TemplatesByLanguage,
  unknown: TemplatesByLanguage,
});
const FIELDS = { language: Language, company: Name, agent: Name, templates: Templates } as const;
const MANAGED_FIELDS = ['company', 'language', 'templates'] as const;

const Managed = z.object({
  company: z.optional(Name),
  agentRegion: z.optional(z.string()),
  policy: z.optional(z.enum(['strictest', 'callee-only'])),
  language: z.optional(Language),
  templates: z.optional(Templates),
  locked: z.optional(z.array(z.string())),
});

export const DEFAULT_DISCLAIMER_SETTINGS: DisclaimerSettings = Object.freeze({
  language: 'en',
  company: '',
  agent: '',
  templates: { 'all-party': {}, 'one-party': {}, unknown: {} },
}) as DisclaimerSettings;

export function disclaimerSettings(stored: unknown, managed: unknown): DisclaimerSettings {
  const own = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_DISCLAIMER_SETTINGS };
  for (const [key, schema] of Object.entries(FIELDS)) {
    if (!(key in own)) continue;
    const field = (schema as z.ZodMiniType).safeParse(own[key]);
    if (field.success) settings[key] = field.data;
  }
  const policy = Managed.safeParse(managed ?? {});
  if (policy.success) {
    const locked = policy.data.locked ?? [];
    const ownKeys = stored && typeof stored === 'object' ? Object.keys(stored) : [];
    for (const key of MANAGED_FIELDS) {
      const value = policy.data[key];
      if (value === undefined) continue;
      if (!ownKeys.includes(key) || locked.includes(key)) settings[key] = value;
    }
  }
  return settings as DisclaimerSettings;
}
