/**
 * What both sides of the protocol must agree on, without zod: the content script and the page-world
 * hook import these (a constant costs nothing in their bundles), and `messages.ts` builds its schemas on them.
 */

/** The most numbers one lookup may carry (the popup and the badge panel ask for one or a few). */
export const MAX_LOOKUP = 50;
/** The most numbers one page-scan may carry; a frame with more sends them in several. */
export const MAX_PAGE_NUMBERS = 5000;
/** The DOM event the page-world hook fires on a host whose shadow root was just attached. */
export const SHADOW_EVENT = 'consent-guard-shadow';
