// Search over the glossary as a person types: terms and aliases first, then definitions; forgiving of one or two
// typos ("feritin", "dopamin"), of case, accents and hyphens. Hand-rolled: 36 entries do not need an index, and
// a fuzzy-search library would outweigh the whole popup.
import type { GlossaryEntry } from '../../glossary/types';

export interface SearchHit {
  entry: GlossaryEntry;
  score: number;
  /** The name (term or alias) that matched, when it was not the term itself: shown so a hit is explained. */
  via: string | null;
}

/** Lowercase, no accents, hyphens and dashes as spaces, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim();
}

/** Optimal-string-alignment distance (a swap of neighbours counts once), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Typos forgiven in a word of this length: none in short words, where one changes the word. */
export const allowedTypos = (word: string) => (word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0);

/** How well one query word matches one word of a name: 3 exact, 2 prefix, 1 near miss, 0 none. */
function wordScore(query: string, word: string): number {
  if (word === query) return 3;
  if (word.startsWith(query)) return 2;
  const typos = allowedTypos(query);
  if (typos === 0) return 0;
  // A typo in what has been typed so far: compare with the word's beginning of the same length too.
  const near = Math.min(editDistance(query, word, typos), editDistance(query, word.slice(0, query.length), typos));
  return near <= typos ? 1 : 0;
}

/** Every query word must match some word of the text; the score is the weakest of those matches (0 = no match). */
function wordsScore(queryWords: string[], text: string): number {
  const words = text.split(' ');
  let weakest = 3;
  for (const q of queryWords) {
    let bestForWord = 0;
    for (const w of words) bestForWord = Math.max(bestForWord, wordScore(q, w));
    if (bestForWord === 0) return 0;
    weakest = Math.min(weakest, bestForWord);
  }
  return weakest;
}

function nameScore(query: string, queryWords: string[], name: string): number {
  if (name === query) return 100;
  if (name.startsWith(query)) return 90;
  const words = wordsScore(queryWords, name);
  if (words >= 2) return 70 + words * 5;
  if (name.includes(query)) return 65;
  if (words === 1) return 50;
  return 0;
}

export function searchGlossary(entries: readonly GlossaryEntry[], query: string, limit = 12): SearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  const queryWords = q.split(' ');
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    let score = 0;
    let via: string | null = null;
    for (const name of [entry.term, ...entry.aliases, ...entry.outsideAliases]) {
      // Aliases rank a little below the term, so "RLS" lists the entry named for it first.
      const s = nameScore(q, queryWords, normalize(name)) - (name === entry.term ? 0 : 2);
      if (s > score) {
        score = s;
        via = name === entry.term ? null : name;
      }
    }
    if (score === 0) {
      // Definitions only by whole words or prefixes: typo tolerance over long prose finds too much.
      const definition = normalize(entry.definition);
      if (definition.includes(q)) score = 30;
      else if (queryWords.every((w) => w.length >= 3) && wordsScore(queryWords, definition) >= 2) score = 20;
    }
    if (score > 0) hits.push({ entry, score, via });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.term.localeCompare(b.entry.term));
  return hits.slice(0, limit);
}
