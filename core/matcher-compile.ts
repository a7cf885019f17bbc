// The matcher's compiler, run at build time (glossary/vite-plugin.ts serves its output to the content script as
// `virtual:rls-lens/page-data`) and by the glossary build step, tools and tests. It turns surface forms into the
// data core/matcher.ts walks: the trie as one string and the candidate search as a regular expression, emitted as a
// regex literal in generated code. The data format is described in core/matcher.ts.
import {
  formWords,
  isAcronym,
  matcherFrom,
  SEPARATOR_CLASS,
  TRIE_BIAS,
  type Matcher,
  type MatcherData,
  type MatcherOptions,
  type SurfaceForm,
} from './matcher.ts';

interface TrieNode {
  /** Keyed by UTF-16 code: lowercased for ordinary words, as written for acronyms. */
  next: Map<number, TrieNode>;
  /** Child reached through a separator run. */
  sep?: TrieNode;
  /** Caller's index when a form ends here. */
  entry?: number;
}

const newNode = (): TrieNode => ({ next: new Map() });

/** The lowercase of one UTF-16 code, where it is one code too. */
function lowerCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
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

const escapeRegex = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** For each code: the codes whose lowercase (one code, as the walk computes it) it is. Built on first use. */
let preimages: Map<number, number[]> | undefined;
function lowercasedFrom(code: number): number[] {
  if (!preimages) {
    preimages = new Map();
    for (let c = 0; c <= 0xffff; c++) {
      const lower = lowerCode(c);
      if (lower === c) continue;
      const list = preimages.get(lower) ?? [];
      list.push(c);
      preimages.set(lower, list);
    }
  }
  return preimages.get(code) ?? [];
}

/**
 * One character of the folded trie in the candidate pattern (flags `gi`): the character itself when case-insensitive
 * matching already accepts every text character the walk can take for it (its upper and lower case, and every
 * character whose lowercase it is, such as the Kelvin sign for "k"), else a class that lists them.
 */
