// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { Kind, kindOf, Segment, unitOf, type UnitTerm } from '../../../content/blocks';
import { compileMatcher } from '../../../core/matcher-compile';
import { installHighlightStandIns, rangeText } from './dom-stand-ins';

beforeAll(installHighlightStandIns);

const matcher = compileMatcher([
  { text: 'restless legs', entry: 0 },
  { text: 'ferritin', entry: 1 },
]);
const IDS = ['restless-legs', 'ferritin'];
/** The matcher alone, every match kept (the page's context is tested in page-context.test.ts). */
const reader = { read: (text: string) => matcher.find(text), entryIds: IDS };

function fragment(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

describe('blocks of inline text', () => {
  it('classifies elements by tag: inline, block, break, skipped, editable and our own', () => {
    const root = fragment(
      '<p><em>x</em><br><script></script><input><span contenteditable>e</span><hl-q7-tooltip></hl-q7-tooltip><my-widget></my-widget></p>',
    );
    const [p, em, br, script, input, editable, own, widget] = [
      root.firstElementChild!,
      ...root.firstElementChild!.children,
    ];
    expect(kindOf(p!)).toBe(Kind.Block);
    expect(kindOf(em!)).toBe(Kind.Inline);
    expect(kindOf(br!)).toBe(Kind.Break);
    expect(kindOf(script!)).toBe(Kind.Skip);
    expect(kindOf(input!)).toBe(Kind.Skip);
    expect(kindOf(editable!)).toBe(Kind.Skip);
    expect(kindOf(own!)).toBe(Kind.Skip);
    expect(kindOf(widget!)).toBe(Kind.Inline);
  });

  it('gives a text node to its nearest block, and none inside skipped content', () => {
    const root = fragment('<section><p>a <b>bold</b> word</p><textarea>ferritin</textarea></section>');
    const bold = root.querySelector('b')!.firstChild!;
    expect(unitOf(bold)).toBe(root.querySelector('p'));
    expect(unitOf(root.querySelector('textarea')!.firstChild!)).toBeNull();
  });

  it('joins the text nodes of a segment and maps a match across them back to one range', () => {
    const root = fragment('<p><em>restless</em> legs and ferritin</p>');
    const p = root.querySelector('p')!;
    const segment = new Segment();
    for (const node of [p.firstChild!.firstChild!, p.childNodes[1]!]) segment.push(node as Text);
    const out: UnitTerm[] = [];
    expect(segment.flush(reader, out)).toBe(2);
    expect(out.map((t) => [t.entryId, rangeText(t.range)])).toEqual([
      ['restless-legs', 'restless legs'],
      ['ferritin', 'ferritin'],
    ]);
    expect(out[0]!.range.startContainer).toBe(p.firstChild!.firstChild);
    expect(out[0]!.range.endContainer).toBe(p.childNodes[1]);
    expect(out[0]!.spans).toHaveLength(2);
    expect(out[1]!.spans).toBeUndefined();
    expect(out.map((t) => t.form)).toEqual([0, 1]); // the form found, for its context standing and its quote
  });

  it('makes terms only of the matches its reader keeps (the page context drops another sense)', () => {
    const root = fragment('<p>restless legs and ferritin</p>');
    const segment = new Segment();
    segment.push(root.querySelector('p')!.firstChild as Text);
    const out: UnitTerm[] = [];
    const onlyFerritin = { read: (text: string) => matcher.find(text).filter((m) => m.entry === 1), entryIds: IDS };
    expect(segment.flush(onlyFerritin, out)).toBe(1);
    expect(out.map((t) => rangeText(t.range))).toEqual(['ferritin']);
  });

  it('ends a match at the node it ends in, not at the start of the next one', () => {
    const root = fragment('<p><b>ferritin</b><i> levels</i></p>');
    const segment = new Segment();
    segment.push(root.querySelector('b')!.firstChild as Text);
    segment.push(root.querySelector('i')!.firstChild as Text);
    const out: UnitTerm[] = [];
    segment.flush(reader, out);
    expect(out[0]!.range.endContainer).toBe(root.querySelector('b')!.firstChild);
    expect(out[0]!.range.endOffset).toBe(8);
  });
});
