// The floor of the benchmark (issue #22): an extension whose content script is empty (`void 0;`), injected where
// RLS Lens's is (every URL, every frame, about:blank frames too, at document_idle). What any extension that reads
// every page must pay — the isolated world in every frame — so "over the floor" is what RLS Lens itself adds.
// Generated into a temporary folder on each run: MV3 for Chromium, MV2 for Firefox, as RLS Lens's own builds.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Firefox wants an id for an MV2 add-on it installs from a folder; this one names no one's. */
const FLOOR_GECKO_ID = 'empty-content-script@bench.invalid';

/**
 * The manifest of the floor extension for one browser.
 * @param {'chromium' | 'firefox'} kind
 * @returns {Record<string, unknown>}
 */
export function floorManifest(kind) {
  const contentScripts = [
    { matches: ['<all_urls>'], js: ['content.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' },
  ];
  const common = {
    name: 'Empty content script',
    version: '1.0',
    description: 'The benchmark floor: a content script that does nothing.',
    content_scripts: contentScripts,
  };
  return kind === 'chromium'
    ? { manifest_version: 3, ...common }
    : { manifest_version: 2, ...common, browser_specific_settings: { gecko: { id: FLOOR_GECKO_ID } } };
}

/**
 * Writes the floor extension for `kind` into a new temporary folder and returns the folder.
 * @param {'chromium' | 'firefox'} kind
 */
export async function writeFloorExtension(kind) {
  const dir = await mkdtemp(join(tmpdir(), `rls-lens-bench-floor-${kind}-`));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(floorManifest(kind), null, 2)}\n`);
  await writeFile(join(dir, 'content.js'), 'void 0;\n');
  return dir;
}
