// Which entry a selection is about, for the context menu's look-up (background/selection-menu.ts): words the reader
// selected on a page that RLS Lens did not highlight — a misspelling ("feritin"), a plural or another inflection
// ("ferritins level"), a synonym the page's context held back, a term inside a longer phrase. Unlike the search box,
// which ranks prefixes first because a person is still typing, a selection is finished words: a name must match a
// run of whole words of it, exactly or within a typo or two (as the search box forgives them). Nothing close: no
// entry, and the look-up opens the overview's full search instead.
import { allowedTypos, editDistance, normalize } from './search-glossary';

export interface NamedEntry {
  id: string;
  /** The term, aliases and outside aliases (the glossary's forms). */
  names: readonly string[];
}

export interface Closest {
  id: string;
  /** The name that matched, and the words of the selection it matched. */
  name: string;
  words: string;
  /** 100 exact; 90 − 10 per typo. */
  score: number;
}

/** A selection's words looked at: a sentence is enough to find the term in it. */
const MAX_WORDS = 24;

/** The entry whose name is closest to a run of the selection's words; undefined when no name is close. */
export function closestEntry(entries: readonly NamedEntry[], selection: string): Closest | undefined {
  const words = normalize(selection).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  const named = entries.flatMap((entry) => entry.names.map((name) => ({ id: entry.id, name, norm: normalize(name) })));
  const longest = Math.max(0, ...named.map((n) => n.norm.split(' ').length));
  let best: (Closest & { at: number }) | undefined;
  for (let size = Math.min(longest, words.length); size >= 1; size--) {
    for (let at = 0; at + size <= words.length; at++) {
      const phrase = words.slice(at, at + size).join(' ');
      for (const { id, name, norm } of named) {
        const typos = allowedTypos(norm);
        const distance = phrase === norm ? 0 : editDistance(phrase, norm, typos);
        if (distance > typos) continue;
        const score = distance === 0 ? 100 : 90 - 10 * distance;
        // Better: a closer name; then more of the selection matched; then the earlier words.
        if (
          !best ||
          score > best.score ||
          (score === best.score && phrase.length > best.words.length) ||
          (score === best.score && phrase.length === best.words.length && at < best.at)
        )
          best = { id, name, words: phrase, score, at };
      }
    }
  }
  if (!best) return undefined;
  const { at: _, ...closest } = best;
  return closest;
}
