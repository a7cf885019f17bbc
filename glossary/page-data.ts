// What every frame's content script needs of the glossary, compiled at build time: `virtual:rls-lens/page-data`
// (served by glossary/vite-plugin.ts). The matcher as data (core/matcher.ts: a trie string and a regex literal), the
// context rule already compiled, and the entry ids the badge and the popup count by. Terms, definitions, quotes
// and sources stay in `virtual:rls-lens/glossary`, which only the lazily loaded tooltip UI and the extension's own
// pages import, so a frame never parses them.
import { compileContextRule } from '../core/context-rule.ts';
import { compileMatcherData, matcherSource } from '../core/matcher-compile.ts';
import type { Glossary } from './types.ts';

/** JavaScript source of a value made of plain data, typed arrays, Maps and Sets (what compiled rules are made of). */
export function literal(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`page data: ${value} cannot be written`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (value instanceof Int32Array) return `new Int32Array(${JSON.stringify([...value])})`;
  if (value instanceof Uint8Array) return `new Uint8Array(${JSON.stringify([...value])})`;
  if (value instanceof Map) return `new Map(${literal([...value])})`;
  if (value instanceof Set) return `new Set(${literal([...value])})`;
  if (Array.isArray(value)) return `[${value.map(literal).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value)
      .map(([key, v]) => `${JSON.stringify(key)}:${literal(v)}`)
      .join(',')}}`;
  }
  throw new Error(`page data: a ${Object.prototype.toString.call(value)} cannot be written`);
}

/**
 * The module's source. The matcher numbers matches by form (`match.entry` is an index into `glossary.forms`), as
 * the context rule and the tooltip's quote need; `formEntry` maps a form to its entry.
 */
export function pageDataSource(glossary: Glossary): string {
  const matcher = compileMatcherData(glossary.forms.map((form, i) => ({ text: form.text, entry: i })));
  const { entryOf, ...rule } = compileContextRule(glossary.forms);
  const formEntry = glossary.forms.map((form) => form.entry);
  if (entryOf.join() !== formEntry.join()) throw new Error('page data: the context rule numbers forms differently');
  return [
    `export const matcher = ${matcherSource(matcher)};`,
    `export const formEntry = ${literal(formEntry)};`,
    `export const entryIds = ${literal(glossary.entries.map((entry) => entry.id))};`,
    // entryOf is formEntry: written once.
    `export const contextRule = { ...${literal(rule)}, entryOf: new Int32Array(formEntry) };`,
    '',
  ].join('\n');
}
