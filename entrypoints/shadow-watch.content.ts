/**
 * Runs in the page's own world, before its scripts: tells the content script (isolated world)
 * when the page attaches an open shadow root to an element already in the document, which no
 * MutationObserver reports. The page's attachShadow keeps its behaviour, result and errors.
 *
 * Everything the hook calls is captured here, at document_start, before any page script: a page
 * that later replaces Reflect, queueMicrotask, CustomEvent, dispatchEvent or ShadowRoot's `mode`
 * can neither break its own attachShadow through us nor stop us hearing of a new root.
 *
 * None of our frames is on the stack while page code runs (issue #18 item 5: a page with
 * `Error.prepareStackTrace` reads each frame's real script URL, the extension's id in it):
 * - `el.attachShadow(init)`, the usual call: the property is an accessor that hands back the
 *   browser's own function and notes `el`; the page's getters on `init` and its errors run under
 *   the native call alone, and the new root is looked for in a microtask.
 * - Our event reaches the page's listeners through a bound native `dispatchEvent` queued as a
 *   microtask of its own: no frame of ours under them either.
 * - What remains: `Element.prototype.attachShadow.call(el, init)` (the function read off the
 *   prototype, not an element) gets the wrapper, which must be on the stack while the native reads
 *   `init`; its errors' stacks are re-taken from the page's caller, and the bundle's `sourceURL`
 *   names it neutrally in stack strings (wxt.config.ts), but call sites still give its file name.
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
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'attachShadow');
    const original = descriptor?.value;
    if (typeof original !== 'function') return;
    const apply = Reflect.apply;
    const define = Object.defineProperty;
    const defer = queueMicrotask;
    const bind = Function.prototype.bind;
    const ShadowEvent = CustomEvent;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const modeOf = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'mode')?.get;
    const rootOf = Object.getOwnPropertyDescriptor(proto, 'shadowRoot')?.get;
    const nodeTypeOf = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeType')?.get;
    const seen = new WeakSet<object>();
    const has = WeakSet.prototype.has;
    const add = WeakSet.prototype.add;
    // V8's: re-takes a stack from the caller of `wrapped` (absent elsewhere: then the stack stays).
    const recapture = (Error as { captureStackTrace?: (target: object, above: unknown) => void }).captureStackTrace;

    /** After the page's own code has filled the root (same task): a new open root is announced. */
    const announceLater = (host: Element) => {
      apply(defer, undefined, [
        () => {
          try {
            const root = rootOf ? (apply(rootOf, host, []) as ShadowRoot | null) : null;
            if (!root || apply(has, seen, [root]) || !modeOf || apply(modeOf, root, []) !== 'open') return;
            apply(add, seen, [root]);
            const event = new ShadowEvent(SHADOW_EVENT, { bubbles: true, composed: true });
            // The page's listeners run under the native dispatchEvent alone: no frame of ours below them.
            apply(defer, undefined, [apply(bind, dispatch, [host, event])]);
          } catch {
            // Never the page's problem.
          }
        },
      ]);
    };

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
        announceLater(this);
        return root;
      },
    }.attachShadow;

    /** True for a real element (not a prototype, nor a Proxy): reading its attachShadow notes it. */
    const isElement = (value: unknown): value is Element => {
      try {
        return nodeTypeOf !== undefined && apply(nodeTypeOf, value, []) === 1;
      } catch {
        return false;
      }
    };

    define(proto, 'attachShadow', {
      configurable: descriptor?.configurable ?? true,
      enumerable: descriptor?.enumerable ?? true,
      get(this: unknown) {
        if (!isElement(this)) return wrapped;
        announceLater(this);
        return original;
      },
      // A page that assigns its own attachShadow (a polyfill, a patcher) gets a plain property, as before.
      set(this: object, value: unknown) {
        define(this, 'attachShadow', { value, writable: true, configurable: true, enumerable: true });
      },
    });
  },
});
