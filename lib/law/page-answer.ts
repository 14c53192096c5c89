/**
 * The answer a content script may put on a page (issue #18 item 1). A page can read what our panel
 * shows (a selection's text is taken from the flat tree, closed shadow roots included), so the
 * agent's name, company, privacy link and own region never reach it: the shown disclaimer has
 * placeholders, the agent's rule and its sentence are left out. The full disclaimer travels as
 * `copyText`, kept in the content script's memory for the clipboard, never written to the page.
 */
import { type DisclaimerLanguage, disclaimerText } from '../data/disclaimers';
import type { Answer } from '../protocol/messages';
import type { Settings } from '../settings';
import { disclaimerRequirement } from './answer';
import { AGENT_REASON_START, AGENT_REASON_UNNAMED } from './classify';

/** What stands for the agent's details in a disclaimer shown on a page: the agent knows their own. */
export const PAGE_PLACEHOLDERS: Readonly<
  Record<DisclaimerLanguage, { agent: string; company: string; privacyUrl: string }>
> = {
  en: { agent: '[your name]', company: '[your company]', privacyUrl: '[privacy notice]' },
  es: { agent: '[su nombre]', company: '[su empresa]', privacyUrl: '[aviso de privacidad]' },
  'fr-CA': { agent: '[votre nom]', company: '[votre entreprise]', privacyUrl: '[avis de confidentialité]' },
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of `secret` (case and spacing aside), replaced: a template may name the company itself. */
function scrub(text: string, secret: string, placeholder: string): string {
  const words = secret.trim().split(/\s+/).filter(Boolean);
  if (words.join('').length < 2) return text;
  return text.replace(new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu'), placeholder);
}

/** The disclaimer as a page may show it: the agent's own details replaced by placeholders. */
export function pageDisclaimer(answer: Pick<Answer, 'requirement' | 'treatAs'>, settings: Settings): string {
  const language = settings.language;
  const marks = PAGE_PLACEHOLDERS[language];
  let text = disclaimerText(disclaimerRequirement(answer), language, {
    ...settings,
    agent: marks.agent,
    company: marks.company,
    privacyUrl: marks.privacyUrl,
  });
  // A custom template or purpose may spell them out: those go too (longest first, a name inside a company's).
  const secrets = [
    [settings.company, marks.company],
    [settings.agent, marks.agent],
    [settings.privacyUrl ?? '', marks.privacyUrl],
  ].sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0));
  for (const [secret, mark] of secrets) text = scrub(text, secret ?? '', mark ?? '');
  return text;
}

/** An answer for a content script: nothing of the agent's on it but `copyText`, for the clipboard only. */
export function forThePage(answer: Answer, settings: Settings): Answer {
  const agentRules = answer.rules.filter((r) => r.role === 'agent');
  const rules = answer.rules.filter((r) => r.role !== 'agent');
  const kept = new Set(rules.map((r) => r.citation));
  const agentOnly = new Set(agentRules.map((r) => r.citation).filter((c) => !kept.has(c)));
  return {
    ...answer,
    rules,
    citations: answer.citations.filter((c) => !agentOnly.has(c)),
    // The agent's sentence names their region: it gives way to one that still says why the answer
    // may be stricter than the callee's own rule (an all-party badge on a one-party number must not
    // read as a mistake).
    reasons: answer.reasons.map((r) => (r.startsWith(AGENT_REASON_START) ? AGENT_REASON_UNNAMED : r)),
    disclaimer: pageDisclaimer(answer, settings),
    copyText: answer.disclaimer,
  };
}
