// The context rule: which matches of ambiguous forms a page may light. Pure code, no DOM; the content script feeds
// it the blocks it already reads, with the matcher's matches for each, in the same single pass.
//
// Some forms mean our entry only on a page about it: acronyms ("RLS" is also Row Level Security, "CNS" a clinical
// nurse specialist) and words with an everyday sense ("iron" the metal, "genetics" the science, "family history"
// the genealogy). The glossary marks them `needsContext`; every other form is *unambiguous* and always lit.
//
// Rule, per page (a document or frame):
// 1. An unambiguous form found anywhere on the page makes its entry an *anchor* of the page.
// 2. A form that needs context is lit once one of its `contextFrom` entries is an anchor: its own entry always (for
//    an acronym that is its expansion: "restless legs syndrome" releases "RLS"), and the entries the glossary lists
//    (for "iron": iron deficiency, ferritin, anaemia, restless legs syndrome…). Until then its matches are *held*;
//    when an anchor arrives later in the page they are released. A page that never gets one stays dark.
// 3. An acronym the page defines as something else is dark on that page, whatever else the page says: "Row Level
//    Security (RLS)" or "RLS (Row Level Security)", where the words' initials spell the acronym and the words are not
//    a form of the acronym's entry (or of an entry in its `contextFrom`). Every form containing that acronym goes dark.
// 4. One occurrence can show another sense by its neighbours, whatever the page: `otherSense` cues name the word just
//    before and/or after ("cast iron", "iron out", "to iron the napkins", "a seven iron."). Such a match is never
//    lit. Cues apply only to a match of the ambiguous form itself, so they can never swallow a longer term: in "due
//    to iron deficiency" the matcher finds "iron deficiency" (longest match), not "iron", and no cue is consulted.
//
// The outcome is a function of the page's content, not of the order blocks arrive in: anchors and vetoes are sets
// that only grow, and cues read only the block. tests/unit/core/context-rule.test.ts holds it to that.
// Anchors are never forgotten when text is removed: a page that once spoke of RLS stays a page about RLS.

import { isAcronym, formWords, type Match } from './matcher.ts';

/** Words around one occurrence that show another sense. `''` in a list means "no word there" (punctuation, edge). */
export interface OtherSenseCue {
  /** Lower-case words, one of which comes just before the form (only spaces or hyphens between). */
  prev?: string[];
  /** Lower-case words, one of which comes just after it. */
  next?: string[];
}

/** What the rule needs to know of a surface form (the compiled glossary's `forms` satisfy it). */
export interface ContextForm {
  text: string;
  /** The entry the form belongs to (an index). */
  entry: number;
  needsContext?: true;
  /** Entries (indexes) whose unambiguous forms on a page release this form: its own entry first. */
  contextFrom?: number[];
  otherSense?: OtherSenseCue[];
}

/** A form's standing on a page: lit, waiting for context, or dark (its acronym means something else here). */
export type FormStatus = 'lit' | 'held' | 'dark';
/** One match's verdict: its form's status, or `other` when its neighbours show another sense. */
export type MatchVerdict = FormStatus | 'other';

interface Cue {
  prev?: ReadonlySet<string>;
  next?: ReadonlySet<string>;
}

export interface ContextRule {
  readonly formCount: number;
  /** For each form: -1 when unambiguous, else the index of its data below. */
  readonly ambiguous: Int32Array;
  readonly entryOf: Int32Array;
  /** For an ambiguous form: its context entries, cues, its acronym words and whether it is a lone acronym. */
  readonly info: { from: number[]; cues: Cue[]; acronyms: string[]; lone: string | null }[];
  /** For each entry: the ambiguous forms it releases. */
  readonly releases: Map<number, number[]>;
  /** For each acronym word: the ambiguous forms that contain it. */
  readonly byAcronym: Map<string, number[]>;
}

