// The modules served by glossary/vite-plugin.ts.
// Import types, not import declarations: relative imports inside `declare module` do not resolve.

/** The compiled, validated glossary: the tooltip UI and the extension's pages. */
declare module 'virtual:rls-lens/glossary' {
  const glossary: import('./types').Glossary;
  export default glossary;
}

/** What every frame's content script needs, precompiled (glossary/page-data.ts). */
declare module 'virtual:rls-lens/page-data' {
  /** The matcher of every surface form; `match.entry` is the form's index in `glossary.forms`. */
  export const matcher: import('../core/matcher').MatcherData;
  /** For each form: the index of its entry in `glossary.entries`. */
  export const formEntry: readonly number[];
  /** For each entry: its id. */
  export const entryIds: readonly string[];
  /** compileContextRule(glossary.forms), compiled at build time. */
  export const contextRule: import('../core/context-rule').ContextRule;
}

// The article with its glossary terms marked (glossary/compile-article.ts), for the overview page.
declare module 'virtual:rls-lens/article' {
  const article: import('./compile-article').ArticleData;
  export default article;
}

/** Each entry's id and every name the matcher knows it by (term, aliases, outside aliases): the background's look-up. */
declare module 'virtual:rls-lens/names' {
  const names: readonly { id: string; names: readonly string[] }[];
  export default names;
}
