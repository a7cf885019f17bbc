// build/vite-pdfjs-no-eval.ts on the pdfjs-dist files the reader bundles: every eval site and variable import() is
// gone, and a file that no longer has the expected shape fails the build instead of passing unchanged.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stripPdfjsEval } from '../../../build/vite-pdfjs-no-eval';

const file = (name: string) =>
  fileURLToPath(new URL(`../../../node_modules/pdfjs-dist/build/${name}`, import.meta.url));
const MAIN = file('pdf.mjs');
const WORKER = file('pdf.worker.mjs');
const VARIABLE_IMPORT = /\bimport\(\s*(\/\*[^*]*\*\/\s*)*[A-Za-z_$][\w$.]*\s*\)/;

describe('the pdf.js eval strip', () => {
  for (const id of [MAIN, WORKER]) {
    it(`leaves no new Function and no import(<variable>) in ${id.split('/').pop()}`, () => {
      const code = readFileSync(id, 'utf8');
      expect(code).toContain('new Function');
      expect(code).toMatch(VARIABLE_IMPORT);
      const out = stripPdfjsEval(code, id);
      expect(out).not.toContain('new Function');
      expect(out).not.toMatch(VARIABLE_IMPORT);
      expect(out).toContain('function isEvalSupported() { return false; }');
    });
  }

  it('keeps the PostScript interpreter the worker falls back to', () => {
    const out = stripPdfjsEval(readFileSync(WORKER, 'utf8'), WORKER);
    expect(out).toContain('info("Unable to compile PS function")');
    expect(out).toContain('return null;');
  });

  it('fails when pdf.js changes shape, so an update cannot bring an eval site back unseen', () => {
    const code = readFileSync(WORKER, 'utf8');
    expect(() => stripPdfjsEval(code.replace('new Function("")', 'new Function(" ")'), WORKER)).toThrow(
      /update build\/vite-pdfjs-no-eval\.ts/,
    );
    expect(() => stripPdfjsEval(`${code}\nnew Function("a", "return a");`, WORKER)).toThrow(/new Function left/);
    expect(() => stripPdfjsEval(readFileSync(MAIN, 'utf8'), WORKER)).toThrow(/PostScript compiler/);
  });
});
