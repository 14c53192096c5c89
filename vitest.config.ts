import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Files that start processes, run thousands of property cases or whole corpora: on a loaded 2-core
 * machine they take seconds, so they get a timeout of their own instead of failing now and then.
 */
const SLOW = [
  'tests/unit/*-fuzz.test.ts',
  'tests/unit/*-corpus.test.ts',
  'tests/unit/cli*.test.ts',
  'tests/unit/classify.test.ts',
  'tests/unit/parse-number.test.ts',
  'tests/unit/area-codes.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    restoreMocks: true,
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.{ts,tsx}'], exclude: SLOW, testTimeout: 10_000 },
      },
      { extends: true, test: { name: 'slow', include: SLOW, testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
