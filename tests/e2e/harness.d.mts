// Types for harness.mjs, for the TypeScript benchmarks that reuse it.
import type { BrowserContext, Page, Worker } from 'playwright-core';

export const ROOT: string;
export const EXTENSION_DIR: string;
export const FIXTURES_DIR: string;
export const ARTIFACTS_DIR: string;
export const CRM_HOST: string;
export function startServer(headers?: Record<string, Record<string, string>>): Promise<{
  origin: string;
  plainOrigin: string;
  close: () => Promise<unknown>;
}>;
export function launchBrowser(): Promise<{
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close: () => Promise<void>;
}>;
export function openPopup(context: BrowserContext, extensionId: string, query?: string): Promise<Page>;
export function watchErrors(page: Page): string[];
export function screenshot(page: Page, name: string): Promise<string>;
export function useExtension(headers?: Record<string, Record<string, string>>): {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
};
export function waitForBadges(
  frame: Page | import('playwright-core').Frame,
  count: number,
  timeout?: number,
): Promise<void>;
export function badgesIn(
  frame: Page | import('playwright-core').Frame,
): Promise<{ e164: string; consent: string; location: string | null; where: 'input' | 'other' }[]>;
export function stopWorker(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<string[]>;
export function testCertificate(): { key: Buffer; cert: Buffer };
export function setWorkerClock(worker: Worker, ms: number | null): Promise<void>;
