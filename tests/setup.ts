import { cleanup } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, inject } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every property test replays the run's one seed (tests/global-setup.ts prints it).
fc.configureGlobal({ seed: inject('fcSeed') });

// No test sees another's storage, listeners or DOM.
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);
