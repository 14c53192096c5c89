import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { LookupResponse } from '@/lib/messages';

async function lookup(number: string) {
  return LookupResponse.parse(await browser.runtime.sendMessage({ type: 'lookup', numbers: [number.slice(0, 64)] }));
}

const app = document.getElementById('app');
if (app) render(<Popup lookup={lookup} />, app);
