// A catalogue message with elements in it: "Highlight terms on {host}", where {host} is a <span> of its own. The
// message stays one sentence for translators (word order is theirs), and each placeholder becomes the element given
// for it, rendered as a child like any other (never as markup).
import type { ComponentChildren } from 'preact';
import type { GeneratedI18nStructure } from '#i18n';
import { t } from '../../core/i18n';

type Structure = GeneratedI18nStructure;
/** Messages with named placeholders, no count and no $n. */
type RichKey = {
  [K in keyof Structure]: Structure[K] extends {
    plural: false;
    substitutions: 0;
    namedSubstitutions: readonly string[];
  }
    ? K
    : never;
}[keyof Structure];
type PlaceholdersOf<K extends RichKey> = Structure[K] extends { namedSubstitutions: readonly (infer N)[] }
  ? N & string
  : never;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/;

/** The message `key` with each `{name}` replaced by `parts[name]`. */
export function richMessage<K extends RichKey>(
  key: K,
  parts: Record<PlaceholdersOf<K>, ComponentChildren>,
): ComponentChildren[] {
  const names = Object.keys(parts) as PlaceholdersOf<K>[];
  // Each placeholder substituted by itself: the message comes back with its placeholders where the translation put them.
  const keep = Object.fromEntries(names.map((name) => [name, `{${name}}`]));
  const template = (t as (key: string, named: Record<string, string>) => string)(key, keep);
  // split() with a capture group: odd indexes are placeholder names.
  return template
    .split(PLACEHOLDER)
    .map((piece, i) => (i % 2 === 0 ? piece : ((parts as Record<string, ComponentChildren>)[piece] ?? `{${piece}}`)))
    .filter((piece) => piece !== '');
}
