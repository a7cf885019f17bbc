import { describe, expect, it } from 'vitest';
import article from 'virtual:rls-lens/article';
import glossary from 'virtual:rls-lens/glossary';
import { quoteTargets } from '../../../../components/overview/article-quote-link';
import { runsText } from '../../../../glossary/compile-article';

describe('links from a card’s quotes to the article', () => {
  const targets = quoteTargets(article);
  const textOf = new Map(
    article.sections.flatMap((s) => [
      [s.heading.id, runsText(s.heading.runs)] as const,
      ...s.paragraphs.flatMap((p) => p.sentences.map((x) => [x.id, runsText(x.runs)] as const)),
    ]),
  );

  it('finds every quote of every entry in the article, by its exact text', () => {
    const quotes = glossary.entries.flatMap((e) => e.evidence.map((q) => ({ entry: e.id, ...q })));
    expect(quotes.length).toBeGreaterThan(50);
    for (const quote of quotes) {
      const target = targets.get(quote.sentence);
      expect(target, `${quote.entry}: "${quote.sentence}"`).toBeDefined();
      expect(textOf.get(target!.id)).toBe(quote.sentence);
    }
  });

  it('sends a quote that is a heading to the heading, and says where each target is', () => {
    // Genetic predisposition occurs only in its section's heading: the heading is its quote.
    const heading = glossary.entries.find((e) => e.id === 'genetic-predisposition')!.evidence[0]!;
    expect(heading).toMatchObject({ sentence: 'Genetic Predisposition and Family History', heading: true });
    expect(targets.get(heading.sentence)).toEqual({
      id: 'article-genetic-predisposition-and-family-history-heading',
      place: 'the heading “Genetic Predisposition and Family History”',
    });
    const ferritin =
      'Monitoring and correcting iron stores, especially ferritin levels, is often a cornerstone of effective management.';
    expect(targets.get(ferritin)).toEqual({
      id: 'article-iron-deficiency-and-its-systemic-impact-5',
      place: 'Iron Deficiency and Its Systemic Impact, sentence 5',
    });
  });

  it('finds nothing for text that is not in the article', () => {
    expect(targets.get('Monitoring and correcting iron stores')).toBeUndefined();
  });
});
