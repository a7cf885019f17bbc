import type { Plugin } from 'vite';

/**
 * Removes Preact's `dangerouslySetInnerHTML` support from the bundle. RLS Lens renders every glossary and page
 * string as text; no code path may parse HTML. Preact's diff keeps a single `dom.innerHTML = props.__html`
 * assignment for that prop, which is dead code here and which addons-linter rightly flags. The assignment becomes
 * a thrown error, so the feature is gone rather than hidden. The build fails if Preact's code changes shape.
 */
export function noInnerHtml(): Plugin {
  const assignment = /([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html/g;
  return {
    name: 'rls-lens:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id)) return null;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1) {
        this.error(
          `expected exactly one innerHTML assignment in ${id}, found ${found}: update build/vite-no-inner-html.ts`,
        );
      }
      return {
        code: code.replace(
          assignment,
          '(()=>{throw Error("RLS Lens renders text only: dangerouslySetInnerHTML is disabled")})()',
        ),
        map: null,
      };
    },
  };
}
