// A background that sleeps (issue 21): Chrome stops an idle MV3 service worker (after 30 s) and starts it again for
// the next event. Here it is stopped on purpose (CDP ServiceWorker.stopAllWorkers) before every use — a frame's
// report, the popup, the side panel, a keyboard step across frames, the toggle-site command — and each must work as
// if it had never slept: nothing that matters may live only in the worker's memory. The badge's per-tab state
// (background/badge.ts) and the reader's current frame (background/frame-steps.ts) are in storage.session: read
// while the worker is stopped, they are still there.
//
// Firefox: RLS Lens's MV2 background is a persistent page (the manifest does not say `"persistent": false`), which
// Firefox never suspends, so there is nothing to stop: the test checks that, and runs the same uses, so the
// storage.session state and every use are checked there too.
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { PAGE_PREFIX } from '../../core/page-names';
import { runCommand, tabIdOf } from './control-helpers';
import { currentMark, panelTerms } from './side-panel-helpers';
import {
  BROWSERS,
  html,
  openExtensionPage,
  openPage,
  settled,
  sleep,
  until,
  untilValue,
  useBrowser,
  type Session,
} from './support';

// Counted by hand: the top page has ferritin and restless legs syndrome, the frame dopamine (and its title makes the
// frame a page about health); the frame is between the two paragraphs.
const TOP = (frameUrl: string) =>
  html(`<p>Low ferritin is common.</p>
  <iframe id="inner" src="${frameUrl}" width="500" height="120"></iframe>
  <p>All of this is about restless legs syndrome.</p>`);
const FRAME = html('<p>Signals through dopamine are studied.</p>', '<title>Restless legs syndrome notes</title>');

const workers = (session: Session) =>
  session.browser.targets().filter((t) => t.type() === 'service_worker' && t.url().startsWith(session.extensionOrigin));

/**
 * Stops the background as the browser does when it is idle. Chromium: the extension's worker target is closed and
 * every service worker stopped over CDP (ServiceWorker.stopAllWorkers), until the extension's is gone. Firefox: its background page is persistent and cannot be suspended (checked).
 */
async function stopBackground(session: Session, helper: Page): Promise<void> {
  if (session.kind === 'firefox') {
    const persistent = await helper.evaluate(
      () => (globalThis as any).browser.runtime.getManifest().background?.persistent !== false,
    );
    expect(persistent).toBe(true);
    return;
  }
  const client = await helper.createCDPSession();
  try {
    await client.send('ServiceWorker.enable');
    // Asked again while it is still listed: an event already on its way (a frame's report) may start it again.
    await until(
      'the service worker to stop',
      async () => {
        if (workers(session).length === 0) return true;
        // A worker the test is attached to (runCommand evaluates in it) is not stopped while attached: puppeteer's
        // close() closes its target and detaches, as the worker needs.
        for (const target of workers(session)) await (await target.worker())?.close().catch(() => undefined);
        await client.send('ServiceWorker.stopAllWorkers');
        await sleep(500);
        return workers(session).length === 0;
      },
      20_000,
    );
  } finally {
    await client.detach();
  }
}

/** Chromium: the extension's service worker is stopped right now (nothing has woken it). */
const asleep = (session: Session) => session.kind === 'firefox' || workers(session).length === 0;

/** The badge's stored per-tab state (background/badge.ts), read from an extension page: no message, no wake-up. */
const storedBadge = (helper: Page, tabId: number) =>
  helper.evaluate(async (id: number) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const state = (await api.storage.session.get('badgeFrames')).badgeFrames as
      Record<string, { frames: Record<string, string[]> }> | undefined;
    const record = state?.[id];
    return record ? Object.values(record.frames).flat().sort() : null;
  }, tabId);

const badgeText = (helper: Page, tabId: number) =>
  helper.evaluate(async (id: number) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return (api.action ?? api.browserAction).getBadgeText({ tabId: id }) as Promise<string>;
  }, tabId);

const frameOf = (page: Page, path: string) =>
  untilValue(
    `the frame at ${path}`,
    async () => page.frames().find((f) => f.url().endsWith(path)) ?? null,
    (frame) => frame !== null,
  ) as Promise<Frame>;

