import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPageTerms, listen, parseToExtension, parseToPage, sendToPage, type ToPage } from '../../../core/messages';

beforeEach(() => fakeBrowser.reset());

describe('the message protocol', () => {
  it('accepts the messages a content script can be sent, field by field', () => {
    expect(parseToPage({ type: 'rls-lens:page-terms' })).toEqual({ type: 'rls-lens:page-terms' });
    expect(parseToPage({ type: 'rls-lens:reveal', entryId: 'iron-deficiency' })).not.toBeNull();
    expect(parseToPage({ type: 'rls-lens:step', direction: -1 })).not.toBeNull();
  });

  it('refuses unknown types, wrong fields and ids that could be paths', () => {
    for (const bad of [
      null, 'rls-lens:step', [], { type: 'rls-lens:unknown' }, { type: 'toString' }, { type: '__proto__' },
      { type: 'rls-lens:step', direction: 2 }, { type: 'rls-lens:step', direction: '1' },
      { type: 'rls-lens:reveal' }, { type: 'rls-lens:reveal', entryId: '../popup.html' }, { type: 'rls-lens:reveal', entryId: 'Iron' },
    ]) {
      expect(parseToPage(bad)).toBeNull();
    }
    // A message of the other direction is not one a content script answers.
    expect(parseToPage({ type: 'rls-lens:open-overview', entryId: 'iron' })).toBeNull();
  });

  it('checks a frame report: host, switch state and whole non-negative counts per entry id', () => {
    const good = { type: 'rls-lens:found', host: 'example.com', active: true, counts: { dopamine: 2 } };
    expect(parseToExtension(good)).toEqual(good);
    expect(parseToExtension({ ...good, counts: { dopamine: -1 } })).toBeNull();
    expect(parseToExtension({ ...good, counts: { dopamine: 1.5 } })).toBeNull();
    expect(parseToExtension({ ...good, counts: { 'not an id': 1 } })).toBeNull();
    expect(parseToExtension({ ...good, active: 'yes' })).toBeNull();
    expect(isPageTerms({ host: 'x', active: false, counts: {} })).toBe(true);
    expect(isPageTerms({ host: 'x', counts: {} })).toBe(false);
  });

  it('accepts the PDF flag of a frame in Chrome’s PDF viewer only as true or false', () => {
    expect(isPageTerms({ host: 'x', active: true, counts: {}, pdf: true })).toBe(true);
    expect(isPageTerms({ host: 'x', active: true, counts: {}, pdf: false })).toBe(true);
    expect(isPageTerms({ host: 'x', active: true, counts: {}, pdf: 'yes' })).toBe(false);
  });

  it('hands each checked message to its handler and answers with what the handler returns', async () => {
    const step = vi.fn();
    const controller = new AbortController();
    listen<ToPage>(parseToPage, { 'rls-lens:page-terms': () => ({ host: 'h', active: true, counts: {} }), 'rls-lens:step': step }, controller.signal);
    const answered = new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:page-terms' }, {}, resolve).then(([kept]) => expect(kept).toBe(true));
    });
    expect(await answered).toEqual({ host: 'h', active: true, counts: {} });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:step', direction: 3 }, {}, () => {});
    expect(step).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:step', direction: 1 }, {}, () => {});
    expect(step).toHaveBeenCalledWith({ type: 'rls-lens:step', direction: 1 }, {});
    controller.abort();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'rls-lens:step', direction: 1 }, {}, () => {});
    expect(step).toHaveBeenCalledTimes(1);
  });

  it('gives undefined, not an error, when no content script answers in the tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await sendToPage<'rls-lens:page-terms'>(4, { type: 'rls-lens:page-terms' })).toBeUndefined();
  });
});
