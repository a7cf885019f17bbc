// The doctor's sheet as data and as files: the chosen entries in the overview's order, claims marked as the
// article's, the disclaimer first, the citation last, and every string escaped.
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import {
  escapeHtml,
  escapeMarkdown,
  idsFromSearch,
  sheetHtml,
  sheetItems,
  sheetMarkdown,
  type Sheet,
  type SheetWords,
} from '../../../../components/sheet/sheet-document';

const WORDS: SheetWords = {
  title: 'Terms',
  disclaimer: 'Educational, not medical advice',
  fromArticle: 'What the article says',
  claim: 'The article’s claim',
  heading: 'Section heading',
  sources: 'Checked against',
  citationLabel: 'Article',
  citation: '“What Causes Restless Legs Syndrome?”, by FruitOrchid, 2025-10-11.',
};

describe('sheetItems', () => {
  it('keeps the chosen entries only, in the overview’s order, with definition, quotes and sources', () => {
    const items = sheetItems(glossary, ['ferritin', 'dopamine', 'no-such-entry']);
    expect(items.map((i) => i.id)).toEqual(['dopamine', 'ferritin']);
    const ferritin = items.find((i) => i.id === 'ferritin')!;
    const entry = glossary.entries.find((e) => e.id === 'ferritin')!;
    expect(ferritin.definition).toBe(entry.definition);
    expect(ferritin.sources).toEqual(entry.sources);
    // Ferritin's only article sentence is a treatment claim: it is on the sheet, marked as the article's claim.
    expect(ferritin.quotes.some((q) => q.claim)).toBe(true);
    for (const q of ferritin.quotes)
      expect(entry.evidence.concat(entry.claims).map((e) => e.sentence)).toContain(q.sentence);
  });
  it('reads ids from ?entries= and ignores anything that is not an id', () => {
    expect(idsFromSearch('?entries=ferritin,%20dopamine,<b>,')).toEqual(['ferritin', 'dopamine']);
    expect(idsFromSearch('')).toEqual([]);
  });
});

const hostile: Sheet = {
  words: WORDS,
  items: [
    {
      id: 'x',
      term: 'A <b>bold</b> & "quoted" term',
      section: 'S',
      definition: '<script>alert(1)</script> *not emphasis* [not a link](http://x)',
      quotes: [
        { sentence: 'A plain sentence.', section: 'Intro', claim: false, heading: false },
        { sentence: 'Iron <i>is</i> a cornerstone.', section: 'Iron', claim: true, heading: false },
      ],
      sources: [{ name: 'NHS', title: 'Restless legs "syndrome"', url: 'https://www.nhs.uk/a?b=1&c=2' }],
    },
  ],
};

describe('sheetHtml', () => {
  const html = sheetHtml(hostile);
  it('escapes every string: no markup or script comes from the data', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('<i>is</i>');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; term');
    expect(html).toContain('href="https://www.nhs.uk/a?b=1&amp;c=2"');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
  it('puts the disclaimer before the first entry, marks the claim, and ends with the citation', () => {
    expect(html.indexOf(WORDS.disclaimer)).toBeLessThan(html.indexOf('<h2>'));
    expect(html).toMatch(/<blockquote class="claim"><p><strong>The article’s claim: <\/strong>“Iron &lt;i&gt;is/);
    expect(html).toMatch(/<blockquote><p>“A plain sentence\.”/);
    expect(html.lastIndexOf('FruitOrchid')).toBeGreaterThan(html.lastIndexOf('</section>'));
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});

describe('sheetMarkdown', () => {
  const md = sheetMarkdown(hostile);
  it('escapes Markdown and HTML syntax in the data', () => {
    expect(md).toContain('\\*not emphasis\\*');
    expect(md).toContain('\\[not a link\\]\\(http://x\\)');
    expect(md).toContain('\\<script\\>');
    expect(escapeMarkdown('a_b')).toBe('a\\_b');
  });
  it('starts with the title and disclaimer, marks the claim, ends with the citation', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Terms');
    expect(lines[2]).toBe('**Educational, not medical advice**');
    expect(md).toContain('> The article’s claim: “Iron \\<i\\>is\\</i\\> a cornerstone\\.” (Iron)');
    expect(md).toContain('<https://www.nhs.uk/a?b=1&c=2>');
    expect(md.trimEnd().split('\n').at(-1)).toContain('FruitOrchid');
  });
});
