/** Whose law the engine follows: the setting, the CLI's --policy and the enterprise policy share this list. */
/**
 * `strictest`: the stricter of the agent's and the callee's rules (the law of both ends can apply:
 * all-party states reach recordings made on their soil and calls into them). `announce-always`: the
 * company treats every call as all-party. There is no callee-only policy: it would hide the agent's
 * own all-party law (it was removed in settings version 2; see `REMOVED_POLICIES`).
 */
export type Policy = 'strictest' | 'announce-always';
export const POLICIES: readonly Policy[] = ['strictest', 'announce-always'];
/** Policies that older versions offered, and why they are gone (one line, for the CLI and notices). */
export const REMOVED_POLICIES: Readonly<Record<string, string>> = {
  'callee-only':
    "callee-only was removed: your own state's all-party law applies to calls you record there, so the stricter rule of both ends always counts (use strictest or announce-always)",
};
