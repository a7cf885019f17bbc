// The matcher at run time: walks a trie compiled at build time (core/matcher-compile.ts) over a string, in one pass.
// Pure code, no DOM. The content script gets its data from `virtual:rls-lens/page-data`, so a frame builds no trie
// and no regular expression: it only reads a string and runs a regex literal.
//
// Rules (the tests hold the reference implementation):
// - a form matches only as whole words: the characters around it are not letters, marks, digits or "_"
//   (Unicode-aware, so "iron" is not found in "environment" and "RLS" not in "URLs" or "girls");
// - words written in capitals only (acronyms such as "RLS", also inside "secondary RLS") match only in capitals;
//   other words match in any case;
// - a space or hyphen inside a form matches any run of whitespace, line breaks, no-break spaces and hyphens,
//   so "iron-deficiency anemia" finds "iron deficiency\nanemia";
// - at each position the longest form wins, matches never overlap, and the search goes left to right.
//
// How: `candidate`, one regular expression of the first characters of every form (case-folded), finds the next
// position where some form may start (native code, one call for a whole run of term-free text); a walk of the exact
// trie at that position applies the case rules, the word boundaries and picks the longest form. The regex accepts a
// superset of the starts the walk accepts, so no match is missed. The regex consumes its match (an empty lookahead
// match made every search twice as slow); `at`, the same pattern anchored (sticky), finds where that match began,
// so no match array is ever allocated.
//
// The trie is one string of UTF-16 code units, read with charCodeAt: nothing is decoded or allocated at start-up.
// Numbers are stored plus TRIE_BIAS, so the string is mostly printable text (short in the bundle, no escapes).
// A node at offset p:
//   trie[p]     form index + 1 when a form ends here, else 0
//   trie[p + 1] where the child reached through a run of separators is, else 0
//   trie[p + 2] n, the number of edges to children, then n edges in ascending order of their first character:
//     L, then L characters (the edge's label), then where the child is.
// "Where" is a distance from the unit that holds it (children are written after their parents): small numbers,
// which compress to two thirds of the size of absolute offsets.
// A label is a chain of single characters with nothing in between (no form ends inside it, no separator follows),
// so only the first character chooses between edges. Characters are UTF-16 codes as written for acronyms and
// lowercased otherwise. `fold` lists pairs (code, lowercase) for the non-ASCII codes whose lowercase appears in a
// label: the walk's only case table.

export interface SurfaceForm {
  text: string;
  /** Caller's index of the entry (or form) the form belongs to. */
  entry: number;
}

export interface Match {
  start: number;
  end: number;
  entry: number;
}

export interface Matcher {
  /** All matches in `text`, left to right, non-overlapping. */
  find(text: string): Match[];
  /**
   * False when `text` holds no match, and stays so wherever its characters are cut apart (the text of several
   * blocks joined, as textContent joins them): a cheap test for "nothing to do here". True may be a false alarm.
   */
  mayHold(text: string): boolean;
}

/** A compiled matcher, as `virtual:rls-lens/page-data` serves it (see core/matcher-compile.ts). */
export interface MatcherData {
  trie: string;
  fold: string;
  /**
   * The first characters of every form (the case-folded trie cut to its first levels, as a pattern), flags `gi`.
   * No lookbehind for the word boundary: a Unicode class in a lookbehind is tested at every position and made the
   * search four times slower; the walk tests the character before a candidate instead.
   */
  candidate: RegExp;
  /** The same pattern, flags `iy`: does it match exactly at lastIndex, and where does that match end. */
  at: RegExp;
  /** The lengths a candidate match can have, longest first. */
  lengths: readonly number[];
}

/**
 * The first this many characters a matcher searches, it searches by looking at each one: compiling the candidate
 * regex (on its first use) takes longer than looking at a few thousand characters
 * (docs/performance.md#the-matchers-first-characters), and most frames and many
 * pages hold no more text than that.
 */
const JS_SEARCH_CHARS = 4096;

/** Added to every number stored in the trie string. */
export const TRIE_BIAS = 0x20;

const SEPARATOR_CLASS = String.raw`\s\u00a0\u2010\u2011\-`;
const WORD_CLASS = String.raw`\p{L}\p{M}\p{N}_`;
const SPLIT = new RegExp(`[${SEPARATOR_CLASS}]+`);
/** Sticky: tests the code point at `lastIndex` without slicing the text. */
const WORD_AT = new RegExp(`[${WORD_CLASS}]`, 'uy');
export { SEPARATOR_CLASS };

/** A word or form written only in capitals (at least two letters): matched case-sensitively. */
export function isAcronym(form: string): boolean {
  const letters = form.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && letters.every((ch) => ch !== ch.toLowerCase() && ch === ch.toUpperCase());
}

/** The words of a form, split where it has spaces or hyphens. */
export function formWords(form: string): string[] {
  return form.trim().split(SPLIT).filter(Boolean);
}

/** Two forms with the same key find the same text: used to reject forms claimed twice. */
export function formKey(form: string): string {
  return formWords(form).join(' ').toLowerCase();
}

/** Whether the code point that ends just before `index` (> 0) is a word character. */
function isWordBefore(text: string, index: number): boolean {
  const code = text.charCodeAt(index - 1);
  if (code < 128) return isWordAt(text, index - 1);
  let at = index - 1;
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) at = index - 2; // the low half of a pair: test the whole code point
  }
  return isWordAt(text, at);
}

/** Whether the code point at `index` is a word character (letter, mark, digit, "_"). */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  WORD_AT.lastIndex = index;
  return WORD_AT.test(text);
}

