/**
 * Runs in the page's own world, before its scripts: tells the content script (isolated world)
 * when the page attaches an open shadow root to an element already in the document, which no
 * MutationObserver reports. The page's attachShadow keeps its behaviour, result and errors.
 *
 * Everything the hook calls is captured here, at document_start, before any page script: a page
 * that later replaces Reflect, queueMicrotask, CustomEvent, dispatchEvent or ShadowRoot's `mode`
 * can neither break its own attachShadow through us nor stop us hearing of a new root.
 *
 * Our frame must not show in the page's stack traces (it would name the extension's id): an error
 * of the page's attachShadow gets its stack taken again from the page's caller, and the bundle
 * carries a neutral `sourceURL` (wxt.config.ts) for the frames that remain, such as a getter of
 * the page's own init object called from inside the hook.
 */
import { SHADOW_EVENT } from '@/lib/protocol/constants';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  world: 'MAIN',
  // An anonymous IIFE: a named one (`var shadowWatch = …`) would be a global of the page's, and a
  // page script declaring `let shadowWatch` would fail to run.
  globalName: false,
  main() {
    const proto = Element.prototype;
    const original = proto.attachShadow;
    if (typeof original !== 'function') return;
    const apply = Reflect.apply;
    const defer = queueMicrotask;
    const ShadowEvent = CustomEvent;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const modeOf = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'mode')?.get;
    // V8's: re-takes a stack from the caller of `wrapped` (absent elsewhere: then the stack stays).
    const recapture = (Error as { captureStackTrace?: (target: object, above: unknown) => void }).captureStackTrace;
    const wrapped = {
      attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        let root: ShadowRoot;
        try {
          root = apply(original, this, [init]);
        } catch (error) {
          // The page's own error, as the browser made it, with a stack that starts at the page's call.
          try {
            if (recapture && error !== null && typeof error === 'object') apply(recapture, undefined, [error, wrapped]);
          } catch {
            // A frozen error keeps the stack it had.
          }
          throw error;
        }
        try {
          if (modeOf && apply(modeOf, root, []) === 'open') {
            // After the page's own code has filled the root (same task), not before.
            apply(defer, undefined, [
              () => {
                try {
                  apply(dispatch, this, [new ShadowEvent(SHADOW_EVENT, { bubbles: true, composed: true })]);
                } catch {
                  // Nothing the page needs to hear about.
                }
              },
            ]);
          }
        } catch {
          // Never the page's problem: its root is returned as it is.
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
