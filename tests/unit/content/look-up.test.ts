// @vitest-environment happy-dom
// What the look-up's card is placed against: the reader's selection, or the text field the words were selected in.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectionAnchor } from '../../../content/look-up';
import { installHighlightStandIns } from './dom-stand-ins';

beforeAll(installHighlightStandIns);
beforeEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '<p id="p">Low feritin levels</p><textarea id="t">my feritin</textarea>';
});

describe('the look-up’s anchor', () => {
  it('is the selected words', () => {
    const text = document.getElementById('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 11);
    document.getSelection()!.addRange(range);
    const anchor = selectionAnchor()!;
    expect([anchor.startContainer, anchor.startOffset, anchor.endContainer, anchor.endOffset]).toEqual([
      text,
      4,
      text,
      11,
    ]);
  });

  it('is the text field whose words are selected', () => {
    const field = document.getElementById('t') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(3, 10);
    const anchor = selectionAnchor()!;
    expect([anchor.startContainer, anchor.startOffset, anchor.endOffset]).toEqual([document.body, 1, 2]);
  });

  it('is nothing once the selection is gone (the card then opens in the overview)', () => {
    expect(selectionAnchor()).toBeUndefined();
    const caret = document.createRange(); // a click in the text leaves a collapsed selection
    caret.setStart(document.getElementById('p')!.firstChild!, 4);
    document.getSelection()!.addRange(caret);
    expect(selectionAnchor()).toBeUndefined();
    (document.getElementById('t') as HTMLTextAreaElement).focus();
    expect(selectionAnchor()).toBeUndefined();
  });
});
