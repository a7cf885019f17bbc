// The reader page: ways in (a file, a drop, ?url=), the document's pages (pdf-view.ts), its tools and what went wrong.
import { createElement, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PAGE_PREFIX } from '../../core/page-names';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { t } from '../../core/i18n';
import { fetchPdf, openPdf, OpenError, type OpenFailure } from './pdf-document';
import { PdfView } from './pdf-view';
import { ReaderToolbar } from './reader-toolbar';
import { ReaderOutline, readOutline, type OutlineItem } from './reader-outline';
import { documentName } from './document-name';
import { PasswordEntry } from './password-entry';

type Problem = OpenFailure | 'noText' | 'notPdf';

interface Opened {
  doc: PDFDocumentProxy;
  name: string;
  outline: OutlineItem[];
}

/**
 * The reader's own words, in an element the page engine never reads (its name starts with PAGE_PREFIX:
 * content/blocks.ts), so that only the document's text layer is marked. (Defined here, not in core/page-names.ts,
 * so that the content script does not carry it.) Inside it there are
 * no block elements (spans with roles instead of h1, p, nav, ul, li): the engine finds the unit a changed text
 * belongs to by its nearest block, so a block inside would be read again when its text changes.
 */
const READER_UI = `${PAGE_PREFIX}-reader-ui`;
const Ui = ({ children }: { children: ComponentChildren }) =>
  createElement(READER_UI, { class: 'reader-ui' }, children);

/** What each problem says (each key written out, so the catalogue's tests see it used). */
const PROBLEMS: Record<Problem, () => string> = {
  encrypted: () => t('reader.encrypted'),
  wrongPassword: () => t('reader.wrongPassword'),
  corrupt: () => t('reader.corrupt'),
  fetch: () => t('reader.fetch'),
  noText: () => t('reader.noText'),
  notPdf: () => t('reader.notPdf'),
};

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function ReaderApp({ search }: { search: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  /** A protected PDF waiting for its password: its bytes stay in this page only. */
  const [locked, setLocked] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<PdfView | null>(null);

  const open = async (read: () => Promise<Uint8Array>, fallbackName: string, password?: string) => {
    setLoading(true);
    setProblem(null);
    let bytes: Uint8Array | null = null;
    try {
      bytes = await read();
      // PDF.js takes the bytes it is given: a copy, so a protected file can be tried again with its password.
      const doc = await openPdf(bytes.slice(), password);
      setLocked(null);
      const name = await documentName(doc, fallbackName);
      document.title = t('reader.documentTitle', { name });
      setOpened({ doc, name, outline: await readOutline(doc) });
      setPage(1);
    } catch (error) {
      setOpened(null);
      const reason = error instanceof OpenError ? error.reason : 'corrupt';
      const needsPassword = reason === 'encrypted' || reason === 'wrongPassword';
      setLocked(needsPassword && bytes ? { bytes, name: fallbackName } : null);
      setProblem(reason);
    } finally {
      setLoading(false);
    }
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    if (file.type && file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) {
      setProblem('notPdf');
      return;
    }
    void open(async () => new Uint8Array(await file.arrayBuffer()), file.name);
  };

  // ?url=<address>: the popup's "Open in RLS Lens reader" and the link menu.
  useEffect(() => {
    const url = new URLSearchParams(search).get('url');
    if (url) void open(() => fetchPdf(url), decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() || url));
  }, [search]);

  // A dropped file, anywhere on the page.
  useEffect(() => {
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      openFile(event.dataTransfer?.files[0]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, []);

  // The pages of the opened document.
  useEffect(() => {
    const container = pagesRef.current;
    if (!opened || !container) return;
    let view: PdfView | null = null;
    let cancelled = false;
    void opened.doc.getPage(1).then((first) => {
      if (cancelled) return;
      const { width, height } = first.getViewport({ scale: 1 });
      view = new PdfView(
        opened.doc,
        container,
        {
          onPage: setPage,
          onTextRead: (items) => items === 0 && setProblem('noText'),
        },
        { width, height },
      );
      view.setScale(zoom);
      viewRef.current = view;
    });
    return () => {
      cancelled = true;
      view?.destroy();
      viewRef.current = null;
      container.replaceChildren();
    };
  }, [opened]);

  const changeZoom = (next: number) => {
    setZoom(next);
    viewRef.current?.setScale(next);
  };
  const goTo = (number: number) => {
    if (!opened) return;
    const clamped = Math.min(Math.max(1, number), opened.doc.numPages);
    setPage(clamped);
    viewRef.current?.scrollToPage(clamped);
  };

  return (
    <div class="reader">
      <Ui>
        <span class="reader-bar">
          <span class="reader-name" role="heading" aria-level={1}>
            {opened ? opened.name : t('reader.title')}
          </span>
          <label class="button reader-open">
            {t('reader.open')}
            <input
              type="file"
              accept="application/pdf,.pdf"
              class="reader-file"
              onChange={(event) => openFile(event.currentTarget.files?.[0])}
            />
          </label>
          {opened && (
            <ReaderToolbar
              page={page}
              pages={opened.doc.numPages}
              zoom={zoom}
              zooms={ZOOMS}
              onPage={goTo}
              onZoom={changeZoom}
            />
          )}
        </span>
        {loading && (
          <span class="reader-status" role="status">
            {t('reader.loading')}
          </span>
        )}
        {problem && (
          <span class="reader-problem" role="alert" data-problem={problem}>
            {PROBLEMS[problem]()}
          </span>
        )}
        {locked && (
          <PasswordEntry onPassword={(password) => void open(async () => locked.bytes, locked.name, password)} />
        )}
        {!opened && !loading && <span class="reader-drop">{t('reader.drop')}</span>}
      </Ui>
      <div class="reader-body">
        {opened && opened.outline.length > 0 && (
          <Ui>
            <ReaderOutline items={opened.outline} doc={opened.doc} onPage={goTo} />
          </Ui>
        )}
        <main class="reader-pages" ref={pagesRef} aria-label={t('reader.document')} />
      </div>
    </div>
  );
}
