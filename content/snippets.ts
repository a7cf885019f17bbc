// The side panel's list of occurrences, built in the frame only when a panel asks (never during the scan): each
// term with the words around it on its line, as plain text, and a way to find the same occurrence again.
import type { Occurrence, OccurrenceRef } from '../core/messages';
import { unitOf } from './blocks';
import type { Term, TermIndex } from './terms';
import { liveRange } from './tooltip/geometry';

/** Characters of context kept before and after a term: the panel shows one line, the term near its start. */
const CONTEXT = { before: 32, after: 100 } as const;
/** Text nodes visited on each side at most: a line of inline markup rarely has more, and a snippet stays cheap. */
const MAX_NODES = 24;
/** Longest term text sent: a match is a glossary form, a few words at most. */
const MAX_TERM = 120;
/** Snippets of one entry in one answer at most, whatever is asked: the panel shows them in steps far smaller. */
const MAX_PER_ENTRY = 2000;

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Cuts context to length at a word boundary, with an ellipsis where text was left out. `before` keeps its end (next
 * to the term), `after` its start. Pure: whitespace already collapsed.
 */
export function clipContext(
  before: string,
  after: string,
  more: { before: boolean; after: boolean },
  max: { before: number; after: number } = CONTEXT,
): { before: string; after: string } {
  let head = before.trimStart();
  let headCut = more.before;
  if (head.length > max.before) {
    head = head.slice(head.length - max.before);
    headCut = true;
  }
  // A word cut in half at the start is dropped (unless it is all there is next to the term).
  if (headCut && head.length > 0) {
    const space = head.indexOf(' ');
    if (space !== -1 && space < head.length - 1) head = head.slice(space + 1);
    head = `…${head}`;
  }
  let tail = after.trimEnd();
  let tailCut = more.after;
  if (tail.length > max.after) {
    tail = tail.slice(0, max.after);
    tailCut = true;
  }
  if (tailCut && tail.length > 0) {
    const space = tail.lastIndexOf(' ');
    if (space > 0) tail = tail.slice(0, space);
    tail = `${tail}…`;
  }
  return { before: head, after: tail };
}

/**
 * Text on one side of a boundary point, within the same block unit: it walks text nodes away from the term until it
 * has `max` characters, meets another block (a nested one, or leaves the unit), or has visited MAX_NODES nodes.
 * Text in skipped elements (scripts, styles, form fields) is passed over. `more`: text was left on that side.
 */
function sideText(node: Node, offset: number, direction: -1 | 1, max: number): { text: string; more: boolean } {
  const unit = unitOf(node);
  let text = node.nodeType === Node.TEXT_NODE ? (node as Text).data : '';
  text = direction === -1 ? text.slice(0, offset) : text.slice(offset);
  if (!unit) return { text: collapse(text), more: false };
  const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  let more = false;
  for (let visited = 0; ; visited++) {
    // Twice the length wanted, so clipping has whole words to choose from after whitespace is collapsed.
    if (text.length > max * 2 || visited >= MAX_NODES) {
      more = true;
      break;
    }
    const next = direction === -1 ? walker.previousNode() : walker.nextNode();
    if (!next) break;
    const owner = unitOf(next);
    if (owner === null) continue; // inside a script, a style, a form field
    if (owner !== unit) break; // a nested block: the line ends here
    const data = (next as Text).data;
    text = direction === -1 ? data + text : text + data;
  }
  return { text: collapse(text), more };
}

/** The term's words as listed and checked again on arrival; '' once its text has left the page. */
function termText(term: Term): string {
  const range = liveRange(term);
  return range ? collapse(range.toString()).trim().slice(0, MAX_TERM) : '';
}

/** The occurrence as the panel shows it, or undefined once its text has left the page. */
function snippetOf(term: Term, index: number): Occurrence | undefined {
  const text = termText(term);
  if (!text) return undefined;
  const { startContainer, startOffset, endContainer, endOffset } = term.range;
  const before = sideText(startContainer, startOffset, -1, CONTEXT.before);
  const after = sideText(endContainer, endOffset, 1, CONTEXT.after);
  return {
    index,
    entryId: term.entryId,
    text,
    ...clipContext(before.text, after.text, { before: before.more, after: after.more }),
  };
}

/**
 * The first `limit` occurrences of each entry in reading order, or `more[entryId]` of an entry the reader asked to
 * see more of. Only those get a snippet: a page with thousands of terms costs what the panel shows.
 */
export function occurrencesOf(
  index: TermIndex,
  { limit, more = {} }: { limit: number; more?: Record<string, number> },
): Occurrence[] {
  const ordered = index.ordered();
  const taken = new Map<string, number>();
  const out: Occurrence[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const term = ordered[i]!;
    const n = taken.get(term.entryId) ?? 0;
    if (n >= Math.min(MAX_PER_ENTRY, Object.hasOwn(more, term.entryId) ? more[term.entryId]! : limit)) continue;
    const snippet = snippetOf(term, i);
    if (!snippet) continue;
    taken.set(term.entryId, n + 1);
    out.push(snippet);
  }
  return out;
}

/**
 * The term a listed occurrence names, if it is still there: the same position in reading order, the same entry and
 * the same words. A page that changed since the list was made gets no tooltip for the wrong term.
 */
export function findOccurrence(
  ordered: readonly Term[],
  ref: OccurrenceRef,
): { term: Term; position: number; total: number } | undefined {
  const term = ordered[ref.index];
  if (!term || term.entryId !== ref.entryId || termText(term) !== ref.text) return undefined;
  return { term, position: ref.index, total: ordered.length };
}
