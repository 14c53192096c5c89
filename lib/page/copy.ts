/**
 * Copies text from the content script so that the page can neither read nor replace it unseen
 * (issue #18 item 7), and says "copied" only when the browser said so:
 *
 * 1. The async clipboard of the content script's own world (a page's patches of `navigator.clipboard`
 *    or `execCommand` live in the page's world, not ours). Its promise resolving is the browser's word.
 * 2. Where the page's Permissions-Policy refuses it: `execCommand('copy')` on a one-character
 *    selection inside our closed shadow root (never the text itself), with our listener on that
 *    node. The page's capturing listeners run first and see an empty clipboard; ours sets the text,
 *    reads it back and stops the event, so no later page listener sees or changes it. A page that
 *    stops the event before it reaches us is seen: our listener never ran, and we say "not copied".
 *
 * Reading the clipboard back would need the clipboard-read permission on the page's origin (a
 * prompt in the agent's name): that check is not ours to make.
 */

export type CopyOutcome = 'copied' | 'refused';

export interface CopyTarget {
  /** Our closed shadow root, where the selection for the fallback is made. */
  root: ShadowRoot;
  doc: Document;
}

export async function copyText({ root, doc }: CopyTarget, text: string): Promise<CopyOutcome> {
  try {
    const clipboard = doc.defaultView?.navigator.clipboard;
    if (clipboard) {
      await clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Refused (the page's Permissions-Policy, no focus): the fallback below.
  }
  return copyBySelection(root, doc, text);
}

function copyBySelection(root: ShadowRoot, doc: Document, text: string): CopyOutcome {
  const selection = doc.getSelection();
  const saved = selection ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i)) : [];
  const anchor = doc.createElement('span');
  anchor.textContent = '\u00a0';
  anchor.setAttribute('aria-hidden', 'true');
  anchor.style.setProperty('position', 'absolute');
  anchor.style.setProperty('opacity', '0');
  root.append(anchor);
  let carried = false;
  const onCopy = (event: ClipboardEvent) => {
    // Ours alone from here: no page listener after this one hears of it.
    event.stopImmediatePropagation();
    if (!event.isTrusted || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    carried = event.clipboardData.getData('text/plain') === text;
  };
  anchor.addEventListener('copy', onCopy);
  let done = false;
  try {
    selection?.selectAllChildren(anchor);
    done = doc.execCommand('copy');
  } catch {
    done = false;
  } finally {
    anchor.removeEventListener('copy', onCopy);
    anchor.remove();
    try {
      selection?.removeAllRanges();
      for (const range of saved) selection?.addRange(range);
    } catch {
      // The page's old selection could not be put back: nothing of ours depends on it.
    }
  }
  return done && carried ? 'copied' : 'refused';
}
