import type { Plugin } from 'vite';

/**
 * Removes the two `new Function(...)` sites and two dynamic imports from PDF.js (pdfjs-dist 5.6.205) so that the reader runs without eval and
 * addons-linter stays at 0 warnings. Both are dead in RLS Lens:
 * - `isEvalSupported()`, a feature test that calls `new Function("")` (in pdf.mjs and pdf.worker.mjs): it now returns
 *   false, which is what it returns under the extension's CSP anyway (no 'unsafe-eval').
 * - the PostScript (type 4) function compiler's `new Function("src", "srcOffset", "dest", "destOffset", compiled)` in
 *   the worker: it runs only when eval is supported and getDocument() was given `isEvalSupported: true`; the reader
 *   passes `false`, so PDF.js always takes its interpreter path (`PostScriptEvaluator`) instead.
 * - two `await import(<variable>)`s, which addons-linter flags: in pdf.mjs the "fake worker" loader, used only when
 *   a real Worker cannot be started (the reader always starts one, from the extension's own pdf-worker.js); in the
 *   worker, the JPX (JPEG 2000) decoder's JavaScript fallback module, loaded from `wasmUrl`, which the reader does
 *   not set (no decoder is fetched from anywhere). Each becomes a rejected promise: PDF.js's own catch paths take
 *   over (a JPX image is left out of the drawing; the text layer is unaffected).
 * The build fails if either pattern is not found where expected, so a PDF.js update cannot bring them back unseen.
 */
const FEATURE_TEST =
  /function isEvalSupported\(\) \{\s*try \{\s*new Function\(""\);\s*return true;\s*\} catch \{\s*return false;\s*\}\s*\}/g;
const PS_COMPILER = /return new Function\("src", "srcOffset", "dest", "destOffset", compiled\);/g;

/** `await import(<variable>)` with PDF.js's bundler hints: the fake worker's loader and the JPX decoder's fallback. */
const DYNAMIC_IMPORT =
  /await import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*(this\.workerSrc|path)\)/g;

const MAIN = /[\\/]node_modules[\\/]pdfjs-dist[\\/]build[\\/]pdf\.mjs$/;
const WORKER = /[\\/]node_modules[\\/]pdfjs-dist[\\/]build[\\/]pdf\.worker\.mjs$/;

/** The code with its eval sites removed; throws if the file does not have exactly the sites expected. */
export function stripPdfjsEval(code: string, id: string): string {
  const worker = WORKER.test(id);
  const count = (pattern: RegExp) => code.match(pattern)?.length ?? 0;
  const tests = count(FEATURE_TEST);
  const compilers = count(PS_COMPILER);
  const imports = [...code.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]);
  const expected = worker ? 'path' : 'this.workerSrc';
  if (tests !== 1 || compilers !== (worker ? 1 : 0) || imports.length !== 1 || imports[0] !== expected) {
    throw new Error(
      `expected 1 eval feature test, ${worker ? 1 : 0} PostScript compiler and 1 import(${expected}) in ${id}, ` +
        `found ${tests}, ${compilers} and ${imports.length}: update build/vite-pdfjs-no-eval.ts`,
    );
  }
  const out = code
    .replace(FEATURE_TEST, 'function isEvalSupported() { return false; }')
    .replace(PS_COMPILER, 'return null;')
    .replace(DYNAMIC_IMPORT, 'await Promise.reject(new Error("RLS Lens loads no code at run time"))');
  if (out.includes('new Function')) throw new Error(`new Function left in ${id}: update build/vite-pdfjs-no-eval.ts`);
  return out;
}

export function pdfjsNoEval(): Plugin {
  return {
    name: 'rls-lens:pdfjs-no-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!MAIN.test(id) && !WORKER.test(id)) return null;
      try {
        return { code: stripPdfjsEval(code, id), map: null };
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}
