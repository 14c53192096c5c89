import { browser } from 'wxt/browser';
import { PageScanResponse } from '@/lib/messages';
import { parseNumber } from '@/lib/parse-number';
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
    const numbers = found.map((f) => {
      const parsed = parseNumber(f.raw);
      return parsed.kind === 'invalid' ? '' : parsed.e164;
    });
    const response = PageScanResponse.parse(
      await browser.runtime.sendMessage({ type: 'page-scan', lookup: numbers, present: numbers, reset: true }),
    );
    if (!response.ok) return;
    const byNumber = new Map(response.badges.map((b) => [b.e164, b]));
    found.forEach((where, i) => {
      const info = byNumber.get(numbers[i] ?? '');
      if (!info) return;
      const badge = document.createElement('consent-guard-badge');
      badge.dataset.consentNumber = info.e164;
      badge.dataset.consent = info.consent;
      badge.textContent = `${info.place} · ${info.consent}`;
      where.text.parentNode?.insertBefore(badge, where.text.nextSibling);
    });
  },
});
