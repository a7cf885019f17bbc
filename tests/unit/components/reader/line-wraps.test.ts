// Which line ends of a PDF's text are only wraps: a term across two lines of a paragraph reads on, a heading and
// the paragraph under it, or two paragraphs, stay apart.
import { describe, expect, it } from 'vitest';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { lineWraps } from '../../../../components/reader/line-wraps';

/** A text item on a baseline `y` (PDF units, growing upwards), `height` tall. */
const item = (str: string, y: number, height = 12, hasEOL = true): TextItem => ({
  str,
  dir: 'ltr',
  transform: [height, 0, 0, height, 72, y],
  width: str.length * 6,
  height,
  fontName: 'f1',
  hasEOL,
});

describe('line ends in a PDF’s text', () => {
  it('reads a paragraph’s wrapped lines on, one answer per line end', () => {
    expect(
      lineWraps([item('iron deficiency', 700), item('anemia is common', 686), item('in pregnancy.', 672)]),
    ).toEqual([true, true, false]);
  });

  it('keeps a heading apart from the text under it, and a paragraph from the next', () => {
    const heading = item('Iron deficiency', 700, 18);
    const first = item('Anemia is a lack', 676);
    const last = item('of red cells.', 662);
    const next = item('Ferritin is', 630); // a paragraph's gap further down
    expect(lineWraps([heading, first, last, next, item('a protein.', 616, 12, false)])).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('looks past empty items and marked content to the lines around a line end', () => {
    const items = [
      item('restless', 500, 12, false),
      item('', 0, 0, true),
      { type: 'beginMarkedContent' as const, id: 'p1' },
      item('legs', 486, 12, false),
    ];
    expect(lineWraps(items as TextItem[])).toEqual([true]);
    expect(lineWraps([item('the last line', 100)])).toEqual([false]);
  });

  it('does not join a line to one above it (a new column) or to text of no height', () => {
    expect(lineWraps([item('end of a column', 80), item('top of the next', 700, 12, false)])).toEqual([false]);
    expect(lineWraps([item('words', 300), item('zero', 290, 0, false)])).toEqual([false]);
  });
});
