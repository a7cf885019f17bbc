// Storage under stress (issue 21), in Chromium and Firefox: two overview pages adding two different sites at the
// same instant keep both, 20 times over (settings/write-lock.ts); preferences stored by a newer version are kept as
// they are, the overview says so in one line and refuses to write over them while the site list and the pages
// work; a full storage refuses a change with a message where it was made, and the stored rules stay as they were.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../settings/schema';
import type { StoredSettings } from '../../settings/stored-keys';
import { englishText } from '../fixtures/catalogue';
import { tabIdOf } from './side-panel-helpers';
import {
  BROWSERS,
  html,
  openExtensionPage,
  openPage,
  screenshot,
  seedSettings,
  settled,
  until,
  untilValue,
  useBrowser,
  type Session,
} from './support';

const DEFAULTS: StoredSettings = {
  globalEnabled: true,
  siteMode: 'opt-out',
  siteRules: [],
  preferences: DEFAULT_PREFERENCES,
};

const stored = (page: Page, key: string) =>
  page.evaluate(
    async (k) => (await ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get(k))[k],
    key,
  );

const overviewPage = (session: Session) => openExtensionPage(session, 'overview.html#sites', '#rule-pattern');

/** Types a site into the overview's "add a site" field. */
async function typeSite(page: Page, pattern: string): Promise<void> {
  await page.$eval('#rule-pattern', (el) => ((el as HTMLInputElement).value = ''));
  await page.type('#rule-pattern', pattern);
}

/**
 * Submits the "add a site" form of both overview pages in one task of one of them, so both writes start at
 * the same instant. (Two `page.evaluate` calls do not: a tab in the background has its timers slowed down, and
 * Firefox's runs a second later.) `extension.getViews` gives an extension page the other pages' windows; each page
 * keeps its own copy of the settings module, so only the shared lock can order the writes.
 */
const submitEverywhere = (page: Page) =>
  page.evaluate(() => {
    const extension = ((globalThis as any).browser ?? (globalThis as any).chrome).extension;
    // The two pages of the test (named when opened): a tab that a retried opening left behind takes no part.
    const views = (extension.getViews({ type: 'tab' }) as Window[]).filter((w) => w.name.startsWith('stress-'));
    for (const view of views) (view.document.querySelector('form.add-rule') as HTMLFormElement).requestSubmit();
    return views.length;
  });

/** The patterns the overview lists. */
const listed = (page: Page) =>
  page.$$eval('.rules__row .site__host', (hosts) => hosts.map((h) => h.textContent ?? '').sort());

const saveProblem = (page: Page) => page.$eval('.save-problem__text', (p) => p.textContent ?? '');

/** Firefox's storage.local has no quota of its own (IndexedDB under the profile's): the page's API refuses as a full one does. */
const refuseWrites = (page: Page) =>
  page.evaluate(() => {
    for (const local of [(globalThis as any).browser.storage.local, (globalThis as any).chrome.storage.local]) {
      local.realSet = local.set;
      local.set = () =>
        Promise.reject(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }));
    }
  });

const FULL = englishText('settingsWrite.full');
const NEWER = englishText('settingsWrite.newer');

