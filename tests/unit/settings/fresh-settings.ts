// What the settings tests share: a fresh copy of the settings module over seeded storage, and a quiet console whose
// warnings the tests can read.
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The settings module defines its storage items (and runs their migrations) when it is imported, as it does when
// the extension starts. Each test seeds storage first and then imports a fresh copy.
type Settings = typeof import('../../../settings');
export async function load(seed: Record<string, unknown> = {}): Promise<Settings> {
  await fakeBrowser.storage.local.set(seed);
  vi.resetModules();
  return import('../../../settings');
}

/** Resets the fake browser before each test and silences the console; `console.warn`'s spy, for the tests. */
export function freshBrowser(): { readonly warn: ReturnType<typeof vi.spyOn> } {
  const spies = {} as { warn: ReturnType<typeof vi.spyOn> };
  beforeEach(() => {
    fakeBrowser.reset();
    spies.warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());
  return spies;
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