function atom(ch: string): string {
  const code = ch.charCodeAt(0);
  const takes = [ch, ch.toLowerCase(), ch.toUpperCase(), ...lowercasedFrom(code).map((c) => String.fromCharCode(c))];
  const variants = [...new Set(takes.filter((v) => v.length === 1))];
  const plain = new RegExp(escapeRegex(ch), 'i');
  return variants.every((v) => plain.test(v)) ? escapeRegex(ch) : `[${variants.map(escapeRegex).join('')}]`;
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

/**
 * The folded trie cut to the first PREFIX characters of each form's first word: what the candidate search looks
 * for. Every match starts with one of these prefixes, so the search still finds every candidate; the walk does the
 * rest, and the pattern (in every frame's script) is a tenth of the whole trie's.
 */
const PREFIX = 4;
function prefixes(node: TrieNode, depth = 0): TrieNode {
  const cut: TrieNode = { next: new Map() };
  if (depth === PREFIX || node.entry !== undefined || node.sep) cut.entry = 0;
  if (depth < PREFIX) for (const [key, child] of node.next) cut.next.set(key, prefixes(child, depth + 1));
  return cut;
}

/** The largest value one code unit of the trie string may hold: no surrogates, so no tool can mangle the string. */
const MAX_UNIT = 0xd7ff;

/** A run of nodes that each have one child and nothing else: stored as one edge with a label (core/matcher.ts). */
function chain(first: TrieNode, key: number): { label: number[]; end: TrieNode } {
  const label = [key];
  let end = first;
  while (end.entry === undefined && !end.sep && end.next.size === 1) {
    const [k, next] = end.next.entries().next().value!;
    label.push(k);
    end = next;
  }
  return { label, end };
}

/** The trie as one string (layout: core/matcher.ts). */
function serialize(root: TrieNode, forms: readonly SurfaceForm[]): string {
  const units: number[] = [];
  const unit = (value: number, what: () => string) => {
    if (value > MAX_UNIT) throw new Error(`matcher: ${what()} does not fit the compiled trie`);
    units.push(value);
  };
  const number = (value: number, what: string) => unit(value + TRIE_BIAS, () => what);
  /** Writes a node and everything under it; returns its offset. Children are written after their parent. */
  const write = (node: TrieNode): number => {
    const at = units.length;
    number(node.entry === undefined ? 0 : node.entry + 1, `index ${node.entry ?? 0}`);
    number(0, 'a separator edge'); // patched once the separator child is written
    number(node.next.size, 'the number of children');
    const edges = [...node.next].sort(([a], [b]) => a - b).map(([key, first]) => chain(first, key));
    const targets: number[] = [];
    for (const { label } of edges) {
      number(label.length, 'a label');
      for (const code of label) {
        const form = () =>
          `form "${forms.find((f) => f.text.includes(String.fromCharCode(code)))?.text ?? ''}": a character outside the Basic Multilingual Plane`;
        if (code >= 0xd800 && code <= 0xdfff) throw new Error(`matcher: ${form()}`);
        unit(code, form);
      }
      targets.push(units.length);
      number(0, 'a child');
    }
    edges.forEach(({ end }, i) => (units[targets[i]!] = patch(write(end), targets[i]!)));
    if (node.sep) units[at + 1] = patch(write(node.sep), at + 1);
    return at;
  };
  /** A child's offset, written as its distance from where it is written (children follow their parent). */
  const patch = (offset: number, from: number) => {
    if (offset - from + TRIE_BIAS > MAX_UNIT)
      throw new Error(`matcher: the compiled trie is too large (${units.length} code units)`);
    return offset - from + TRIE_BIAS;
  };
  write(root);
  return String.fromCharCode(...units);
}

/** Pairs (code, lowercase) for every non-ASCII BMP code whose single-code lowercase is a key of the trie. */
function foldTable(root: TrieNode): string {
  const keys = new Set<number>();
  const collect = (node: TrieNode) => {
    for (const [key, c] of node.next) {
      keys.add(key);
      collect(c);
    }
    if (node.sep) collect(node.sep);
  };
  collect(root);
  const units: number[] = [];
  for (let code = 128; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const lower = lowerCode(code);
    if (lower !== code && keys.has(lower)) units.push(code, lower);
  }
  return String.fromCharCode(...units);
}

/** The compiled matcher as plain data: the trie string, the fold table and the candidate pattern's source. */
export interface CompiledMatcher {
  trie: string;
  fold: string;
  /** Source of `MatcherData.candidate` (flags `gi`) and `MatcherData.at` (flags `iy`). */
  candidate: string;
  /** The lengths a match of the pattern can have, longest first. */
  lengths: number[];
}

/** The lengths of the paths from the root of a cut trie to its ends, longest first. */
function pathLengths(node: TrieNode, depth = 0, out = new Set<number>()): number[] {
  if (node.entry !== undefined && depth > 0) out.add(depth);
  for (const child of node.next.values()) pathLengths(child, depth + 1, out);
  return [...out].sort((a, b) => b - a);
}

export function compileMatcherData(forms: readonly SurfaceForm[]): CompiledMatcher {
  const exact = newNode();
  const folded = newNode();
  for (const { text, entry } of forms) {
    const words = formWords(text);
    if (words.length === 0) continue;
    insert(exact, words, entry, false);
    insert(folded, words, entry, true);
  }
  const trie = serialize(exact, forms);
  // No form: a lookahead that never succeeds.
  if (folded.next.size === 0) return { trie, fold: '', candidate: '(?!)', lengths: [0] };
  const cut = prefixes(folded);
  return { trie, fold: foldTable(exact), candidate: toPattern(cut), lengths: pathLengths(cut) };
}

/** The run-time data for a compiled matcher (what the generated module's regex literal evaluates to). */
function matcherData(compiled: CompiledMatcher): MatcherData {
  const { trie, fold, candidate, lengths } = compiled;
  return { trie, fold, candidate: new RegExp(candidate, 'gi'), at: new RegExp(candidate, 'iy'), lengths };
}

/** A matcher for `forms`, compiled now: the glossary build step, tools and tests. Pages use precompiled data. */
export function compileMatcher(forms: readonly SurfaceForm[], options?: MatcherOptions): Matcher {
  return matcherFrom(matcherData(compileMatcherData(forms)), options);
}

/**
 * JavaScript source of an object literal holding the run-time data: strings as JSON, the pattern as a regex literal
 * (parsed with the script; no pattern is assembled in the page). The pattern contains no line terminator and every
 * "/" in it is escaped (escapeRegex), so it is a valid literal; `matcherData` checks it compiles at build time.
 */
export function matcherSource(compiled: CompiledMatcher): string {
  matcherData(compiled);
  if (/[\n\r\u2028\u2029]/.test(compiled.candidate) || /(^|[^\\])(\\\\)*\//.test(compiled.candidate)) {
    throw new Error('matcher: the candidate pattern cannot be written as a regex literal');
  }
  const { trie, fold, candidate, lengths } = compiled;
  return `{ trie: ${JSON.stringify(trie)}, fold: ${JSON.stringify(fold)}, candidate: /${candidate}/gi, at: /${candidate}/iy, lengths: ${JSON.stringify(lengths)} }`;
}
