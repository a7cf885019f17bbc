// `node scripts/labels.mjs FILE…`: the labels real pages get. For each .txt or .html file (tags stripped roughly,
// one block per paragraph-like element), runs the compiled glossary's matcher and the context rule block by block, as
// the content script does, and lists which forms were lit as which entry, how often, and which were held back (no
// context on the page), dark (the page defines the acronym as something else) or another sense by their neighbours.
// For a person to read: it passes or fails nothing.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { cli, COMMANDS, labelsArgs } from '../tests/harness/cli-args.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { files } = cli(labelsArgs, COMMANDS.labels);

const { module: compile } = await runnerImport(`${ROOT}glossary/compile.ts`);
const { module: entries } = await runnerImport(`${ROOT}glossary/entries.ts`);
const { module: matching } = await runnerImport(`${ROOT}core/matcher-compile.ts`);
const { module: context } = await runnerImport(`${ROOT}core/context-rule.ts`);
const glossary = compile.compileGlossary(await readFile(`${ROOT}glossary/article.md`, 'utf8'), entries.ENTRIES);
const matcher = matching.compileMatcher(glossary.forms.map((form, i) => ({ text: form.text, entry: i })));
const rule = context.compileContextRule(glossary.forms);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });

/** Rough blocks: what the scanner would treat as separate units of text. */
function blocksOf(path, source) {
  if (!path.endsWith('.html') && !path.endsWith('.htm')) return source.split(/\n\s*\n|\n(?=[-•*#] )/).map((b) => b.trim()).filter(Boolean);
  const body = source
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|math|textarea|select|head)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return body
    .split(/<\/?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|table|section|article|header|footer|nav|aside|main|blockquote|pre|dd|dt|dl|figure|figcaption|form|br|hr|body|html)\b[^>]*>/i)
    .map((b) => decode(b.replace(/<[^>]*>/g, '')).trim())
    .filter(Boolean);
}

const entryOf = (form) => glossary.entries[glossary.forms[form].entry].id;
let totals = { lit: 0, held: 0, dark: 0, other: 0 };

for (const path of files) {
  const blocks = blocksOf(path, await readFile(path, 'utf8'));
  const page = new context.PageContext(rule);
  const found = [];
  for (const text of blocks) {
    const matches = matcher.find(text);
    const { verdicts } = page.read(text, matches);
    matches.forEach((m, k) => found.push({ text: text.slice(m.start, m.end), form: m.entry, verdict: verdicts[k], around: text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ') }));
  }
  const groups = { lit: new Map(), held: new Map(), dark: new Map(), other: new Map() };
  for (const f of found) {
    const verdict = f.verdict === 'other' ? 'other' : page.status(f.form);
    totals[verdict]++;
    const key = `${f.text.replace(/\s+/g, ' ')} → ${entryOf(f.form)}`;
    const group = groups[verdict].get(key) ?? { count: 0, example: f.around };
    group.count++;
    groups[verdict].set(key, group);
  }
  const anchors = [...page.anchors].map((e) => glossary.entries[e].id);
  console.log(`\n## ${basename(path)} — ${blocks.length} blocks; page is about: ${anchors.join(', ') || 'nothing in the glossary'}`);
  if (page.vetoed.size) console.log(`   acronyms defined as something else here: ${[...page.vetoed].join(', ')}`);
  const show = (title, map, withExample) => {
    if (map.size === 0) return;
    console.log(`   ${title}:`);
    for (const [key, { count, example }] of [...map].sort((a, b) => b[1].count - a[1].count)) {
      console.log(`     ${String(count).padStart(3)} × ${key}${withExample ? `   «…${example}…»` : ''}`);
    }
  };
  show('lit', groups.lit, false);
  show('held back (no context on this page)', groups.held, true);
  show('dark (acronym defined otherwise)', groups.dark, true);
  show('another sense (neighbouring words)', groups.other, true);
  if (found.length === 0) console.log('   no glossary forms');
}
console.log(`\nTotal: ${totals.lit} lit, ${totals.held} held back, ${totals.dark} dark, ${totals.other} another sense.`);
