// Serves `virtual:rls-lens/glossary`: the glossary compiled from article.md and entries.ts at build time, as plain
// data. Compiling here (not in the extension) means a bad entry fails the build instead of shipping, and pages
// only load finished JSON. Also serves `virtual:rls-lens/page-data` (glossary/page-data.ts): the precompiled matcher
// and context rule, all that a frame's content script loads of the glossary.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileGlossary } from './compile.ts';
import { ENTRIES } from './entries.ts';
import { pageDataSource } from './page-data.ts';
import type { EntrySource, Glossary } from './types.ts';

const GLOSSARY_MODULE_ID = 'virtual:rls-lens/glossary';
const PAGE_DATA_MODULE_ID = 'virtual:rls-lens/page-data';
// The "\0" prefix is Vite's convention: other plugins leave the id alone and it never reaches the filesystem.
const RESOLVED_ID = `\0${GLOSSARY_MODULE_ID}`;
const RESOLVED_PAGE_DATA_ID = `\0${PAGE_DATA_MODULE_ID}`;

export interface GlossaryPluginOptions {
  /** Defaults to glossary/article.md under the Vite root. */
  articlePath?: string;
  /** Defaults to glossary/entries.ts; tests pass bad lists to see the build fail. */
  entries?: readonly EntrySource[];
}

export function glossary(options: GlossaryPluginOptions = {}): Plugin {
  let root = process.cwd();
  /** The last compilation, by article text: both modules of one build come from one compilation. */
  let last: { article: string; glossary: Glossary } | undefined;
  return {
    name: 'rls-lens:glossary',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id === GLOSSARY_MODULE_ID) return RESOLVED_ID;
      return id === PAGE_DATA_MODULE_ID ? RESOLVED_PAGE_DATA_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_PAGE_DATA_ID) return null;
      const articlePath = options.articlePath ?? resolve(root, 'glossary/article.md');
      this.addWatchFile(articlePath);
      try {
        const article = readFileSync(articlePath, 'utf8');
        if (last?.article !== article) last = { article, glossary: compileGlossary(article, options.entries ?? ENTRIES) };
        const code = id === RESOLVED_ID ? `export default ${JSON.stringify(last.glossary)};\n` : pageDataSource(last.glossary);
        return { code, map: null };
      } catch (error) {
        last = undefined;
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
