// The Public Suffix List (tldts) is for the extension pages that create and sort site rules (settings/site-domain.ts),
// never for the content script, which runs in every page. Two bundler settings make that so:
//
// - tldts builds its lookup tables in a top-level loop, which a bundler must keep wherever tldts is imported. The
//   content script imports settings/ (through settings/index.ts, which also re-exports the rule-list helpers), so
//   without this the list lands in every page although the content script calls none of it. tldts's load-time work
//   touches only its own module-scoped arrays, so declaring it free of side effects is true, and it is then
//   included only where one of its exports is used. scripts/check-bundles.mjs fails the lint if it reaches the
//   content script again.
// - Rolldown's cross-module constant inlining copies tldts's 68 KB label string into each of its three uses
//   (+140 kB raw, +66 kB gzipped for the popup and the overview page). Nothing else in the project changes size
//   without it.
import type { Plugin } from 'vite';

const TLDTS = /[\\/]node_modules[\\/]tldts(?:-core)?[\\/]/;

export function publicSuffixList(): Plugin {
  return {
    name: 'rls-lens:public-suffix-list',
    config: () => ({
      build: {
        rolldownOptions: {
          optimization: { inlineConst: false },
          treeshake: { moduleSideEffects: (id: string) => (TLDTS.test(id) ? false : undefined) },
        },
      },
    }),
  };
}
