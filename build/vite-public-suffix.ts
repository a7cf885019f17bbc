// The Public Suffix List (tldts) is for the extension pages that create and sort site rules (settings/site-domain.ts),
// never for the content script, which reads settings only through settings/site-settings.ts (scripts/release/check-bundles.mjs
// fails the lint if the list reaches a content script). One bundler setting keeps the pages' share small: Rolldown's
// cross-module constant inlining copies tldts's 68 KB label string into each of its three uses (+140 kB raw, +66 kB
// gzipped for the popup and the overview page). Nothing else in the project changes size without it.
import type { Plugin } from 'vite';

export function publicSuffixList(): Plugin {
  return {
    name: 'rls-lens:public-suffix-list',
    config: () => ({
      build: {
        rolldownOptions: {
          optimization: { inlineConst: false },
        },
      },
    }),
  };
}
