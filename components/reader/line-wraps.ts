// Which line ends of a PDF page's text are only where the line wrapped, and which end a paragraph or a heading.
// PDF.js's text layer puts a <br> after every line (items with `hasEOL`), and the page engine reads a <br> as the
// end of a run of text (content/blocks.ts), as it should on a web page. In a PDF most of them are only wraps: a
// term that runs onto the next line ("iron deficiency / anemia") would be missed, or read as two other terms. The
// reader turns a wrap's <br> into a space. A line end stays a break when the next line is of another size (a
// heading and its text) or further down than the next line of a paragraph would be.
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** How far apart two baselines of one paragraph can be, in units of the text's height (line spacing up to 1.6). */
const MAX_LINE_GAP = 1.6;
/** How much two lines' text heights can differ and still be one paragraph's. */
const SAME_SIZE = 0.15;

const isText = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

/**
 * For each line end in `items` (each item with `hasEOL`, in order: one <br> of the text layer each), whether it
 * only wraps a paragraph's line and should read as a space.
 */
export function lineWraps(items: readonly (TextItem | TextMarkedContent)[]): boolean[] {
  const text = items.filter(isText);
  const wraps: boolean[] = [];
  let last: TextItem | undefined;
  text.forEach((item, i) => {
    if (item.str.trim()) last = item;
    if (!item.hasEOL) return;
    const next = text.slice(i + 1).find((n) => n.str.trim());
    wraps.push(last !== undefined && next !== undefined && continues(last, next));
  });
  return wraps;
}

function continues(line: TextItem, next: TextItem): boolean {
  const height = line.height;
  if (!(height > 0) || !(next.height > 0)) return false;
  if (Math.abs(next.height - height) > SAME_SIZE * height) return false;
  // transform[5] is the baseline's height on the page, growing upwards: the next line is lower.
  const gap = line.transform[5]! - next.transform[5]!;
  return gap > 0 && gap <= MAX_LINE_GAP * height;
}
