/**
 * What the details panel (panel.ts) and the dial check (dial-check.ts) share: their element helper,
 * headlines and base styles, once in the content script. Both live in closed shadow roots.
 */
import type { PageText, PageTextKey } from './text';

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string) {
  const element = doc.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

const HEADLINE: Record<string, PageTextKey> = {
  'all-party': 'panelAllParty',
  unknown: 'panelUnknown',
  'one-party': 'panelOneParty',
};

/** The headline of a consent rule ("Everyone must agree…"). */
export const headline = (consent: string, t: PageText) => t(HEADLINE[consent] ?? 'panelUnknown');

/** A box's styles: the card, its headline's colours, the do-not-call line, buttons; light and dark. */
export const BOX_CSS = `
.box{box-sizing:border-box;max-width:calc(100vw - 16px);border-radius:10px;background:#fff;color:#101828;border:1px solid #d0d5dd;box-shadow:0 12px 32px rgba(16,24,40,.18);font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
h2{font-size:14px;margin:0 24px 6px 0}
.all-party h2{color:#b42318}.unknown h2{color:#b54708}.one-party h2{color:#027a48}
.meta{color:#475467;margin:0 0 8px}
.dnc{margin:0 0 8px;padding:6px 8px;border-radius:6px;background:#1d2939;color:#fff;font-weight:700}
button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid #d0d5dd;background:#fff;color:#101828;padding:3px 10px;margin:0 6px 0 0}
.primary,.call{background:#0f766e;border-color:#0f766e;color:#fff}
button:disabled{opacity:.5;cursor:not-allowed}
:focus-visible{outline:2px solid #1d4ed8;outline-offset:1px}
@media (prefers-color-scheme:dark){.box{background:#1d2939;color:#f2f4f7;border-color:#475467}.meta{color:#d0d5dd}
button{background:#344054;color:#f2f4f7;border-color:#475467}
.all-party h2{color:#fda29b}.unknown h2{color:#fec84b}.one-party h2{color:#6ce9a6}}
`;

interface Rect {
  top: number;
  bottom: number;
  left: number;
}

/**
 * Where a box `w` wide and `h` high goes beside an element at `r` (viewport coordinates, in a viewport
 * `vw` × `vh`): below it; above it when there is no room below; else as low as it fits inside the
 * viewport. Never past the left or right edge.
 */
export function besideRect(r: Rect, w: number, h: number, vw: number, vh: number): { top: number; left: number } {
  const m = 8;
  let top = r.bottom + 4;
  if (top + h > vh - m) top = r.top - 4 - h >= m ? r.top - 4 - h : Math.max(m, vh - m - h);
  return { top, left: Math.max(m, Math.min(r.left, vw - m - w)) };
}
