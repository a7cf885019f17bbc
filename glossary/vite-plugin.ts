// Serves `virtual:rls-lens/glossary`: the glossary compiled from article.md and entries.ts at build time, as plain
// data. Compiling here (not in the extension) means a bad entry fails the build instead of shipping, and pages
// only load finished JSON. Also serves `virtual:rls-lens/page-data` (glossary/page-data.ts): the precompiled matcher
// and context rule, all that a frame's content script loads of the glossary; and `virtual:rls-lens/article`: the
// article with its terms marked, for the overview page only (the content script never imports it); and
// `virtual:rls-lens/names`: each entry's id and names, all the background needs to find a selection's entry.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileArticle } from './compile-article.ts';
import { compileGlossary } from './compile.ts';
import { ENTRIES } from './entries.ts';
import { pageDataSource } from './page-data.ts';
import type { EntrySource, Glossary } from './types.ts';

const GLOSSARY_MODULE_ID = 'virtual:rls-lens/glossary';
const PAGE_DATA_MODULE_ID = 'virtual:rls-lens/page-data';
// The "\0" prefix is Vite's convention: other plugins leave the id alone and it never reaches the filesystem.
const RESOLVED_ID = `\0${GLOSSARY_MODULE_ID}`;
const RESOLVED_PAGE_DATA_ID = `\0${PAGE_DATA_MODULE_ID}`;
const ARTICLE_MODULE_ID = 'virtual:rls-lens/article';
const RESOLVED_ARTICLE_ID = `\0${ARTICLE_MODULE_ID}`;
const NAMES_MODULE_ID = 'virtual:rls-lens/names';
const RESOLVED_NAMES_ID = `\0${NAMES_MODULE_ID}`;
const MODULES = new Map([
  [GLOSSARY_MODULE_ID, RESOLVED_ID],
  [PAGE_DATA_MODULE_ID, RESOLVED_PAGE_DATA_ID],
  [ARTICLE_MODULE_ID, RESOLVED_ARTICLE_ID],
  [NAMES_MODULE_ID, RESOLVED_NAMES_ID],
]);
const RESOLVED = new Set(MODULES.values());

export interface GlossaryPluginOptions {
  /** Defaults to glossary/article.md under the Vite root. */
  articlePath?: string;
  /** Defaults to glossary/entries.ts; tests pass bad lists to see the build fail. */
  entries?: readonly EntrySource[];
}

export function glossary(options: GlossaryPluginOptions = {}): Plugin {
  let root = process.cwd();
  /** The last compilation, by article text: every module of one build comes from one compilation. */
  let last: { article: string; glossary: Glossary } | undefined;
  return {
    name: 'rls-lens:glossary',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return MODULES.get(id) ?? null;
    },
    load(id) {
      if (!RESOLVED.has(id)) return null;
      const articlePath = options.articlePath ?? resolve(root, 'glossary/article.md');
      this.addWatchFile(articlePath);
      try {
        const article = readFileSync(articlePath, 'utf8');
        if (last?.article !== article)
          last = { article, glossary: compileGlossary(article, options.entries ?? ENTRIES) };
        const { glossary } = last;
        let code: string;
        if (id === RESOLVED_PAGE_DATA_ID) code = pageDataSource(glossary);
        // The article is marked with the compiled entries' forms: the very list the content script matches.
        else if (id === RESOLVED_ARTICLE_ID)
          code = `export default ${JSON.stringify(compileArticle(article, glossary.entries))};\n`;
        else if (id === RESOLVED_NAMES_ID)
          code = `export default ${JSON.stringify(glossary.entries.map(({ id, forms }) => ({ id, names: forms })))};\n`;
        else code = `export default ${JSON.stringify(glossary)};\n`;
        return { code, map: null };
      } catch (error) {
        last = undefined;
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
