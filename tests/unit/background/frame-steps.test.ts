import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { orderFrames, visits } from '../../../background/frame-steps';
import type { FrameInfo } from '../../../core/messages';
import { flush, startBackground, type FakeBackground } from './fake-background';

const TAB = 5;
const PAGE = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' };

/** A frame as the stand-in content script plays it: its place, its terms in order, where its reader is. */
interface FakeFrame {
  path: number[];
  terms: string[];
  active?: boolean;
  gone?: boolean;
  at?: number;
}

const countsOf = (terms: string[]) =>
  terms.reduce<Record<string, number>>((c, t) => ({ ...c, [t]: (c[t] ?? 0) + 1 }), {});

/**
 * Plays the tab's frames: each answers frame-info, and a step within itself the way content/tooltip/stepping.ts does
 * (never wrapping; `edge` starts at its first or last term). `log` records where each step landed and each leave.
 */
function playFrames(frames: Record<number, FakeFrame>) {
  const log: string[] = [];
  const send = vi.fn(async (tabId: number, message: any, options?: { frameId?: number }) => {
    const frameId = options?.frameId ?? -1;
    const frame = frames[frameId];
    if (tabId !== TAB || !frame || frame.gone)
      throw new Error('Could not establish connection. Receiving end does not exist.');
    const active = frame.active ?? true;
    switch (message.type) {
      case 'rls-lens:frame-info':
        return { host: 'example.com', active, counts: active ? countsOf(frame.terms) : {}, path: frame.path };
      case 'rls-lens:leave':
        log.push(`leave ${frameId}`);
        return undefined;
      case 'rls-lens:step': {
        const { direction, from, entryId, place } = message;
        const n = frame.terms.length;
        let i = from === 'edge' || frame.at === undefined ? (direction === 1 ? -1 : n) : frame.at;
        for (i += direction; i >= 0 && i < n; i += direction) {
          if (entryId && frame.terms[i] !== entryId) continue;
          frame.at = i;
          log.push(`${frameId}:${frame.terms[i]}`);
          return { moved: true, position: place.before + i + 1, total: place.total };
        }
        return { moved: false };
      }
      case 'rls-lens:reveal': {
        const { occurrence, place } = message;
        if (frame.terms[occurrence.index] !== occurrence.entryId) return { moved: false };
        frame.at = occurrence.index;
        log.push(`${frameId}:${occurrence.entryId}`);
        return { moved: true, position: place.before + occurrence.index + 1, total: place.total };
      }
    }
    return undefined;
  });
  fakeBrowser.tabs.sendMessage = send as unknown as typeof fakeBrowser.tabs.sendMessage;
  return { log, send };
}

/** Each frame's content script reports itself, as it does when it starts. */
async function report(...frameIds: number[]) {
  for (const frameId of frameIds) {
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'rls-lens:found', host: 'example.com', active: true, counts: {} },
      { tab: { id: TAB } as never, frameId, url: 'https://example.com/' },
      () => {},
    );
  }
  await flush();
}

/** A request from the popup or the side panel, and the background's answer. */
async function request(message: object, sender: object = PAGE) {
  // listen() answers through sendResponse and returns true (core/messages.ts), as Chrome's own API needs.
  let respond: (answer: unknown) => void = () => {};
  const response = new Promise<unknown>((resolve) => (respond = resolve));
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, (answer: unknown) =>
    respond(answer),
  );
  return (answers as unknown[]).includes(true) ? response : answers.find((a: unknown) => a !== undefined);
}

let bg: FakeBackground;
beforeEach(() => {
  bg = startBackground();
});

// The top frame (0) has a and b; frame 9 is its first frame, with frame 12 inside it; frame 7 is its second frame.
// They report in another order than they are read: 7, 9, 12.
const tab = (): Record<number, FakeFrame> => ({
  0: { path: [], terms: ['a', 'b'] },
  7: { path: [1], terms: ['c'] },
  9: { path: [0], terms: ['d', 'a'] },
  12: { path: [0, 0], terms: ['f'] },
});

describe("the order of a tab's frames", () => {
  const info = (path: number[]): FrameInfo => ({ host: '', active: true, counts: {}, path });
  it("is the top frame, then each frame in document order, a frame's own frames right after it", () => {
    const order = orderFrames([
      { frameId: 7, info: info([1]) },
      { frameId: 12, info: info([0, 0]) },
      { frameId: 0, info: info([]) },
      { frameId: 9, info: info([0]) },
      { frameId: 30, info: info([0, 1]) },
      { frameId: 31, info: info([0, 0, 2]) },
    ]);
    expect(order.map((f) => f.frameId)).toEqual([0, 9, 12, 31, 30, 7]);
  });

  it("visits the reader's frame, then every other frame from its edge, wrapping, and the reader's frame again", () => {
    expect(visits(3, 1, 1)).toEqual([
      { index: 1, from: 'current' },
      { index: 2, from: 'edge' },
      { index: 0, from: 'edge' },
      { index: 1, from: 'edge' },
    ]);
    expect(visits(3, 0, -1).map((v) => v.index)).toEqual([0, 2, 1, 0]);
    expect(visits(1, 0, 1)).toEqual([
      { index: 0, from: 'current' },
      { index: 0, from: 'edge' },
    ]);
    // No reader's frame (the top frame has no content script): every frame from its edge, in the step's direction.
    expect(visits(3, -1, 1)).toEqual([0, 1, 2].map((index) => ({ index, from: 'edge' })));
    expect(visits(3, -1, -1).map((v) => v.index)).toEqual([2, 1, 0]);
    expect(visits(0, -1, 1)).toEqual([]);
  });
});

