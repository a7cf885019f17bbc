import type { PDFDocumentProxy } from 'pdfjs-dist';

/** What the reader calls a document: its own title if it has one, else its file name. */
export async function documentName(doc: PDFDocumentProxy, fileName: string): Promise<string> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown } | null)?.Title;
    if (typeof title === 'string' && title.trim()) return title.trim();
  } catch {
    // No metadata: the file name.
  }
  return fileName;
}
