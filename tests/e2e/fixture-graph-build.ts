// Until glossary/entries.ts carries `leadsTo`, the shipped glossary has no concept-map graph and the overview shows
// no map. The overview E2E test then builds the extension once more, into its own folder, with the test fixture's
// graph (tests/fixtures/concept-map-graph.ts) added to the compiled glossary, so the map can be tested and
// screenshotted. Nothing here touches the shipped build; once the real graph lands, `needsFixtureGraph` is false and
// the test uses `npm run build:all`'s output like every other.
import { build } from 'wxt';
import type { Plugin } from 'vite';
import glossary from 'virtual:rls-lens/glossary';
import { ROOT } from '../../scripts/launch.mjs';
import { withFixtureGraph } from '../fixtures/concept-map-graph';

const GLOSSARY_ID = '\0virtual:rls-lens/glossary';
export const FIXTURE_OUT_DIR = '.output-concept-map-fixture';

export const needsFixtureGraph = (): boolean =>
  !glossary.entries.some((entry) => ((entry as { leadsTo?: string[] }).leadsTo ?? []).length > 0);

/** Adds the fixture's edges to the compiled glossary module (its code is `export default <JSON>;`). */
function fixtureGraph(): Plugin {
  return {
    name: 'rls-lens-test:fixture-graph',
    enforce: 'post',
    transform(code, id) {
      if (id !== GLOSSARY_ID) return null;
      const compiled = JSON.parse(code.replace(/^export default /, '').replace(/;\s*$/, ''));
      compiled.entries = withFixtureGraph(compiled.entries);
      return { code: `export default ${JSON.stringify(compiled)};\n`, map: null };
    },
  };
}

/** Builds both browsers' extensions with the fixture graph into FIXTURE_OUT_DIR. */
export async function buildWithFixtureGraph(): Promise<void> {
  for (const browser of ['chrome', 'firefox'] as const) {
    await build({ root: ROOT, browser, outDir: FIXTURE_OUT_DIR, vite: () => ({ plugins: [fixtureGraph()] }) });
  }
}