describe.each(BROWSERS)('a background that sleeps in %s', (kind) => {
  const env = useBrowser(kind);

  it('the badge, popup, side panel, steps across frames and the toggle command work after it slept', async () => {
    const page = await openPage(
      env.session.browser,
      env.server.put('/sleep/top.html', TOP(env.server.put('/sleep/frame.html', FRAME))),
    );
    const frame = await frameOf(page, '/sleep/frame.html');
    await settled(page);
    await settled(page, { frame });
    // An extension page to look from: it reads storage and the badge, and sends no message to the background.
    const helper = await openExtensionPage(env.session, 'overview.html', 'body');
    const tabId = await tabIdOf(helper, page);
    const three = ['dopamine', 'ferritin', 'restless-legs-syndrome'];
    await untilValue(
      'the badge',
      () => badgeText(helper, tabId),
      (text) => text === '3',
    );
    expect(await storedBadge(helper, tabId)).toEqual(three);

    // Asleep: the per-tab state is in storage.session, and the badge is the browser's.
    await stopBackground(env.session, helper);
    expect(await storedBadge(helper, tabId)).toEqual(three);
    expect(await badgeText(helper, tabId)).toBe('3');
    expect(asleep(env.session)).toBe(true);

    // The next use is a frame's report: the woken background adds it to what the tab's other frames reported before
    // it slept (a background that kept them only in memory would count the frame alone: 2).
    await frame.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Her pregnancy came first.';
      document.body.append(p);
    });
    await untilValue(
      'the badge after a report',
      () => badgeText(helper, tabId),
      (text) => text === '4',
    );
    expect(await storedBadge(helper, tabId)).toEqual([...three, 'pregnancy'].sort());

    // The popup, opened on a sleeping background: the tab's terms.
    await stopBackground(env.session, helper);
    const popup = await openExtensionPage(env.session, `popup.html?tab=${tabId}`, '.page-terms__item');
    // The top frame answers first; the frame's terms join from its answer to the popup's roll call.
    await untilValue(
      'the popup to list every frame’s terms',
      () => popup.$$eval('.page-terms__item', (items) => items.length),
      (count) => count === 4,
    );
    await popup.close();

    // The side panel: every frame's terms.
    await stopBackground(env.session, helper);
    const panel = await openExtensionPage(env.session, `sidepanel.html?tab=${tabId}`, '.sp-term__name');
    const ids = await untilValue(
      'the panel to list every frame’s terms',
      () => panelTerms(panel).then((terms) => terms.map(([id]) => id).sort()),
      (list) => list.length === 4,
    );
    expect(ids).toEqual([...three, 'pregnancy'].sort());
    await panel.close();

    // Keyboard steps across frames, with the background stopped before each: the frame the reader is on is in
    // storage.session, so each step goes on from where the last one landed (top, top, frame, frame, top).
    const marks: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await stopBackground(env.session, helper);
      await runCommand(env.session, helper, 'next-term', page);
      await until('the step to land', async () => {
        const here = [await currentMark(page.mainFrame()), await currentMark(frame)].filter((m) => m !== null);
        return here.length === 1 && here[0] !== marks.at(-1) ? here[0] : null;
      });
      marks.push((await currentMark(page.mainFrame())) ?? (await currentMark(frame)));
    }
    expect(marks).toEqual(['ferritin', 'restless legs syndrome', 'dopamine', 'pregnancy', 'ferritin']);

    // The toggle-site command: off, then on again, each time on a stopped background.
    await stopBackground(env.session, helper);
    await runCommand(env.session, helper, 'toggle-site', page);
    await until('the page to go dark', () =>
      page.evaluate(
        (prefix: string) => ![...CSS.highlights.keys()].some((name) => name.startsWith(prefix)),
        PAGE_PREFIX,
      ),
    );
    await stopBackground(env.session, helper);
    await runCommand(env.session, helper, 'toggle-site', page);
    await until('the page to light up again', () =>
      page.evaluate(
        (prefix: string) => [...CSS.highlights.keys()].some((name) => name.startsWith(prefix)),
        PAGE_PREFIX,
      ),
    );
    if (kind === 'firefox') await helper.evaluate(() => (globalThis as any).browser.commands.reset('toggle-site'));
    await helper.close();
    await page.close();
  }, 120_000);
});