export function compileContextRule(forms: readonly ContextForm[]): ContextRule {
  const ambiguous = new Int32Array(forms.length).fill(-1);
  const entryOf = new Int32Array(forms.length);
  const info: ContextRule['info'] = [];
  const releases = new Map<number, number[]>();
  const byAcronym = new Map<string, number[]>();
  forms.forEach((form, i) => {
    entryOf[i] = form.entry;
    if (!form.needsContext) return;
    const from = form.contextFrom?.length ? [...form.contextFrom] : [form.entry];
    const words = formWords(form.text);
    const acronyms = words.filter(isAcronym);
    const cues = (form.otherSense ?? []).map((cue) => ({
      prev: cue.prev && new Set(cue.prev.map((w) => w.toLowerCase())),
      next: cue.next && new Set(cue.next.map((w) => w.toLowerCase())),
    }));
    ambiguous[i] = info.length;
    info.push({ from, cues, acronyms, lone: words.length === 1 && acronyms.length === 1 ? acronyms[0]! : null });
    for (const entry of from) {
      const list = releases.get(entry) ?? [];
      list.push(i);
      releases.set(entry, list);
    }
    for (const acronym of acronyms) {
      const list = byAcronym.get(acronym) ?? [];
      list.push(i);
      byAcronym.set(acronym, list);
    }
  });
  return { formCount: forms.length, ambiguous, entryOf, info, releases, byAcronym };
}

/** Result of reading one block. */
export interface BlockResult {
  /** One verdict per match of the block, in order, as of the end of this block. */
  verdicts: MatchVerdict[];
  /** Forms whose status changed because of this block: matches held or lit in earlier blocks need a new look. */
  changed: number[];
}

/** One page's state. Create one per document (or frame), feed every block to `read`, ask `status` at any time. */
export class PageContext {
  /** Entries with an unambiguous form on the page. */
  readonly anchors = new Set<number>();
  /** Acronyms the page defines as something else. */
  readonly vetoed = new Set<string>();
  private readonly lit: Uint8Array;

  constructor(private readonly rule: ContextRule) {
    this.lit = new Uint8Array(rule.formCount);
  }

  status(form: number): FormStatus {
    const index = this.rule.ambiguous[form] ?? -1;
    if (index < 0) return 'lit';
    const { acronyms } = this.rule.info[index]!;
    for (const acronym of acronyms) if (this.vetoed.has(acronym)) return 'dark';
    return this.lit[form] ? 'lit' : 'held';
  }

  read(text: string, matches: readonly Match[]): BlockResult {
    const { ambiguous, entryOf, info, releases, byAcronym } = this.rule;
    const changed: number[] = [];
    // First the block's news for the whole page (anchors, definitions), then the verdicts: a block's own anchor
    // releases its ambiguous forms wherever they stand in it.
    for (let i = 0; i < matches.length; i++) {
      const form = matches[i]!.entry;
      const index = ambiguous[form] ?? -1;
      if (index < 0) {
        const entry = entryOf[form]!;
        if (this.anchors.has(entry)) continue;
        this.anchors.add(entry);
        for (const released of releases.get(entry) ?? []) {
          if (this.lit[released]) continue;
          const before = this.status(released);
          this.lit[released] = 1;
          if (this.status(released) !== before) changed.push(released);
        }
        continue;
      }
      const lone = info[index]!.lone;
      if (lone !== null && !this.vetoed.has(lone) && definesOtherwise(text, matches, i, info[index]!.from, this.rule)) {
        const before = (byAcronym.get(lone) ?? []).map((f) => this.status(f));
        this.vetoed.add(lone);
        (byAcronym.get(lone) ?? []).forEach((f, k) => {
          if (before[k] !== 'dark') changed.push(f);
        });
      }
    }
    const verdicts = matches.map((match): MatchVerdict => {
      const index = ambiguous[match.entry] ?? -1;
      if (index < 0) return 'lit';
      const { cues } = info[index]!;
      if (cues.length > 0 && otherSense(text, match, cues)) return 'other';
      return this.status(match.entry);
    });
    return { verdicts, changed };
  }
}

