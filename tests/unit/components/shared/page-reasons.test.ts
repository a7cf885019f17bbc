import { describe, expect, it } from 'vitest';
import { describePage, isPdfAddress, pdfReason, restrictedReason } from '../../../../components/shared/page-reasons';

const terms = (extra = {}) => ({ host: 'example.com', active: true, counts: {}, ...extra });

describe('pages RLS Lens cannot read', () => {
  it.each([
    ['chrome://settings/', /browser’s own pages/],
    ['about:preferences', /browser’s own pages/],
    ['chrome://newtab/', /new-tab page/],
    ['chrome://new-tab-page/', /new-tab page/],
    ['about:newtab', /new-tab page/],
    ['about:home', /new-tab page/],
    ['about:reader?url=https%3A%2F%2Fexample.com%2Fa', /Reader View.*Leave Reader View/],
    ['https://chromewebstore.google.com/detail/x', /add-on stores/],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', /add-on stores/],
    ['view-source:https://example.com/', /source code/],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', /PDF files/],
    ['moz-extension://0000/page.html', /belongs to an extension/],
    ['data:text/html,hi', /only works on web pages/],
  ])('%s: %s', (url, reason) => {
    expect(restrictedReason(url)).toMatch(reason);
  });

  it.each([['https://example.com/'], ['http://127.0.0.1:8080/a.html'], ['file:///home/a/notes.html']])(
    'lets %s be read',
    (url) => {
      expect(restrictedReason(url)).toBeNull();
    },
  );

  it('names its own pages as its own', () => {
    expect(restrictedReason('moz-extension://abc/overview.html', 'moz-extension://abc/')).toBe(
      'This is one of RLS Lens’s own pages.',
    );
  });

  it('recognises a PDF from its address, whatever the case and query, and nothing else', () => {
    expect(isPdfAddress('https://example.com/papers/RLS%20review.PDF?download=1#page=2')).toBe(true);
    expect(isPdfAddress('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true);
    expect(isPdfAddress('https://example.com/pdf/reader.html')).toBe(false);
    expect(isPdfAddress('https://example.com/a.html?file=x.pdf')).toBe(false);
    expect(isPdfAddress('not a url')).toBe(false);
  });
});

describe('what the popup shows for a tab', () => {
  it('shows the terms a content script reported', () => {
    expect(describePage(terms(), 'https://example.com/', 'chrome')).toEqual({
      kind: 'ready',
      host: 'example.com',
      terms: terms(),
    });
  });

  it('explains a PDF in Chrome’s viewer, whose content script reports pdf (the site switch stays)', () => {
    expect(describePage(terms({ pdf: true }), undefined, 'chrome')).toEqual({
      kind: 'ready',
      host: 'example.com',
      terms: terms({ pdf: true }),
      unreadable: pdfReason(),
    });
  });

  it('explains a PDF in Firefox’s viewer from the address alone (no content script runs there)', () => {
    expect(describePage(null, 'http://127.0.0.1:8080/doc.pdf', 'firefox')).toEqual({
      kind: 'ready',
      host: '127.0.0.1',
      terms: null,
      unreadable: pdfReason(),
      pdfUrl: 'http://127.0.0.1:8080/doc.pdf',
    });
    expect(describePage(null, 'file:///tmp/doc.pdf', 'firefox')).toEqual({
      kind: 'unavailable',
      reason: pdfReason(),
      pdfUrl: 'file:///tmp/doc.pdf',
    });
  });

  it('offers the reader the PDF’s address in Chrome’s viewer too, but not the viewer’s own address', () => {
    expect(describePage(terms({ pdf: true }), 'https://example.com/doc.pdf', 'chrome')).toMatchObject({
      pdfUrl: 'https://example.com/doc.pdf',
    });
    expect(
      describePage(null, 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'chrome'),
    ).not.toHaveProperty('pdfUrl');
  });

  it('asks for a reload in Chrome (no content script in pages open before install), not in Firefox (which injects)', () => {
    expect(describePage(null, 'https://example.com/', 'chrome')).toEqual({
      kind: 'ready',
      host: 'example.com',
      terms: null,
    });
    const firefox = describePage(null, 'https://example.com/download?id=3', 'firefox');
    expect(firefox).toMatchObject({ kind: 'ready', host: 'example.com', terms: null });
    expect(firefox.kind === 'ready' && firefox.unreadable).toMatch(/PDF viewer and its error pages/);
  });

  it('shows a site the settings keep the content script away from as switched off, in both browsers', () => {
    const covers = (host: string) => host === 'listed.example';
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(describePage(null, 'https://news.example/a', browser, '', covers), browser).toEqual({
        kind: 'ready',
        host: 'news.example',
        terms: { host: 'news.example', active: false, counts: {} },
      });
      // A covered site that does not answer is what it was (reload, or a page Firefox keeps out).
      expect(describePage(null, 'https://listed.example/a', browser, '', covers), browser).toMatchObject({
        kind: 'ready',
        terms: null,
      });
      // Pages no content script can run on are explained as before.
      expect(describePage(null, 'about:reader?url=x', browser, '', covers).kind, browser).toBe('unavailable');
    }
  });

  it('names Firefox’s protected Mozilla sites in Firefox only', () => {
    expect(describePage(null, 'https://support.mozilla.org/kb/x', 'firefox')).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/Mozilla’s own sites/),
    });
    expect(describePage(null, 'https://support.mozilla.org/kb/x', 'chrome')).toMatchObject({
      kind: 'ready',
      terms: null,
    });
  });

  it('tells Chrome users how to allow local files', () => {
    expect(describePage(null, 'file:///home/a/notes.html', 'chrome')).toMatchObject({
      reason: expect.stringMatching(/Allow access to file URLs/),
    });
  });

  it('explains restricted pages, and says what it can when the address is unknown', () => {
    expect(describePage(null, 'about:reader?url=https%3A%2F%2Fexample.com', 'firefox')).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/Reader View/),
    });
    expect(describePage(null, undefined, 'firefox')).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/PDF viewers/),
    });
  });
});
