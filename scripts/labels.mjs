// `node scripts/labels.mjs FILE…`: the labels real pages get. For each .txt or .html file (tags stripped roughly,
// one block per paragraph-like element), runs the compiled glossary's matcher and the context rule block by block, as
// the content script does (tests/harness/read-page.ts, the reader the context-rule tests use), and lists which forms
// were lit as which entry, how often, and which were held back (no context on the page), dark (the page defines the
// acronym as something else) or another sense by their neighbours.
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
/** @type {{ module: typeof import('../tests/harness/read-page.ts') }} */
const { module: reading } = await runnerImport(`${ROOT}tests/harness/read-page.ts`);
const glossary = compile.compileGlossary(await readFile(`${ROOT}glossary/article.md`, 'utf8'), entries.ENTRIES);
const reader = reading.pageReader(glossary);

let totals = { lit: 0, held: 0, dark: 0, other: 0 };

for (const path of files) {
  const blocks = reading.blocksOf(path, await readFile(path, 'utf8'));
  const { labels, page } = reader.read(blocks);
  const groups = { lit: new Map(), held: new Map(), dark: new Map(), other: new Map() };
  for (const label of labels) {
    totals[label.verdict]++;
    const key = `${label.text.replace(/\s+/g, ' ')} → ${label.entryId}`;
    const text = /** @type {string} */ (blocks[label.block]);
    const around = text.slice(Math.max(0, label.start - 30), label.end + 30).replace(/\s+/g, ' ');
    const group = groups[label.verdict].get(key) ?? { count: 0, example: around };
    group.count++;
    groups[label.verdict].set(key, group);
  }
  const anchors = [...page.anchors].map((e) => glossary.entries[e].id);
  console.log(
    `\n## ${basename(path)} — ${blocks.length} blocks; page is about: ${anchors.join(', ') || 'nothing in the glossary'}`,
  );
  if (page.vetoed.size) console.log(`   acronyms defined as something else here: ${[...page.vetoed].join(', ')}`);
  /**
   * @param {string} title
   * @param {Map<string, { count: number, example: string }>} map
   * @param {boolean} withExample
   */
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
  if (labels.length === 0) console.log('   no glossary forms');
}
console.log(
  `\nTotal: ${totals.lit} lit, ${totals.held} held back, ${totals.dark} dark, ${totals.other} another sense.`,
);
