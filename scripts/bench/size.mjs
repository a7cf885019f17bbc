// What a frame downloads and evaluates of RLS Lens: the content scripts injected into every frame (the manifest's,
// and those the background registers at run time, which WXT writes to content-scripts/), plus
// any extension script the with-extension traces show a frame loading before any interaction (a start-up chunk).
// Bytes and gzip level 9 bytes. Scripts content.js names (chunks/…, and the web-accessible scripts it imports on
// demand, such as tooltip-ui.js, which the session names) that no frame loaded at start-up are listed as lazy; the
// session itself, loaded at start-up only by frames whose text can hold a term, is listed apart.
import { readFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * The built manifest's fields read here (web_accessible_resources: strings in MV2, objects in MV3).
 * @typedef {{ content_scripts?: { js?: string[], css?: string[] }[],
 *   web_accessible_resources?: (string | { resources?: string[] })[] }} BuiltManifest
 */
/**
 * One built file's weight: bytes, and bytes after gzip -9.
 * @typedef {{ path: string, bytes: number, gzip: number }} FileSize
 */
/**
 * What a frame loads of RLS Lens (report.mjs sizeLine).
 * @typedef {Awaited<ReturnType<typeof contentScriptSize>>} ContentScriptSize
 */

/**
 * @param {string} dir
 * @param {string} path relative to dir
 * @returns {Promise<FileSize>}
 */
async function sizeOf(dir, path) {
  const bytes = await readFile(`${dir}/${path}`);
  return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** @param {string} dir the built extension (.output/chrome-mv3) @param {string[]} seenUrls extension URLs in the traces */
export async function contentScriptSize(dir, seenUrls = []) {
  /** @type {BuiltManifest} */
  const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8'));
  const registered = existsSync(`${dir}/content-scripts`)
    ? readdirSync(`${dir}/content-scripts`).map((name) => `content-scripts/${name}`)
    : [];
  const declared = (/** @type {'js' | 'css'} */ key) => (manifest.content_scripts ?? []).flatMap((c) => c[key] ?? []);
  const injected = [...new Set([...declared('js'), ...registered.filter((p) => p.endsWith('.js'))])];
  const css = [...new Set([...declared('css'), ...registered.filter((p) => p.endsWith('.css'))])];
  const seen = seenUrls
    .map((u) => u.replace(/^[a-z-]+:\/\/[^/]+\//, ''))
    .filter((p) => p.endsWith('.js') && existsSync(`${dir}/${p}`));
  const accessible = (manifest.web_accessible_resources ?? [])
    .flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? [])))
    .filter((p) => p.endsWith('.js'));
  // The modules the content script imports (the session, the tooltip UI) load in a frame only once it has a use for
  // them: the session when the frame's text can hold a term, which on a page with terms is at start-up.
  const startup = [...new Set([...injected, ...seen.filter((p) => !accessible.includes(p))])];
  const onOpen = [...new Set(seen.filter((p) => accessible.includes(p)))];
  const files = await Promise.all(startup.map((p) => sizeOf(dir, p)));
  /** @type {Set<string>} */
  const named = new Set();
  for (const p of [...injected, ...onOpen]) {
    const code = await readFile(`${dir}/${p}`, 'utf8');
    for (const m of code.matchAll(/chunks\/[\w.-]+\.js/g)) named.add(m[0]);
    for (const file of accessible) if (code.includes(file)) named.add(file);
  }
  const lazy = await Promise.all(
    [...named]
      .filter((p) => !startup.includes(p) && !onOpen.includes(p) && existsSync(`${dir}/${p}`))
      .map((p) => sizeOf(dir, p)),
  );
  return {
    files,
    opened: await Promise.all(onOpen.map((p) => sizeOf(dir, p))),
    css: await Promise.all(css.map((p) => sizeOf(dir, p))),
    lazy,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}
