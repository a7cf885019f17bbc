// The document's outline (its bookmarks), when it has one: each item goes to its page. Spans with roles, not
// nav/ul/li: the reader's own words contain no block element (reader-app.tsx, Ui).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { t } from '../../core/i18n';

export interface OutlineItem {
  title: string;
  dest: unknown;
  items: OutlineItem[];
}

export async function readOutline(doc: PDFDocumentProxy): Promise<OutlineItem[]> {
  try {
    return ((await doc.getOutline()) ?? []) as OutlineItem[];
  } catch {
    return [];
  }
}

async function pageOf(doc: PDFDocumentProxy, dest: unknown): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit[0] == null) return null;
    const ref = explicit[0] as unknown;
    return (typeof ref === 'number' ? ref : await doc.getPageIndex(ref as never)) + 1;
  } catch {
    return null;
  }
}

interface OutlineProps {
  items: OutlineItem[];
  doc: PDFDocumentProxy;
  onPage(number: number): void;
}

function OutlineList({ items, doc, onPage }: OutlineProps) {
  return (
    <span class="reader-outline-list" role="list">
      {items.map((item, index) => (
        <span key={index} class="reader-outline-entry" role="listitem">
          <button
            type="button"
            class="reader-outline-item"
            onClick={() => void pageOf(doc, item.dest).then((page) => page && onPage(page))}
          >
            {item.title}
          </button>
          {item.items.length > 0 && <OutlineList items={item.items} doc={doc} onPage={onPage} />}
        </span>
      ))}
    </span>
  );
}

export function ReaderOutline(props: OutlineProps) {
  return (
    <span class="reader-outline" role="navigation" aria-label={t('reader.outline')}>
      <span class="reader-outline-title" role="heading" aria-level={2}>
        {t('reader.outline')}
      </span>
      <OutlineList {...props} />
    </span>
  );
}
