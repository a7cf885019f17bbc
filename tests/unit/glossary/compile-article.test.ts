import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import article from 'virtual:rls-lens/article';
import glossary from 'virtual:rls-lens/glossary';
import { compileArticle, runsText, type ArticleData } from '../../../glossary/compile-article';
import { formKey } from '../../../core/matcher';
import { compileMatcher } from '../../../core/matcher-compile';
import { parseArticle } from '../../../glossary/parse-article';

const ARTICLE = readFileSync(new URL('../../../glossary/article.md', import.meta.url), 'utf8');
const PARSED = parseArticle(ARTICLE);

const sentencesOf = (data: ArticleData) => data.sections.map((s) => s.paragraphs.flatMap((p) => p.sentences));
const termsOf = (data: ArticleData) =>
  data.sections
    .flatMap((s) => [s.heading, ...s.paragraphs.flatMap((p) => p.sentences)])
    .flatMap((sentence) => sentence.runs.filter((r) => r.entryId));

describe('the article as the overview shows it', () => {
  it('is what the virtual module serves, compiled from the glossary entries', () => {
    expect(article).toEqual(compileArticle(ARTICLE, glossary.entries));
  });

  it('keeps the title, byline, headings and every sentence verbatim: the runs join to the article text exactly', () => {
    expect(runsText(article.title)).toBe(PARSED.title);
    expect([article.author, article.date]).toEqual(['FruitOrchid', '2025-10-11']);
    expect(article.sections.map((s) => runsText(s.heading.runs))).toEqual(PARSED.sections.map((s) => s.title));
    expect(sentencesOf(article).map((sentences) => sentences.map((s) => runsText(s.runs)))).toEqual(
      PARSED.sections.map((s) => s.sentences),
    );
    // Not an empty article that trivially matches: 7 sections, 31 sentences.
    expect(sentencesOf(article).flat()).toHaveLength(PARSED.sections.reduce((n, s) => n + s.sentences.length, 0));
    expect(sentencesOf(article).flat().length).toBeGreaterThan(25);
  });

  it('marks terms only for entries that exist, each span being one of that entry’s forms', () => {
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    const terms = termsOf(article);
    expect(terms.length).toBeGreaterThan(60);
    for (const term of terms) {
      const entry = byId.get(term.entryId!);
      expect(entry, `entry of "${term.text}"`).toBeDefined();
      expect(entry!.forms.map(formKey), `"${term.text}" is a form of ${term.entryId}`).toContain(formKey(term.text));
    }
    // Every entry mentioned in the article text is marked as often as the glossary counts it. An outside entry
    // (Anemia: its word occurs only inside a longer term, "iron-deficiency anemia") is never marked: the longer term wins.
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term.entryId!, (counts.get(term.entryId!) ?? 0) + 1);
    for (const entry of glossary.entries)
      expect(counts.get(entry.id) ?? 0, entry.id).toBe(entry.termSource ? 0 : entry.mentions);
  });

  it('marks exactly what the page matcher finds in each paragraph as a page shows it', () => {
    const matcher = compileMatcher(glossary.entries.flatMap((e, i) => e.forms.map((text) => ({ text, entry: i }))));
    for (const section of article.sections) {
      for (const paragraph of section.paragraphs) {
        const text = paragraph.sentences.map((s) => runsText(s.runs)).join(' ');
        const expected = matcher.find(text).map((m) => [text.slice(m.start, m.end), glossary.entries[m.entry]!.id]);
        const marked = paragraph.sentences.flatMap((s) =>
          s.runs.filter((r) => r.entryId).map((r) => [r.text, r.entryId]),
        );
        expect(marked).toEqual(expected);
      }
    }
  });

  it('gives every section, heading and sentence a unique id to link to', () => {
    const ids = article.sections.flatMap((s) => [
      s.id,
      s.heading.id,
      ...s.paragraphs.flatMap((p) => p.sentences.map((x) => x.id)),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^article-[a-z0-9-]+$/.test(id))).toBe(true);
    const iron = article.sections.find((s) => s.id === 'article-iron-deficiency-and-its-systemic-impact')!;
    expect(iron.paragraphs[0]!.sentences[4]!.id).toBe('article-iron-deficiency-and-its-systemic-impact-5');
  });

  it('splits paragraphs at blank lines and keeps a sentence wrapped over lines verbatim, whatever the line ends', () => {
    const markdown = [
      '# A title about iron',
      '',
      'By Someone · 2024-01-02',
      '',
      '## First part',
      '',
      'Iron is here. Ferritin is',
      'wrapped here.',
      '',
      'A second paragraph on dopamine.',
      '',
      '## First part',
      '',
      'Same heading twice.',
    ].join('\n');
    const entries = [
      { id: 'iron', forms: ['iron'] },
      { id: 'ferritin', forms: ['ferritin'] },
      { id: 'dopamine', forms: ['dopamine'] },
    ];
    const data = compileArticle(markdown, entries);
    expect(data.sections.map((s) => s.id)).toEqual(['article-first-part', 'article-first-part-2']);
    expect(data.sections[0]!.paragraphs.map((p) => p.sentences.map((s) => [s.id, runsText(s.runs)]))).toEqual([
      [
        ['article-first-part-1', 'Iron is here.'],
        ['article-first-part-2', 'Ferritin is\nwrapped here.'],
      ],
      [['article-first-part-3', 'A second paragraph on dopamine.']],
    ]);
    expect(data.title).toEqual([{ text: 'A title about ' }, { text: 'iron', entryId: 'iron' }]);
    expect(data.sections[0]!.paragraphs[0]!.sentences[1]!.runs).toEqual([
      { text: 'Ferritin', entryId: 'ferritin' },
      { text: ' is\nwrapped here.' },
    ]);
    expect(compileArticle(markdown.replace(/\n/g, '\r\n'), entries)).toEqual(data);
  });

  it('fails with the parser’s message on an article without the expected shape', () => {
    expect(() => compileArticle('No title, no sections.', [])).toThrow(/^article: text before the first "## " heading/);
  });
});
