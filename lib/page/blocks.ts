/**
 * How page text is cut into pieces a number may not cross: block-level elements, table cells and
 * line breaks. Tag names decide, not computed styles, so the walk never forces a page layout.
 */

/** Elements that start a new block of text: a number never spans two of them. */
export const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BUTTON CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE ' +
    'FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR HTML LEGEND LI MAIN NAV OL OPTION P PRE SECTION SELECT SUMMARY ' +
    'TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);

/** Subtrees whose text is not page content: code, styles, templates, form controls, our own UI. */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'CONSENT-GUARD-BADGE',
  'CONSENT-GUARD-PANEL',
]);

/** Tag names of the extension's own elements: never scanned, never counted. */
export const OWN_TAGS = new Set(['CONSENT-GUARD-BADGE', 'CONSENT-GUARD-PANEL', 'CONSENT-GUARD-DIAL']);

/** The elements an open shadow root can be attached to (besides custom elements, whose names hold a '-'). */
const SHADOW_HOSTS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);

/**
 * The page's open shadow root on `element` (tag: its upper-case name), if any. Other elements cannot
 * have one: a table's cells, rows and links are not asked (one DOM call less per element).
 */
export function openShadowOf(element: Element, tag: string): ShadowRoot | null {
  if (!SHADOW_HOSTS.has(tag) && !tag.includes('-')) return null;
  return (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** The nearest ancestor that is a block, or the root (document body, shadow root) when none is. */
export function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root) {
    if (current.nodeType === 1 && BLOCK_TAGS.has((current as Element).tagName.toUpperCase())) return current;
    current = current.parentNode;
  }
  return root;
}
