// Serves `virtual:rls-lens/glossary`: the glossary compiled from article.md and entries.ts at build time, as plain
// data. Compiling here (not in the extension) means a bad entry fails the build instead of shipping, and pages
// only load finished JSON. Also serves `virtual:rls-lens/article`: the article with its terms marked, for the
// overview page only (the content script never imports it).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileArticle } from './compile-article.ts';
import { compileGlossary } from './compile.ts';
import { ENTRIES } from './entries.ts';
import type { EntrySource } from './types.ts';

const GLOSSARY_MODULE_ID = 'virtual:rls-lens/glossary';
// The "\0" prefix is Vite's convention: other plugins leave the id alone and it never reaches the filesystem.
const RESOLVED_ID = `\0${GLOSSARY_MODULE_ID}`;
const ARTICLE_MODULE_ID = 'virtual:rls-lens/article';
const RESOLVED_ARTICLE_ID = `\0${ARTICLE_MODULE_ID}`;

export interface GlossaryPluginOptions {
  /** Defaults to glossary/article.md under the Vite root. */
  articlePath?: string;
  /** Defaults to glossary/entries.ts; tests pass bad lists to see the build fail. */
  entries?: readonly EntrySource[];
}

export function glossary(options: GlossaryPluginOptions = {}): Plugin {
  let root = process.cwd();
  return {
    name: 'rls-lens:glossary',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id === GLOSSARY_MODULE_ID) return RESOLVED_ID;
      return id === ARTICLE_MODULE_ID ? RESOLVED_ARTICLE_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_ARTICLE_ID) return null;
      const articlePath = options.articlePath ?? resolve(root, 'glossary/article.md');
      this.addWatchFile(articlePath);
      let compiled;
      try {
        const article = readFileSync(articlePath, 'utf8');
        compiled = compileGlossary(article, options.entries ?? ENTRIES);
        // The article is marked with the compiled entries' forms: the very list the content script matches.
        if (id === RESOLVED_ARTICLE_ID) compiled = compileArticle(article, compiled.entries);
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
      return { code: `export default ${JSON.stringify(compiled)};\n`, map: null };
    },
  };
}
