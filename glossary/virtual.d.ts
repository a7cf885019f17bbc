// The module served by glossary/vite-plugin.ts: the compiled, validated glossary.
declare module 'virtual:rls-lens/glossary' {
  import type { Glossary } from './types';
  const glossary: Glossary;
  export default glossary;
}
