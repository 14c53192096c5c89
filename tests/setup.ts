import { cleanup } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, inject } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '@/public/_locales/en/messages.json';
import { fallBackTo } from '@/utils/i18n';

// Every property test replays the run's one seed (tests/global-setup.ts prints it).
fc.configureGlobal({ seed: inject('fcSeed') });

// WXT's fake browser has no i18n: the English messages answer, as they do in the English UI.
fallBackTo(en);

// No test sees another's storage, listeners or DOM.
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);
