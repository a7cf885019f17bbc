// The module served by glossary/vite-plugin.ts: the compiled, validated glossary.
// An import type, not an import declaration: relative imports inside `declare module` do not resolve.
declare module 'virtual:rls-lens/glossary' {
  const glossary: import('./types').Glossary;
  export default glossary;
}

// The article with its glossary terms marked (glossary/compile-article.ts), for the overview page.
declare module 'virtual:rls-lens/article' {
  const article: import('./compile-article').ArticleData;
  export default article;
}
