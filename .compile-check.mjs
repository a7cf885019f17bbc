import { runnerImport } from 'vite';
import { readFileSync } from 'node:fs';
const ROOT = '/work/wt/glossary/';
const { module: compile } = await runnerImport(`${ROOT}glossary/compile.ts`);
const { module: entries } = await runnerImport(`${ROOT}glossary/entries.ts`);
try {
  const g = compile.compileGlossary(readFileSync(`${ROOT}glossary/article.md`, 'utf8'), entries.ENTRIES);
  for (const e of g.entries) console.log(e.id, '|', e.evidence[0]?.sentence?.slice(0, 70) ?? '—', '| claims', e.claims.length, '| mentions', e.mentions);
  if (process.argv[2]) console.log(JSON.stringify(g.forms.filter(f=>f.needsContext), null, 0));
} catch (e) { console.log(e.message); }
