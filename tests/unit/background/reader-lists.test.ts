// The background's part of My terms and "I know this" (background/reader-lists.ts): the one message a card sends
// when it opens is counted (if the reader keeps the list), with the page's address only if asked; "I know this" and
// its undo change the preferences every frame watches.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flush, startBackground } from './fake-background';

const SENDER = { url: 'https://example.org/rls?page=2', tab: { id: 4, incognito: false }, frameId: 0 };
const send = (message: object, sender: object = SENDER) =>
  fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => {}).then(() => flush(30));
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key] as any;

beforeEach(() => {
  startBackground();
});

describe('My terms in the background', () => {
  it('counts a card opening only while the reader keeps the list, and never one from a private window', async () => {
    await send({ type: 'rls-lens:looked-up', entryId: 'ferritin' });
    expect(await stored('myTerms')).toBeUndefined();
    await fakeBrowser.storage.local.set({
      myTerms: { on: true, pages: true, asked: true, terms: {} },
      myTerms$: { v: 1 },
    });
    await send({ type: 'rls-lens:looked-up', entryId: 'ferritin' });
    await send({ type: 'rls-lens:looked-up', entryId: 'ferritin' }, { ...SENDER, tab: { id: 5, incognito: true } });
    await send({ type: 'rls-lens:looked-up', entryId: 'Not an id' });
    const list = await stored('myTerms');
    expect(Object.keys(list.terms)).toEqual(['ferritin']);
    expect(list.terms.ferritin).toMatchObject({ count: 1, pages: ['https://example.org/rls'] });
  });

  it('marks an entry as known and unmarks it, keeping the order the reader marked them in', async () => {
    await send({ type: 'rls-lens:know', entryId: 'ferritin', known: true });
    await send({ type: 'rls-lens:know', entryId: 'dopamine', known: true });
    await send({ type: 'rls-lens:know', entryId: 'ferritin', known: true });
    expect((await stored('preferences')).knownTerms).toEqual(['dopamine', 'ferritin']);
    await send({ type: 'rls-lens:know', entryId: 'dopamine', known: false });
    expect((await stored('preferences')).knownTerms).toEqual(['ferritin']);
    expect(await stored('preferences$')).toEqual({ v: 1 });
  });
});