describe.each(BROWSERS)('storage under stress in %s', (kind) => {
  const env = useBrowser(kind);

  it('keeps both sites when two overview pages add one each at the same instant, 20 times over', async () => {
    await seedSettings(env.session, DEFAULTS);
    const [a, b] = [await overviewPage(env.session), await overviewPage(env.session)];
    await Promise.all([a.evaluate(() => (window.name = 'stress-a')), b.evaluate(() => (window.name = 'stress-b'))]);
    const expected: string[] = [];
    for (let i = 0; i < 20; i++) {
      const pair = [`a${i}.example`, `b${i}.example`];
      await Promise.all([typeSite(a, pair[0]!), typeSite(b, pair[1]!)]);
      expect(await submitEverywhere(a)).toBe(2);
      expected.push(...pair);
      // Both writes of the round are stored before the next round races afresh (a lost one fails here, by name).
      const patterns = async () =>
        (((await stored(a, 'siteRules')) ?? []) as { pattern: string }[]).map((r) => r.pattern).sort();
      await until(
        `round ${i}'s two sites stored`,
        async () => (await patterns()).length >= expected.length || null,
        3000,
      ).catch(() => undefined);
      expect(await patterns(), `round ${i}`).toEqual([...expected].sort());
    }
    const rules = ((await stored(a, 'siteRules')) ?? []) as { pattern: string; enabled: boolean }[];
    expect(rules.map((r) => r.pattern).sort()).toEqual([...expected].sort());
    // Both pages show every site (the settings watch), and neither says a change was lost.
    for (const page of [a, b]) {
      await untilValue(
        'the full list',
        () => listed(page),
        (l) => l.length === expected.length,
      );
      expect(await saveProblem(page)).toBe('');
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps preferences a newer version saved, says so, refuses to write over them, and the rest works', async () => {
    const future = { ...DEFAULT_PREFERENCES, theme: 'dark', highlightStyle: 'tint', colour: 'mauve' };
    await seedSettings(env.session, DEFAULTS);
    const setup = await overviewPage(env.session);
    await setup.evaluate(async (p) => {
      const a = (globalThis as any).browser ?? (globalThis as any).chrome;
      await a.storage.local.set({ preferences: p, preferences$: { v: 2 } });
    }, future);
    await setup.close();

    const overview = await openExtensionPage(env.session, 'overview.html#preferences', '.newer-settings');
    expect(await overview.$eval('.newer-settings', (p) => p.textContent)).toBe(
      englishText('settingsWrite.newerNotice').replace('{settings}', englishText('settingsWrite.names.preferences')),
    );
    // Read as this version's defaults; the reader's change to them is refused where it was made.
    expect(await overview.$eval('input[name="theme"][value="auto"]', (i) => (i as HTMLInputElement).checked)).toBe(
      true,
    );
    await overview.$eval('.newer-settings', (p) => p.scrollIntoView({ block: 'center' }));
    await screenshot(overview, `settings-newer-overview-${kind}`);
    await overview.click('input[name="theme"][value="light"]');
    await untilValue(
      'the refusal',
      () => saveProblem(overview),
      (text) => text === NEWER,
    );
    expect(await overview.$eval('input[name="theme"][value="light"]', (i) => (i as HTMLInputElement).checked)).toBe(
      false,
    );
    expect(await stored(overview, 'preferences')).toEqual(future);
    expect(await stored(overview, 'preferences$')).toEqual({ v: 2 });

    // The rest works: a site is added (and the line goes), and a page is highlighted with the default preferences.
    await typeSite(overview, 'quiet.example');
    await overview.click('form.add-rule button[type="submit"]');
    await untilValue(
      'the new site listed',
      () => listed(overview),
      (l) => l.includes('quiet.example'),
    );
    expect(await saveProblem(overview)).toBe('');
    expect(await stored(overview, 'preferences')).toEqual(future);
    const page = await openPage(
      env.session.browser,
      env.server.put('/future.html', html('<p>Low ferritin is common in restless legs syndrome.</p>')),
    );
    expect(await settled(page)).toContain('ferritin');
    await Promise.all([page.close(), overview.close()]);
    await seedSettings(env.session, DEFAULTS);
  });

  it('says the storage is full where the change was made, keeps the stored rules, and saves once there is room', async () => {
    await seedSettings(env.session, { ...DEFAULTS, siteRules: [{ pattern: 'kept.example', enabled: false }] });
    const overview = await overviewPage(env.session);
    await untilValue(
      'the stored site',
      () => listed(overview),
      (l) => l.includes('kept.example'),
    );
    const before = await stored(overview, 'siteRules');
    if (kind === 'chromium') {
      // Chrome's storage.local holds 10 MB without unlimitedStorage (not asked for): fill it to the last byte, so
      // any change that makes a setting longer does not fit.
      const free = await overview.evaluate(async () => {
        const local = ((globalThis as any).chrome as any).storage.local;
        const room = async (): Promise<number> => local.QUOTA_BYTES - (await local.getBytesInUse(null));
        let size = (await room()) - 'filler'.length - 2; // a key counts its name and its value's JSON
        await local.set({ filler: 'x'.repeat(size) });
        size += await room();
        await local.set({ filler: 'x'.repeat(size) });
        return room();
      });
      expect(free).toBe(0);
    } else {
      await refuseWrites(overview);
    }
    await typeSite(overview, 'new.example');
    await overview.click('form.add-rule button[type="submit"]');
    await untilValue(
      'the message',
      () => saveProblem(overview),
      (text) => text === FULL,
    );
    // Nothing pretends: the list, the store and the field are as before the change, the typed site back to retry.
    expect(await listed(overview)).toEqual(['kept.example']);
    expect(await stored(overview, 'siteRules')).toEqual(before);
    expect(await overview.$eval('#rule-pattern', (i) => (i as HTMLInputElement).value)).toBe('new.example');
    await screenshot(overview, `settings-full-overview-${kind}`);
    // A preference from 'auto' to 'light' (one byte longer) is refused too, and its radio button goes back.
    await overview.evaluate(() => (document.querySelector('.save-problem button') as HTMLButtonElement).click());
    await overview.click('input[name="theme"][value="light"]');
    await untilValue(
      'the message again',
      () => saveProblem(overview),
      (text) => text === FULL,
    );
    const theme = (value: string) =>
      overview.$eval(`input[name="theme"][value="${value}"]`, (i) => (i as HTMLInputElement).checked);
    expect([await theme('auto'), await theme('light')]).toEqual([true, false]);
    expect(await stored(overview, 'siteRules')).toEqual(before);
    expect(((await stored(overview, 'preferences')) as { theme: string }).theme).toBe('auto');

    // The popup, where a site is switched: the same message there, the switch still on, the rules as they were.
    const tab = await openPage(env.session.browser, env.server.put('/full.html', html('<p>Iron and ferritin.</p>')));
    const popup = await openExtensionPage(env.session, `popup.html?tab=${await tabIdOf(overview, tab)}`, '.site');
    if (kind === 'firefox') await refuseWrites(popup);
    const siteSwitch = '.site [role="switch"].switch--large';
    await popup.click(siteSwitch);
    await untilValue(
      'the message in the popup',
      () => saveProblem(popup),
      (text) => text === FULL,
    );
    expect(await popup.$eval(siteSwitch, (b) => b.getAttribute('aria-checked'))).toBe('true');
    await screenshot(popup, `settings-full-popup-${kind}`);
    expect(await stored(overview, 'siteRules')).toEqual(before);
    await Promise.all([popup.close(), tab.close()]);

    // Room again: the same change is saved, and the message goes.
    if (kind === 'chromium') {
      await overview.evaluate(() => ((globalThis as any).chrome as any).storage.local.remove('filler'));
    } else {
      await overview.evaluate(() => {
        for (const local of [(globalThis as any).browser.storage.local, (globalThis as any).chrome.storage.local]) {
          local.set = local.realSet;
        }
      });
    }
    await overview.click('form.add-rule button[type="submit"]');
    await untilValue(
      'the site saved',
      () => listed(overview),
      (l) => l.includes('new.example'),
    );
    expect(await saveProblem(overview)).toBe('');
    await overview.close();
  });
});
