import { browser } from 'wxt/browser';
import { LookupResponse } from '@/lib/messages';
import './style.css';

const NUMBER = /\(?\b[2-9]\d{2}\)?[-. ]?[2-9]\d{2}[-. ]\d{4}\b/g;

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  async main() {
    const found: { text: Text; end: number; raw: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node as Text).data.matchAll(NUMBER)) {
        found.push({ text: node as Text, end: (match.index ?? 0) + match[0].length, raw: match[0] });
      }
    }
    if (found.length === 0) return;
    const response = LookupResponse.parse(
      await browser.runtime.sendMessage({ type: 'lookup', numbers: found.map((f) => f.raw) }),
    );
    if (!response.ok) return;
    response.results.forEach((result, i) => {
      const where = found[i];
      if (!where || !result.e164) return;
      const badge = document.createElement('consent-guard-badge');
      badge.dataset.consentNumber = result.e164;
      badge.textContent = result.npa ?? '?';
      where.text.parentNode?.insertBefore(badge, where.text.nextSibling);
    });
  },
});
