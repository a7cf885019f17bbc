// Opening a PDF with PDF.js: the worker is the extension's own file (entrypoints/pdf-worker.ts), eval is off
// (build/vite-pdfjs-no-eval.ts), and what can go wrong becomes one of a few plain reasons the reader shows.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import { browser } from 'wxt/browser';

/** Why a document could not be opened. */
export type OpenFailure = 'encrypted' | 'wrongPassword' | 'corrupt' | 'fetch';

export class OpenError extends Error {
  constructor(readonly reason: OpenFailure) {
    super(reason);
  }
}

let workerSet = false;

/** PDF.js's PasswordResponses.INCORRECT_PASSWORD: a password was given and it was not the document's. */
const INCORRECT_PASSWORD = 2;

/**
 * Opens a PDF from its bytes (read locally: nothing is sent anywhere), with the password the reader typed if the
 * document is protected. PDF.js takes the bytes over (they go to its worker): give it a copy to keep for a retry.
 */
export async function openPdf(data: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  if (!workerSet) {
    GlobalWorkerOptions.workerSrc = browser.runtime.getURL('/pdf-worker.js');
    workerSet = true;
  }
  const task = getDocument({
    data,
    password,
    // No eval: PDF.js interprets PostScript functions instead of compiling them (build/vite-pdfjs-no-eval.ts).
    isEvalSupported: false,
    // Nothing is fetched from elsewhere: no CMaps, standard fonts or image decoders from a server.
    useSystemFonts: true,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (error) {
    void task.destroy();
    const { name, code } = (error ?? {}) as { name?: string; code?: number };
    if (name !== 'PasswordException') throw new OpenError('corrupt');
    throw new OpenError(code === INCORRECT_PASSWORD ? 'wrongPassword' : 'encrypted');
  }
}

/** Reads a PDF at an address, with the extension's own access to it (see PRIVACY.md). */
export async function fetchPdf(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include' });
  } catch {
    throw new OpenError('fetch');
  }
  if (!response.ok) throw new OpenError('fetch');
  return new Uint8Array(await response.arrayBuffer());
}
