// The matcher: every surface form of every entry compiled into one search, run in one pass over a string.
// Pure code, no DOM: the glossary build step runs it over the article, the content script over page text.
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
// How: a trie of all forms. A single regular expression compiled from a case-folded copy of the trie finds the
// next position where some form may start (native code, one call for a whole run of term-free text); a walk of the
// exact trie at that position applies the case rules and picks the longest form. The regex accepts a superset of
// what the walk accepts, so no match is missed.

export interface SurfaceForm {
  text: string;
  /** Caller's index of the entry the form belongs to. */
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
}

const SEPARATOR_CLASS = String.raw`\s\u00a0\u2010\u2011\-`;
const WORD_CLASS = String.raw`\p{L}\p{M}\p{N}_`;
const SPLIT = new RegExp(`[${SEPARATOR_CLASS}]+`);
const WORD_CHAR = new RegExp(`[${WORD_CLASS}]`, 'u');

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

function isWordCodePoint(text: string, index: number, before: boolean): boolean {
  let code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  let ch: string;
  if (before && code >= 0xdc00 && code <= 0xdfff && index > 0) {
    ch = text.slice(index - 1, index + 1); // the low half of a surrogate pair: test the whole code point
  } else {
    code = text.codePointAt(index) ?? code;
    ch = String.fromCodePoint(code);
  }
  return WORD_CHAR.test(ch);
}

interface TrieNode {
  /** Keyed by UTF-16 code: lowercased for ordinary words, as written for acronyms. */
  next: Map<number, TrieNode>;
  /** Child reached through a separator run. */
  sep?: TrieNode;
  /** Entry index when a form ends here. */
  entry?: number;
}

const newNode = (): TrieNode => ({ next: new Map() });

/** The lowercase of one UTF-16 code, where it is one code too (the hot path: ASCII letters). */
function lowerCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** The characters of SEPARATOR_CLASS (JavaScript's \s, the no-break space and the hyphens), by code. */
function isSeparatorCode(c: number): boolean {
  if (c < 128) return c === 32 || c === 45 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2010 || c === 0x2011 ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function insert(root: TrieNode, words: string[], entry: number, foldAll: boolean): void {
  let node = root;
  words.forEach((word, w) => {
    if (w > 0) node = node.sep ??= newNode();
    const foldCase = foldAll || !isAcronym(word);
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      const key = foldCase ? lowerCode(code) : code;
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = newNode()));
      node = child;
    }
  });
  if (node.entry === undefined) node.entry = entry;
}

/** Longest accepted end found by `walk`, and its entry (module state: the walk allocates nothing). */
let bestEnd = -1;
let bestEntry = -1;

/** Depth-first over the exact trie from `at`: every path the text allows, keeping the longest whole-word end. */
function walk(text: string, node: TrieNode, at: number): void {
  if (node.entry !== undefined && at > bestEnd && (at === text.length || !isWordCodePoint(text, at, false))) {
    bestEnd = at;
    bestEntry = node.entry;
  }
  if (at >= text.length) return;
  const code = text.charCodeAt(at);
  if (node.sep && isSeparatorCode(code)) {
    let after = at + 1;
    while (after < text.length && isSeparatorCode(text.charCodeAt(after))) after++;
    walk(text, node.sep, after);
  }
  const same = node.next.get(code);
  if (same) walk(text, same, at + 1);
  const lower = lowerCode(code);
  if (lower !== code) {
    const folded = node.next.get(lower);
    if (folded) walk(text, folded, at + 1);
  }
}

const escapeRegex = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function atom(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  const variants = new Set([ch, lower, upper].filter((v) => [...v].length === 1));
  return variants.size === 1 ? escapeRegex(ch) : `[${[...variants].map(escapeRegex).join('')}]`;
}

function toPattern(node: TrieNode): string {
  const alternatives: string[] = [];
  for (const [code, child] of node.next) alternatives.push(atom(String.fromCharCode(code)) + toPattern(child));
  if (node.sep) alternatives.push(`[${SEPARATOR_CLASS}]+` + toPattern(node.sep));
  if (alternatives.length === 0) return '';
  const group = alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
  if (node.entry === undefined) return group;
  return alternatives.length === 1 && alternatives[0]!.length === 1 ? `${group}?` : `(?:${group})?`;
}

export function compileMatcher(forms: readonly SurfaceForm[]): Matcher {
  const exact = newNode();
  const folded = newNode();
  for (const { text, entry } of forms) {
    const words = formWords(text);
    if (words.length === 0) continue;
    insert(exact, words, entry, false);
    insert(folded, words, entry, true);
  }
  if (folded.next.size === 0) return { find: () => [] };
  const candidate = new RegExp(`(?<![${WORD_CLASS}])${toPattern(folded)}(?![${WORD_CLASS}])`, 'gu');

  return {
    find(text: string): Match[] {
      const matches: Match[] = [];
      candidate.lastIndex = 0;
      let found: RegExpExecArray | null;
      while ((found = candidate.exec(text)) !== null) {
        const start = found.index;
        bestEnd = -1;
        walk(text, exact, start);
        if (bestEnd > start) {
          matches.push({ start, end: bestEnd, entry: bestEntry });
          candidate.lastIndex = bestEnd;
        } else {
          candidate.lastIndex = start + 1;
        }
      }
      return matches;
    },
  };
}
