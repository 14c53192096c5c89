/**
 * Runs in the page's own world, before its scripts: tells the content script (isolated world)
 * when the page attaches an open shadow root to an element already in the document, which no
 * MutationObserver reports. The page's attachShadow keeps its behaviour, result and errors.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  world: 'MAIN',
  main() {
    const proto = Element.prototype;
    const original = proto.attachShadow;
    if (typeof original !== 'function') return;
    const wrapped = {
      attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        const root = original.call(this, init);
        if (init?.mode === 'open') {
          // After the page's own code has filled the root (same task), not before.
          queueMicrotask(() => {
            try {
              this.dispatchEvent(new CustomEvent('consent-guard-shadow', { bubbles: true, composed: true }));
            } catch {
              // Nothing the page needs to hear about.
            }
          });
        }
        return root;
      },
    }.attachShadow;
    Object.defineProperty(proto, 'attachShadow', {
      ...Object.getOwnPropertyDescriptor(proto, 'attachShadow'),
      value: wrapped,
    });
  },
});