/** The characters of SEPARATOR_CLASS (JavaScript's \s, the no-break space and the hyphens), by code. */
function isSeparatorCode(c: number): boolean {
  if (c < 128) return c === 32 || c === 45 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2010 ||
    c === 0x2011 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Offset of the edge of `node` whose label starts with `key`, or -1. */
function edge(trie: string, node: number, key: number): number {
  const n = trie.charCodeAt(node + 2) - TRIE_BIAS;
  for (let i = 0, q = node + 3; i < n; i++) {
    const first = trie.charCodeAt(q + 1);
    if (first === key) return q;
    if (first > key) return -1;
    q += trie.charCodeAt(q) - TRIE_BIAS + 2;
  }
  return -1;
}

export interface MatcherOptions {
  /** How many characters to search without the regex first (JS_SEARCH_CHARS; tests try both ways). */
  searchByCharacter?: number;
}

export function matcherFrom(
  { trie, fold, candidate, at, lengths }: MatcherData,
  options: MatcherOptions = {},
): Matcher {
  const searchByCharacter = options.searchByCharacter ?? JS_SEARCH_CHARS;
  /** Longest accepted end found by `walk`, and its form (closure state: the walk allocates nothing). */
  let bestEnd = -1;
  let bestEntry = -1;
  /** Accept a form wherever it ends, whole word or not (mayHold). */
  let anyEnd = false;
  /** Characters searched without the regex so far (see JS_SEARCH_CHARS). */
  let walked = 0;

  /** The lowercase of one UTF-16 code, where it is a key of the trie (ASCII by arithmetic, the rest from `fold`). */
  const lowerCode = (code: number): number => {
    if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
    for (let p = 0; p < fold.length; p += 2) if (fold.charCodeAt(p) === code) return fold.charCodeAt(p + 1);
    return code;
  };

  /**
   * The next candidate start from `candidate.lastIndex` on, or -1. test() leaves lastIndex at the match's end; the
   * start is the leftmost position a match ending there can begin at, found with the sticky copy, longest first.
   */
  const nextStart = (text: string): number => {
    if (walked < searchByCharacter) {
      // Not worth compiling the regex yet (a frame with a sentence or two never does): look at each character.
      for (let i = candidate.lastIndex; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (edge(trie, 0, code) >= 0 || edge(trie, 0, lowerCode(code)) >= 0) {
          walked += i + 1 - candidate.lastIndex;
          candidate.lastIndex = i + 1;
          return i;
        }
      }
      walked += text.length - candidate.lastIndex;
      return -1;
    }
    if (!candidate.test(text)) return -1;
    const end = candidate.lastIndex;
    for (const length of lengths) {
      at.lastIndex = end - length;
      if (at.lastIndex >= 0 && at.test(text) && at.lastIndex === end) return end - length;
    }
    return end - lengths[lengths.length - 1]!; // unreachable: the match itself is one of the lengths
  };

  /** Follows the edge at `q`, whose first character matched the text at `at`, and walks on from its child. */
  const follow = (text: string, q: number, at: number): void => {
    const length = trie.charCodeAt(q) - TRIE_BIAS;
    let i = 1;
    for (; i < length; i++) {
      const code = text.charCodeAt(at + i); // NaN past the end: matches nothing
      const key = trie.charCodeAt(q + 1 + i);
      if (code !== key && lowerCode(code) !== key) return;
    }
    const pointer = q + 1 + length;
    walk(text, pointer + trie.charCodeAt(pointer) - TRIE_BIAS, at + length);
  };

  /** Depth-first over the exact trie from `at`: every path the text allows, keeping the longest whole-word end. */
  const walk = (text: string, node: number, at: number): void => {
    const ends = trie.charCodeAt(node) - TRIE_BIAS;
    if (ends !== 0 && at > bestEnd && (anyEnd || at === text.length || !isWordAt(text, at))) {
      bestEnd = at;
      bestEntry = ends - 1;
    }
    if (at >= text.length) return;
    const code = text.charCodeAt(at);
    const sep = trie.charCodeAt(node + 1) - TRIE_BIAS;
    if (sep !== 0 && isSeparatorCode(code)) {
      let after = at + 1;
      while (after < text.length && isSeparatorCode(text.charCodeAt(after))) after++;
      walk(text, node + 1 + sep, after);
    }
    if (trie.charCodeAt(node + 2) === TRIE_BIAS) return;
    const same = edge(trie, node, code);
    if (same >= 0) follow(text, same, at);
    const lower = lowerCode(code);
    if (lower !== code) {
      const folded = edge(trie, node, lower);
      if (folded >= 0) follow(text, folded, at);
    }
  };

  return {
    find(text: string): Match[] {
      const matches: Match[] = [];
      candidate.lastIndex = 0;
      for (let start = nextStart(text); start >= 0; start = nextStart(text)) {
        if (start > 0 && isWordBefore(text, start)) {
          candidate.lastIndex = start + 1;
          continue;
        }
        bestEnd = -1;
        walk(text, 0, start);
        if (bestEnd > start) {
          matches.push({ start, end: bestEnd, entry: bestEntry });
          candidate.lastIndex = bestEnd;
        } else {
          candidate.lastIndex = start + 1;
        }
      }
      return matches;
    },
    // Some form occurs in the text, whole words or not: a text cut apart and glued to its neighbours keeps it.
    mayHold(text: string): boolean {
      candidate.lastIndex = 0;
      anyEnd = true;
      try {
        for (let start = nextStart(text); start >= 0; start = nextStart(text)) {
          bestEnd = -1;
          walk(text, 0, start);
          if (bestEnd > start) return true;
          candidate.lastIndex = start + 1;
        }
        return false;
      } finally {
        anyEnd = false;
      }
    },
  };
}
