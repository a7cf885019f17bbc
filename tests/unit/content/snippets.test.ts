// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clipContext, findOccurrence, occurrencesOf } from '../../../content/snippets';
import type { Term, TermIndex } from '../../../content/terms';
import { installHighlightStandIns } from './dom-stand-ins';

beforeAll(installHighlightStandIns);
beforeEach(() => document.body.replaceChildren());

/** Every occurrence of each word in the page's text nodes, in document order, as the engine's terms. */
function termsOf(words: Record<string, string>): Term[] {
  const terms: Term[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.localName === 'script') continue;
    for (const [word, entryId] of Object.entries(words)) {
      for (let at = node.data.indexOf(word); at !== -1; at = node.data.indexOf(word, at + 1)) {
        terms.push({
          entryId,
          range: new StaticRange({
            startContainer: node,
            startOffset: at,
            endContainer: node,
            endOffset: at + word.length,
          }),
        } as Term);
      }
    }
  }
  return terms.sort((a, b) => {
    const x = a.range.startContainer;
    const y = b.range.startContainer;
    if (x === y) return a.range.startOffset - b.range.startOffset;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
const index = (terms: Term[]): TermIndex => ({
  ordered: () => terms,
  at: () => undefined,
  counts: () => ({}),
  onChange: () => undefined,
});

describe('cutting context to one line', () => {
  it('keeps what is next to the term and cuts at a word boundary, marking each cut', () => {
    expect(
      clipContext(
        'the first words of a long sentence about ',
        ' and the rest of it',
        { before: false, after: false },
        { before: 20, after: 12 },
      ),
    ).toEqual({
      before: '…sentence about ',
      after: ' and the…',
    });
  });

  it('leaves short context as it is, and marks text left out even when what is kept is short', () => {
    expect(clipContext('Low ', ' levels.', { before: false, after: false })).toEqual({
      before: 'Low ',
      after: ' levels.',
    });
    expect(clipContext('of ', ' in', { before: true, after: true })).toEqual({ before: '…of ', after: ' in…' });
    expect(clipContext('', '', { before: false, after: false })).toEqual({ before: '', after: '' });
  });
});

describe('occurrences with snippets, built when a panel asks', () => {
  it('gives each term with the words around it on its line, across inline markup, whitespace collapsed', () => {
    document.body.innerHTML =
      '<p>Low <em>ferritin</em>\n   levels are <a href="#">common</a> in people with restless legs.</p>';
    const found = occurrencesOf(index(termsOf({ ferritin: 'ferritin' })), { limit: 5 });
    expect(found).toEqual([
      {
        index: 0,
        entryId: 'ferritin',
        text: 'ferritin',
        before: 'Low ',
        after: ' levels are common in people with restless legs.',
      },
    ]);
  });

  it('stops at another block and passes over scripts', () => {
    document.body.innerHTML =
      '<div>Iron stores<ul><li>Before <script>var junk = 1;</script>ferritin, after</li></ul>Tail text</div>';
    const [one] = occurrencesOf(index(termsOf({ ferritin: 'ferritin' })), { limit: 5 });
    expect(one).toMatchObject({ before: 'Before ', text: 'ferritin', after: ', after' });
    // Blocks nested in the term's own block are other lines.
    document.body.innerHTML =
      '<li>An item <p>with a nested paragraph</p>then ferritin, and <div>a nested block</div> more</li>';
    const [two] = occurrencesOf(index(termsOf({ ferritin: 'ferritin' })), { limit: 5 });
    expect(two).toMatchObject({ before: 'then ', text: 'ferritin', after: ', and' });
  });

  it('cuts long context with an ellipsis, keeping the term near the start of the line', () => {
    const long = 'word '.repeat(60);
    document.body.innerHTML = `<p>${long}dopamine ${long}</p>`;
    const [one] = occurrencesOf(index(termsOf({ dopamine: 'dopamine' })), { limit: 5 });
    expect(one!.before.startsWith('…')).toBe(true);
    expect(one!.before.length).toBeLessThanOrEqual(34);
    expect(one!.after.endsWith('…')).toBe(true);
    expect(one!.after.length).toBeLessThanOrEqual(102);
  });

  it('lists the first occurrences of each entry up to the limit, more of the entries asked for, by page position', () => {
    document.body.innerHTML = '<p>iron dopamine iron iron dopamine iron</p>';
    const terms = termsOf({ iron: 'iron', dopamine: 'dopamine' });
    const pick = (found: { index: number; entryId: string }[]) => found.map((o) => `${o.entryId}@${o.index}`);
    expect(pick(occurrencesOf(index(terms), { limit: 1 }))).toEqual(['iron@0', 'dopamine@1']);
    expect(pick(occurrencesOf(index(terms), { limit: 1, more: { iron: 3 } }))).toEqual([
      'iron@0',
      'dopamine@1',
      'iron@2',
      'iron@3',
    ]);
  });

  it('finds a listed occurrence again only while it is the same term with the same words', () => {
    document.body.innerHTML = '<p>ferritin and iron</p>';
    const terms = termsOf({ ferritin: 'ferritin', iron: 'iron' });
    expect(findOccurrence(terms, { index: 1, entryId: 'iron', text: 'iron' })?.term).toBe(terms[1]);
    expect(findOccurrence(terms, { index: 1, entryId: 'ferritin', text: 'ferritin' })).toBeUndefined();
    expect(findOccurrence(terms, { index: 5, entryId: 'iron', text: 'iron' })).toBeUndefined();
    (document.querySelector('p')!.firstChild as Text).data = 'ferritin and IRON';
    expect(findOccurrence(terms, { index: 1, entryId: 'iron', text: 'iron' })).toBeUndefined();
  });
});
