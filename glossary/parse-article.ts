// Parses glossary/article.md (the article as shipped) into its byline, sections and sentences.
// Pure: no fs, so tests and the Vite plugin can feed it any text. Every sentence is a verbatim slice of the
// input, because the product quotes them "from the article".

interface ArticleSection {
  /** The `## ` heading's text, verbatim. */
  title: string;
  /** The section's sentences in order, each a verbatim (trimmed) slice of the article. */
  sentences: string[];
}

export interface ParsedArticle {
  title: string;
  author: string;
  date: string;
  sections: ArticleSection[];
}

// Abbreviations after which a period does not end a sentence even before a capital ("Dr. Smith", "e.g. Iron").
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'al',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'no',
  'fig',
  'approx',
]);

/**
 * Splits text into sentences, each a verbatim trimmed slice. A boundary is ".", "!" or "?" (plus closing quotes
 * or brackets) followed by whitespace and then something that can start a sentence. Abbreviations, initials
 * ("J. Smith") and decimals never split.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  let found: RegExpExecArray | null;
  while ((found = boundary.exec(text)) !== null) {
    const end = found.index + found[0].length;
    if (found[0].startsWith('.')) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, found.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

const BYLINE = /^By (.+?) · (\d{4}-\d{2}-\d{2})$/;

/** Throws when the article does not have the shape the glossary relies on: `# title`, byline, `## ` sections. */
export function parseArticle(markdown: string): ParsedArticle {
  const lines = markdown.split(/\r?\n/);
  let title = '';
  let author = '';
  let date = '';
  const sections: ArticleSection[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    // Lines of one paragraph are joined with "\n" as they are in the file, so sentences stay verbatim slices.
    const text = paragraph.join('\n').trim();
    paragraph = [];
    if (!text) return;
    const section = sections.at(-1);
    if (!section) throw new Error(`article: text before the first "## " heading: "${text.slice(0, 60)}…"`);
    section.sentences.push(...splitSentences(text));
  };
  for (const line of lines) {
    const byline = BYLINE.exec(line.trim());
    if (line.startsWith('# ')) {
      flush();
      title = line.slice(2).trim();
    } else if (line.startsWith('## ')) {
      flush();
      sections.push({ title: line.slice(3).trim(), sentences: [] });
    } else if (byline && sections.length === 0) {
      [, author = '', date = ''] = byline;
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  const missing = [
    !title && 'a "# " title',
    !author && 'a "By <author> · <YYYY-MM-DD>" byline',
    sections.length === 0 && '"## " sections',
  ];
  const problems = missing.filter(Boolean);
  if (problems.length > 0) throw new Error(`article: missing ${problems.join(', ')}`);
  return { title, author, date, sections };
}
