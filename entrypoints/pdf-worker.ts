// PDF.js's worker as an extension file of its own (pdf-worker.js), loaded by the reader page only
// (components/reader/pdf-document.ts): no blob: URL, no inline code, under the extension's CSP. The worker module
// starts itself when it runs in a worker; its eval sites are removed at build time (build/vite-pdfjs-no-eval.ts).
import 'pdfjs-dist/build/pdf.worker.mjs';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(() => undefined);
