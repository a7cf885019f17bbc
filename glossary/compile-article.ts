// The article as the overview page shows it: sections → paragraphs → sentences → runs of plain text and terms.
// Built at build time with the matcher the pages use, over the glossary's surface forms, so the article view marks
// exactly what a page showing the article would, and the overview does no matching work.
//
// It depends only on each entry's `id` and `forms` and on the article text, so the glossary's other fields can change
// without touching it. Sentences come from glossary/parse-article.ts (the same split the glossary quotes from); this
// module only finds where each sits in the file, to recover the paragraphs and to prove every sentence is verbatim.

import type { SurfaceForm } from '../core/matcher.ts';
import { compileMatcher } from '../core/matcher-compile.ts';
import { parseArticle } from './parse-article.ts';

/** Plain text, or a term: text the matcher found, and the entry it explains. */
export interface ArticleRun {
  text: string;
  entryId?: string;
}

/** A sentence (or a heading): its runs joined are the article's text exactly. */
interface ArticleSentence {
  /** Stable within a build of the same article: `<section id>-<n>`, n counting the section's sentences from 1. */
  id: string;
  runs: ArticleRun[];
}

interface ArticleParagraph {
  sentences: ArticleSentence[];
}

interface ArticleSection {
  /** `article-` and the heading in kebab-case. */
  id: string;
  /** The heading's runs; its id (`<section id>-heading`) is the target of a quote that is a heading. */
  heading: ArticleSentence;
  paragraphs: ArticleParagraph[];
}

export interface ArticleData {
  title: ArticleRun[];
  author: string;
  /** YYYY-MM-DD, as in the byline. */
  date: string;
  sections: ArticleSection[];
}

/** What the article needs to know of an entry. */
export interface ArticleEntry {
  id: string;
  forms: readonly string[];
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Throws when the article cannot be parsed or a sentence is not found, in order, in the file. */
export function compileArticle(source: string, entries: readonly ArticleEntry[]): ArticleData {
  // parseArticle joins a paragraph's lines with "\n" whatever the file's line ends, so look sentences up in the same.
  const markdown = source.replace(/\r\n/g, '\n');
  const parsed = parseArticle(markdown);
  const forms = entries.flatMap((entry, index) => entry.forms.map((text): SurfaceForm => ({ text, entry: index })));
  const matcher = compileMatcher(forms);
  const runsOf = (text: string): ArticleRun[] => {
    const runs: ArticleRun[] = [];
    let at = 0;
    for (const match of matcher.find(text)) {
      if (match.start > at) runs.push({ text: text.slice(at, match.start) });
      runs.push({ text: text.slice(match.start, match.end), entryId: entries[match.entry]!.id });
      at = match.end;
    }
    if (at < text.length) runs.push({ text: text.slice(at) });
    return runs;
  };

  // Each sentence is looked up in the file after the previous one: the gap between two sentences says whether a
  // paragraph ended there (a blank line), and a sentence not found there would not be a verbatim quote.
  let cursor = 0;
  const locate = (text: string, what: string): string => {
    const at = markdown.indexOf(text, cursor);
    if (at === -1) throw new Error(`article: ${what} "${text.slice(0, 60)}…" is not a verbatim slice of the article`);
    const gap = markdown.slice(cursor, at);
    cursor = at + text.length;
    return gap;
  };

  locate(parsed.title, 'the title');
  const used = new Set<string>();
  const sections = parsed.sections.map((section): ArticleSection => {
    let id = `article-${slug(section.title) || 'section'}`;
    for (let n = 2; used.has(id); n++) id = `article-${slug(section.title)}-${n}`;
    used.add(id);
    locate(section.title, 'the heading');
    const paragraphs: ArticleParagraph[] = [];
    section.sentences.forEach((text, i) => {
      const gap = locate(text, 'the sentence');
      const sentence = { id: `${id}-${i + 1}`, runs: runsOf(text) };
      const current = paragraphs.at(-1);
      if (current && !/\n[^\S\n]*\n/.test(gap)) current.sentences.push(sentence);
      else paragraphs.push({ sentences: [sentence] });
    });
    return { id, heading: { id: `${id}-heading`, runs: runsOf(section.title) }, paragraphs };
  });
  return { title: runsOf(parsed.title), author: parsed.author, date: parsed.date, sections };
}

/** A run list's text. */
export const runsText = (runs: readonly ArticleRun[]): string => runs.map((run) => run.text).join('');
