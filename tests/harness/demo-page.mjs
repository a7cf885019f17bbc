// The demo page `npm start` serves: the shipped article itself, so every glossary term lights up.
import { readFile } from 'node:fs/promises';
import { ROOT } from './launch.mjs';

const escape = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function demoPage() {
  const md = await readFile(`${ROOT}glossary/article.md`, 'utf8');
  const blocks = md.split(/\n{2,}/).map((block) => {
    const heading = /^(#{1,3}) (.*)$/.exec(block.trim());
    if (heading) {
      const [, hashes = '', text = ''] = heading;
      return `<h${hashes.length}>${escape(text)}</h${hashes.length}>`;
    }
    return `<p>${escape(block.trim())}</p>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>RLS Lens demo — the article</title>
<style>
  body { font: 18px/1.6 Georgia, 'DejaVu Serif', serif; max-width: 44rem; margin: 2rem auto; padding: 0 1.25rem; color: #1d232a; background: #fbfaf7; }
  h1 { font-size: 1.9rem; line-height: 1.25; } h2 { font-size: 1.3rem; margin-top: 2rem; }
  p:nth-of-type(1) { color: #5a6470; font-style: italic; }
</style></head><body><article>${blocks.join('\n')}</article></body></html>`;
}
