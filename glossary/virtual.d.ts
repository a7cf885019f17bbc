// The module served by glossary/vite-plugin.ts: the compiled, validated glossary.
// An import type, not an import declaration: relative imports inside `declare module` do not resolve.
declare module 'virtual:rls-lens/glossary' {
  const glossary: import('./types').Glossary;
  export default glossary;
}