// Small words an expansion may contain without a letter in the acronym ("Department of Health (DH)").
const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'de', 'du', 'la', '&']);
const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);
// Spaces, no-break spaces and hyphens (what the matcher treats as a separator inside a form).
const isGap = (ch: string | undefined) => ch !== undefined && /[\s\u00a0\u2010\u2011-]/.test(ch);

/** Whether the page text around an acronym match defines it as words that are not a form of its own entry. */
function definesOtherwise(
  text: string,
  matches: readonly Match[],
  i: number,
  own: readonly number[],
  rule: ContextRule,
): boolean {
  const match = matches[i]!;
  const acronym = text.slice(match.start, match.end);
  const isOwn = (other: Match | undefined) =>
    other !== undefined && (rule.ambiguous[other.entry] ?? -1) < 0 && own.includes(rule.entryOf[other.entry]!);
  // "Words (ACRONYM)"
  let open = match.start - 1;
  while (open >= 0 && text[open] === ' ') open--;
  let close = match.end;
  while (close < text.length && text[close] === ' ') close++;
  if (text[open] === '(' && text[close] === ')') {
    const previous = matches[i - 1];
    if (previous && isOwn(previous) && text.slice(previous.end, open).trim() === '') return false;
    const words = wordsOf(text.slice(Math.max(0, open - 160), open)).reverse();
    return spells(words, [...acronym].reverse().join(''));
  }
  // "ACRONYM (Words)"
  let paren = match.end;
  while (paren < text.length && text[paren] === ' ') paren++;
  if (text[paren] !== '(') return false;
  const end = text.indexOf(')', paren);
  if (end < 0 || end - paren > 160) return false;
  for (let j = i + 1; j < matches.length && matches[j]!.start < end; j++) if (isOwn(matches[j])) return false;
  return spells(wordsOf(text.slice(paren + 1, end)), acronym);
}

/** Words split at anything that is not a letter or digit (so "Row-Level" is two words). */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
}

/** Whether the words, from the first, spell the letters by their initials (small words may be skipped). */
function spells(words: readonly string[], letters: string): boolean {
  let at = 0;
  for (const word of words) {
    if (at === letters.length) return true;
    if (word[0]!.toLowerCase() === letters[at]!.toLowerCase()) at++;
    else if (!STOP_WORDS.has(word.toLowerCase())) return false;
  }
  return at === letters.length;
}

/** Whether an occurrence's neighbouring words match one of the cues. */
function otherSense(text: string, match: Match, cues: readonly Cue[]): boolean {
  const prev = wordBefore(text, match.start);
  const next = wordAfter(text, match.end);
  return cues.some((cue) => (!cue.prev || cue.prev.has(prev)) && (!cue.next || cue.next.has(next)));
}

function wordBefore(text: string, start: number): string {
  let end = start;
  while (end > 0 && isGap(text[end - 1])) end--;
  if (end === start && end > 0) return ''; // glued to something that is not a word ("(iron")
  let begin = end;
  while (begin > 0 && (isWordChar(text[begin - 1]) || text[begin - 1] === "'")) begin--;
  return trimQuotes(text.slice(begin, end));
}

function wordAfter(text: string, end: number): string {
  let begin = end;
  while (begin < text.length && isGap(text[begin])) begin++;
  if (begin === end && begin < text.length) return '';
  let stop = begin;
  while (stop < text.length && (isWordChar(text[stop]) || text[stop] === "'")) stop++;
  return trimQuotes(text.slice(begin, stop));
}

/** A word as the cues list it: lower-case, an apostrophe kept only inside ("don't", not "'Fist'"). */
const trimQuotes = (word: string) => word.replace(/^'+|'+$/g, '').toLowerCase();
