/**
 * One number, one detection: a `tel:` link whose text shows the same number is counted once, from
 * its text (the badge goes after the text the agent reads). Pure; the content script's PageGuard and
 * `consent scan` share it.
 */
import type { Found } from './collect';

/** True when `link`'s own text shows `e164`, judged by the text detections of the link's block. */
export function linkShowsNumber(link: Node, e164: string, texts: readonly Found[]): boolean {
  return texts.some((f) => f.where === 'text' && f.e164 === e164 && link.contains(f.node));
}

/** Drops each `tel:` link detection whose number the link's own text already shows. */
export function dropEchoedLinks(found: readonly Found[]): Found[] {
  const texts = found.filter((f) => f.where === 'text');
  return found.filter((f) => f.where !== 'tel-link' || !linkShowsNumber(f.node, f.e164, texts));
}
