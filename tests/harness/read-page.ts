// A page as the content script will read it: blocks of text, each run through the real matcher (numbered by form,
// as the compiled glossary's `forms`) and fed to the context rule in order. One module for the context-rule tests,
// the precision/recall table (tests/unit/, with the glossary Vite builds) and the labels report
// (scripts/labels.mjs, with the glossary compiled from the article at run time).
import { compileMatcher } from '../../core/matcher-compile';
import { compileContextRule, PageContext, type MatchVerdict } from '../../core/context-rule';
import type { Glossary } from '../../glossary/types';

export interface Label {
  block: number;
  start: number;
  end: number;
  text: string;
  form: number;
  entryId: string;
  /** The final verdict once the whole page has been read. */
  verdict: MatchVerdict;
}

/** The matcher and context rule of one compiled glossary, and a reader of pages through them. */
export function pageReader(glossary: Pick<Glossary, 'entries' | 'forms'>) {
  const matcher = compileMatcher(glossary.forms.map((form, i) => ({ text: form.text, entry: i })));
  const rule = compileContextRule(glossary.forms);

  /** Reads the blocks in the given order: every match with its final verdict, in page order, and the page's context. */
  function read(blocks: readonly string[], order: readonly number[] = blocks.map((_, i) => i)) {
    const page = new PageContext(rule);
    const labels: Label[] = [];
    for (const b of order) {
      const text = blocks[b]!;
      const matches = matcher.find(text);
      const { verdicts } = page.read(text, matches);
      matches.forEach((m, k) => {
        labels.push({
          block: b,
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          form: m.entry,
          entryId: glossary.entries[glossary.forms[m.entry]!.entry]!.id,
          verdict: verdicts[k]!,
        });
      });
    }
    // Held and lit matches follow their form's final status; "other" is about the occurrence and stays.
    for (const label of labels) if (label.verdict !== 'other') label.verdict = page.status(label.form);
    return { labels: labels.sort((a, b) => a.block - b.block || a.start - b.start), page };
  }

  /** Every match with its final verdict, in page order. */
  const readPage = (blocks: readonly string[], order?: readonly number[]): Label[] => read(blocks, order).labels;
  /** The highlights a reader would see: "text → entry id" for every lit match. */
  const lit = (blocks: readonly string[]) =>
    readPage(blocks)
      .filter((l) => l.verdict === 'lit')
      .map((l) => `${l.text} → ${l.entryId}`);

  return { matcher, rule, read, readPage, lit };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });

/**
 * A file's rough blocks, what the scanner would treat as separate units of text: paragraphs of a .txt file; the
 * text of each paragraph-like element of an .html file (tags stripped roughly, entities decoded).
 */
export function blocksOf(path: string, source: string): string[] {
  if (!path.endsWith('.html') && !path.endsWith('.htm'))
    return source
      .split(/\n\s*\n|\n(?=[-•*#] )/)
      .map((b) => b.trim())
      .filter(Boolean);
  const body = source
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|math|textarea|select|head)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return body
    .split(
      /<\/?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|table|section|article|header|footer|nav|aside|main|blockquote|pre|dd|dt|dl|figure|figcaption|form|br|hr|body|html)\b[^>]*>/i,
    )
    .map((b) => decode(b.replace(/<[^>]*>/g, '')).trim())
    .filter(Boolean);
}