describe('stepping through every frame of a tab', () => {
  it('goes through the frames in reading order, counts all their terms, and wraps at the end', async () => {
    const { log } = playFrames(tab());
    await report(7, 9, 12);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1 }));
    expect(log.filter((l) => !l.startsWith('leave'))).toEqual(['0:a', '0:b', '9:d', '9:a', '12:f', '7:c', '0:a']);
    expect(answers.map((a: any) => `${a.position}/${a.total}`)).toEqual([
      '1/6',
      '2/6',
      '3/6',
      '4/6',
      '5/6',
      '6/6',
      '1/6',
    ]);
  });

  it("goes backwards from the top frame's first term to the last frame's last term", async () => {
    const frames = tab();
    frames[0]!.at = 0;
    const { log } = playFrames(frames);
    await report(7, 9, 12);
    for (let i = 0; i < 3; i++) await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: -1 });
    expect(log.filter((l) => !l.startsWith('leave'))).toEqual(['7:c', '12:f', '9:a']);
  });

  it('closes the tooltip of the frame it leaves, and only then', async () => {
    const { log } = playFrames(tab());
    await report(7, 9, 12);
    for (let i = 0; i < 4; i++) await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1 });
    expect(log).toEqual(['0:a', '0:b', '9:d', 'leave 0', '9:a']);
  });

  it('runs the keyboard commands the same way', async () => {
    const { log } = playFrames(tab());
    await report(7, 9, 12);
    for (let i = 0; i < 3; i++) await bg.command('next-term', { id: TAB });
    await bg.command('previous-term', { id: TAB });
    expect(log.filter((l) => !l.startsWith('leave'))).toEqual(['0:a', '0:b', '9:d', '0:b']);
  });

  it('reveals the next occurrence of an entry in whichever frame it is, asking no frame that lacks it', async () => {
    const { log, send } = playFrames(tab());
    await report(7, 9, 12);
    for (let i = 0; i < 3; i++) await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1, entryId: 'a' });
    expect(log.filter((l) => !l.startsWith('leave'))).toEqual(['0:a', '9:a', '0:a']);
    const stepped = send.mock.calls.filter(([, m]) => m.type === 'rls-lens:step').map(([, , o]) => o?.frameId);
    expect(new Set(stepped)).toEqual(new Set([0, 9]));
  });

  it('skips frames that are switched off or gone, and stops asking the gone ones', async () => {
    const frames = tab();
    frames[9]!.gone = true;
    frames[12]!.active = false;
    const { log, send } = playFrames(frames);
    await report(7, 9, 12);
    for (let i = 0; i < 3; i++) await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1 });
    expect(log.filter((l) => !l.startsWith('leave'))).toEqual(['0:a', '0:b', '7:c']);
    const asked9 = send.mock.calls.filter(([, , o]) => o?.frameId === 9).length;
    expect(asked9).toBe(1);
  });

  it('goes on from the frame where the reader opened a tooltip with the pointer', async () => {
    const frames = tab();
    const { log } = playFrames(frames);
    await report(7, 9, 12);
    frames[12]!.at = 0;
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'rls-lens:here' },
      { tab: { id: TAB } as never, frameId: 12 },
      () => {},
    );
    await flush();
    await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1 });
    expect(log).toEqual(['leave 0', '7:c', 'leave 12']);
  });

  it('shows an occurrence the side panel listed in its frame, counted over the tab', async () => {
    const { log } = playFrames(tab());
    await report(7, 9, 12);
    const answer = await request({
      type: 'rls-lens:reveal-occurrence',
      tabId: TAB,
      frameId: 9,
      occurrence: { index: 1, entryId: 'a', text: 'a' },
    });
    expect(answer).toEqual({ moved: true, position: 4, total: 6 });
    expect(log).toEqual(['9:a', 'leave 0']);
    // The next step goes on from there.
    await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1 });
    expect(log.slice(2)).toEqual(['12:f', 'leave 9']);
  });

  it("keeps the reader's frame when the background restarts", async () => {
    const { log } = playFrames(tab());
    await report(7, 9, 12);
    await request({
      type: 'rls-lens:reveal-occurrence',
      tabId: TAB,
      frameId: 7,
      occurrence: { index: 0, entryId: 'c', text: 'c' },
    });
    fakeBrowser.runtime.onMessage.removeAllListeners();
    background.main();
    await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: -1 });
    expect(log.filter((l) => !l.startsWith('leave'))).toEqual(['7:c', '12:f']);
  });

  it('refuses steps and reveals asked by a content script', async () => {
    const { log } = playFrames(tab());
    await report(7, 9, 12);
    const page = { tab: { id: TAB }, frameId: 0, url: 'https://example.com/', id: 'test-extension-id' };
    expect(await request({ type: 'rls-lens:step-tab', tabId: TAB, direction: 1 }, page)).toEqual({ moved: false });
    expect(
      await request(
        {
          type: 'rls-lens:reveal-occurrence',
          tabId: TAB,
          frameId: 7,
          occurrence: { index: 0, entryId: 'c', text: 'c' },
        },
        page,
      ),
    ).toEqual({ moved: false });
    expect(log).toEqual([]);
  });
});
