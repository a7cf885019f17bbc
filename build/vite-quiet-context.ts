import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const WXT_CONTEXT = 'wxt/utils/content-script-context';

/**
 * Gives every module that imports WXT's ContentScriptContext (WXT's own content script entry first) the class in
 * `file` instead (content/script-context.ts: the same context, without the CustomEvent WXT dispatches on the page's
 * document). `file` itself still gets WXT's, which it extends.
 */
export function quietContentScriptContext(file: string): Plugin {
  const own = resolve(file);
  return {
    name: 'rls-lens:quiet-content-script-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== WXT_CONTEXT || (importer && resolve(importer.split('?')[0]!) === own)) return null;
      return own;
    },
  };
}
