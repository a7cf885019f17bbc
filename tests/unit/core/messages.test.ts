import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isFrameInfo,
  isFrameOccurrences,
  isPageTerms,
  isStepAnswer,
  listen,
  parseInBackground,
  parseToExtension,
  parseToPage,
  sendToPage,
  type ToPage,
} from '../../../core/messages';

beforeEach(() => fakeBrowser.reset());

describe('the message protocol', () => {
  it('accepts the messages a content script can be sent, field by field', () => {
    expect(parseToPage({ type: 'rls-lens:page-terms' })).toEqual({ type: 'rls-lens:page-terms' });
    expect(
      parseToPage({
        type: 'rls-lens:reveal',
        occurrence: { index: 3, entryId: 'iron-deficiency', text: 'iron deficiency' },
      }),
    ).not.toBeNull();
    expect(parseToPage({ type: 'rls-lens:step', direction: -1 })).not.toBeNull();
    expect(
      parseToPage({
        type: 'rls-lens:step',
        direction: 1,
        from: 'edge',
        entryId: 'iron',
        place: { before: 3, total: 9 },
      }),
    ).not.toBeNull();
    expect(parseToPage({ type: 'rls-lens:occurrences', limit: 10, more: { ferritin: 110 } })).not.toBeNull();
    for (const type of ['rls-lens:leave', 'rls-lens:frame-info', 'rls-lens:report'])
      expect(parseToPage({ type })).not.toBeNull();
  });

  it('refuses unknown types, wrong fields and ids that could be paths', () => {
    for (const bad of [
      null,
      'rls-lens:step',
      [],
      { type: 'rls-lens:unknown' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'rls-lens:step', direction: 2 },
      { type: 'rls-lens:step', direction: '1' },
      { type: 'rls-lens:reveal' },
      { type: 'rls-lens:reveal', entryId: 'iron' },
      { type: 'rls-lens:reveal', occurrence: { index: -1, entryId: 'iron', text: 'iron' } },
      { type: 'rls-lens:reveal', occurrence: { index: 1.5, entryId: 'iron', text: 'iron' } },
      { type: 'rls-lens:reveal', occurrence: { index: 1, entryId: '../popup.html', text: 'iron' } },
      { type: 'rls-lens:reveal', occurrence: { index: 1, entryId: 'iron', text: '' } },
      { type: 'rls-lens:reveal', occurrence: { index: 1, entryId: 'iron', text: 'x'.repeat(401) } },
      { type: 'rls-lens:step', direction: 1, from: 'start' },
      { type: 'rls-lens:step', direction: 1, entryId: 'Iron' },
      { type: 'rls-lens:step', direction: 1, place: { before: -1, total: 2 } },
      { type: 'rls-lens:step', direction: 1, place: [] },
      { type: 'rls-lens:occurrences' },
      { type: 'rls-lens:occurrences', limit: 0 },
      { type: 'rls-lens:occurrences', limit: 10, more: { ferritin: 'all' } },
      { type: 'rls-lens:occurrences', limit: 10, more: { 'a b': 1 } },
    ]) {
      expect(parseToPage(bad)).toBeNull();
    }
    // A message of the other direction is not one a content script answers.
    expect(parseToPage({ type: 'rls-lens:open-overview', entryId: 'iron' })).toBeNull();
  });

  it('checks what a card tells the extension for My terms and “I know this”: an entry id, a known flag, whether it opened', () => {
    for (const good of [
      { type: 'rls-lens:looked-up', entryId: 'ferritin' },
      { type: 'rls-lens:know', entryId: 'iron-deficiency', known: true },
      { type: 'rls-lens:know', entryId: 'iron', known: false },
      { type: 'rls-lens:card', entryId: 'iron' },
      { type: 'rls-lens:card', entryId: 'iron', opened: true },
    ])
      expect(parseInBackground(good)).toEqual(good);
    for (const bad of [
      { type: 'rls-lens:looked-up' },
      { type: 'rls-lens:looked-up', entryId: '../overview.html' },
      { type: 'rls-lens:know', entryId: 'iron' },
      { type: 'rls-lens:know', entryId: 'iron', known: 'yes' },
      { type: 'rls-lens:card', entryId: 'iron', opened: 1 },
    ])
      expect(parseInBackground(bad)).toBeNull();
    // Heard by the extension, never by a page.
    expect(parseToPage({ type: 'rls-lens:know', entryId: 'iron', known: true })).toBeNull();
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

  it("checks the requests the background routes, and frames' answers", () => {
    const occurrence = { index: 0, entryId: 'ferritin', text: 'Ferritin' };
    expect(parseInBackground({ type: 'rls-lens:step-tab', tabId: 4, direction: 1 })).not.toBeNull();
    expect(
      parseInBackground({ type: 'rls-lens:step-tab', tabId: 4, direction: 1, entryId: 'ferritin' }),
    ).not.toBeNull();
    expect(parseInBackground({ type: 'rls-lens:reveal-occurrence', tabId: 4, frameId: 12, occurrence })).not.toBeNull();
    // Chrome's tab ids run into the billions.
    expect(parseInBackground({ type: 'rls-lens:step-tab', tabId: 1_139_159_690, direction: -1 })).not.toBeNull();
    expect(parseInBackground({ type: 'rls-lens:here' })).not.toBeNull();
    expect(parseInBackground({ type: 'rls-lens:found', host: 'x', active: true, counts: {} })).not.toBeNull();
    for (const bad of [
      { type: 'rls-lens:step-tab', tabId: -1, direction: 1 },
      { type: 'rls-lens:step-tab', tabId: '4', direction: 1 },
      { type: 'rls-lens:step-tab', tabId: 2 ** 53, direction: 1 },
      { type: 'rls-lens:step-tab', tabId: 4.5, direction: 1 },
      { type: 'rls-lens:step-tab', tabId: 4, direction: 0 },
      { type: 'rls-lens:reveal-occurrence', tabId: 4, occurrence },
      { type: 'rls-lens:reveal-occurrence', tabId: 4, frameId: 1 },
      { type: 'rls-lens:step', direction: 1 },
    ]) {
      expect(parseInBackground(bad)).toBeNull();
    }
    // Requests for the background are not content-script reports: the popup and the panel do not act on them.
    expect(parseToExtension({ type: 'rls-lens:step-tab', tabId: 4, direction: 1 })).toBeNull();

    const info = { host: 'example.com', active: true, counts: { ferritin: 2 }, path: [0, 3] };
    expect(isFrameInfo(info)).toBe(true);
    expect(isFrameInfo({ ...info, path: [-1] })).toBe(false);
    expect(isFrameInfo({ ...info, path: Array(33).fill(0) })).toBe(false);
    expect(isFrameInfo({ ...info, path: undefined })).toBe(false);
    expect(isFrameInfo({ ...info, pdf: true })).toBe(true);
    expect(isFrameInfo({ ...info, pdf: 'yes' })).toBe(false);
    const listed = { ...info, occurrences: [{ ...occurrence, before: 'Low ', after: ' levels' }] };
    expect(isFrameOccurrences(listed)).toBe(true);
    expect(isFrameOccurrences({ ...listed, occurrences: [{ ...occurrence, before: 3, after: '' }] })).toBe(false);
    expect(isFrameOccurrences({ ...listed, occurrences: [occurrence] })).toBe(false);
    expect(isFrameOccurrences(info)).toBe(false);
    expect(isStepAnswer({ moved: true, position: 3, total: 12 })).toBe(true);
    expect(isStepAnswer({ moved: false })).toBe(true);
    expect(isStepAnswer({ moved: 'yes' })).toBe(false);
    expect(isStepAnswer({ moved: true, position: -3 })).toBe(false);
  });

  it('hands each checked message to its handler and answers with what the handler returns', async () => {
    const step = vi.fn();
    const controller = new AbortController();
    listen<ToPage>(
      parseToPage,
      { 'rls-lens:page-terms': () => ({ host: 'h', active: true, counts: {} }), 'rls-lens:step': step },
      controller.signal,
    );
    const answered = new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage
        .trigger({ type: 'rls-lens:page-terms' }, {}, resolve)
        .then(([kept]) => expect(kept).toBe(true));
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
