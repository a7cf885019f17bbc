import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { compileGlossary } from '../../../glossary/compile';
import { ENTRIES } from '../../../glossary/entries';
import { parseArticle, splitSentences } from '../../../glossary/parse-article';
import type { EntrySource } from '../../../glossary/types';
import { glossary as glossaryPlugin } from '../../../glossary/vite-plugin';

const ARTICLE_PATH = new URL('../../../glossary/article.md', import.meta.url);
const ARTICLE = readFileSync(ARTICLE_PATH, 'utf8');
const FERRITIN_SENTENCE =
  'Monitoring and correcting iron stores, especially ferritin levels, is often a cornerstone of effective management.';

/** A valid entry to start bad inputs from. */
const entry = (overrides: Partial<EntrySource> & Pick<EntrySource, 'id'>): EntrySource => ({
  term: 'Ferritin',
  section: 'iron',
  definition: 'A protein that stores iron. Blood levels show the reserve.',
  ...overrides,
});
const compileError = (entries: EntrySource[]): string => {
  try {
    compileGlossary(ARTICLE, entries);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the glossary to be rejected');
};
const evidenceOf = (id: string) => glossary.entries.find((e) => e.id === id)?.evidence ?? [];

describe('the compiled glossary', () => {
  it('is what the virtual module serves', () => {
    expect(glossary).toEqual(compileGlossary(ARTICLE, ENTRIES));
  });

  it('carries the article byline and its sections in order', () => {
    expect(glossary.article).toEqual({
      title: 'What Causes Restless Legs Syndrome? Exploring the Triggers and Underlying Factors',
      author: 'FruitOrchid',
      date: '2025-10-11',
    });
    expect(glossary.sections.map((s) => s.id)).toEqual(['introduction', 'genetics', 'neurological', 'dopamine', 'iron', 'conditions', 'conclusion']);
    expect(glossary.sections[3]!.title).toBe('Dopamine and Neurotransmitter Imbalance');
  });

  it('quotes ferritin from the iron section', () => {
    expect(evidenceOf('ferritin')).toContainEqual({ sentence: FERRITIN_SENTENCE, section: 'iron' });
  });

  it('finds terms the way pages do: acronyms, hyphens, words inside longer phrases', () => {
    expect(evidenceOf('restless-legs-syndrome')[0]!.sentence).toMatch(/^Restless Legs Syndrome \(RLS\) is a neurological disorder/);
    expect(evidenceOf('gastric-bypass-surgery').map((e) => e.sentence)).toEqual([
      expect.stringContaining('post-gastric bypass surgery can lead to iron depletion'),
    ]);
    expect(evidenceOf('secondary-rls').map((e) => e.section)).toEqual(['iron', 'conditions']);
    const pregnancy = glossary.entries.find((e) => e.id === 'pregnancy')!;
    expect(pregnancy.mentions).toBe(2);
  });

  it('quotes a heading when a term occurs only there', () => {
    expect(evidenceOf('family-history')[0]).toEqual({ sentence: 'Genetic Predisposition and Family History', section: 'genetics', heading: true });
  });

  it('gives every section entries, in order of first mention', () => {
    for (const section of glossary.sections) expect(section.entryIds.length, section.id).toBeGreaterThan(0);
    expect(glossary.sections.find((s) => s.id === 'iron')!.entryIds.slice(0, 2)).toEqual(['iron-deficiency', 'iron']);
    const filed = glossary.sections.flatMap((s) => s.entryIds).sort();
    expect(filed).toEqual(glossary.entries.map((e) => e.id).sort());
  });

  it('backs every entry with sentences quoted verbatim from its sections', () => {
    const sections = parseArticle(ARTICLE).sections;
    for (const { id, evidence, section } of glossary.entries) {
      expect(evidence.length, id).toBeGreaterThan(0);
      expect(evidence.some((e) => e.section === section), id).toBe(true);
      for (const quote of evidence) {
        expect(ARTICLE, id).toContain(quote.sentence);
        const s = glossary.sections.findIndex((x) => x.id === quote.section);
        expect([sections[s]!.title, ...sections[s]!.sentences], id).toContain(quote.sentence);
      }
    }
  });

  it('links related entries both ways', () => {
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    for (const e of glossary.entries) for (const r of e.related) expect(byId.get(r)!.related, `${r} → ${e.id}`).toContain(e.id);
  });
});

describe('sentences', () => {
  it('splits the article into verbatim sentences', () => {
    const iron = parseArticle(ARTICLE).sections[4]!.sentences;
    expect(iron).toHaveLength(5);
    expect(iron[4]).toBe(FERRITIN_SENTENCE);
  });

  it('does not split at abbreviations or initials', () => {
    expect(splitSentences('Some factors, e.g. Iron, matter. Dr. Smith and J. Doe agree! Why? Because.')).toEqual([
      'Some factors, e.g. Iron, matter.',
      'Dr. Smith and J. Doe agree!',
      'Why?',
      'Because.',
    ]);
  });
});

describe('rejected glossaries name the entry and the problem', () => {
  it.each<[string, EntrySource[], string]>([
    ['a term the article never uses', [entry({ id: 'wed', term: 'Willis-Ekbom disease' })], 'entry "wed": term "Willis-Ekbom disease" never occurs in the article'],
    ['an alias the article never uses', [entry({ id: 'ferritin', aliases: ['serum ferritin'] })], 'entry "ferritin": alias "serum ferritin" never occurs in the article'],
    ['an outside alias the article does use', [entry({ id: 'ferritin', outsideAliases: ['ferritin levels'] })], 'entry "ferritin": outside alias "ferritin levels" occurs in the article: list it under aliases'],
    ['a form claimed by two entries', [entry({ id: 'ferritin' }), entry({ id: 'ferritin-2', term: 'Dopamine', section: 'dopamine', aliases: ['FERRITIN'] })], 'entry "ferritin-2": alias "FERRITIN" is already claimed by entry "ferritin" (as term "Ferritin")'],
    ['a form claimed twice by one entry', [entry({ id: 'iron-deficiency', term: 'Iron deficiency', aliases: ['iron-deficiency'] })], 'entry "iron-deficiency": alias "iron-deficiency" is already claimed by this entry (as term "Iron deficiency")'],
    ['a related entry that does not exist', [entry({ id: 'ferritin', related: ['iron-storez'] })], 'entry "ferritin": related entry "iron-storez" does not exist'],
    ['an empty definition', [entry({ id: 'ferritin', definition: ' ' })], 'entry "ferritin": definition is empty'],
    ['a long definition', [entry({ id: 'ferritin', definition: `${'Iron. '.repeat(2)}${'x'.repeat(320)}.` })], 'entry "ferritin": definition is too long (333 > 320 characters)'],
    ['a definition of four sentences', [entry({ id: 'ferritin', definition: 'One. Two. Three. Four.' })], 'entry "ferritin": definition has 4 sentences (at most 3)'],
    ['a definition that advises', [entry({ id: 'ferritin', definition: 'A protein. People with RLS should have it checked.' })], 'entry "ferritin": definition gives advice ("should")'],
    ['an id that is not kebab-case', [entry({ id: 'Ferritin_Level' })], 'entry "Ferritin_Level": id is not kebab-case'],
    ['a duplicated id', [entry({ id: 'ferritin' }), entry({ id: 'ferritin', term: 'Dopamine', section: 'dopamine' })], 'entry "ferritin": id is duplicated'],
    ['an unknown section', [entry({ id: 'ferritin', section: 'treatment' as EntrySource['section'] })], 'entry "ferritin": unknown section "treatment"'],
    ['a section that never mentions the entry', [entry({ id: 'ferritin', section: 'genetics' })], 'entry "ferritin": is filed under section "genetics" but never mentioned there'],
    ['no evidence at all', [entry({ id: 'wed', term: 'Willis-Ekbom disease' })], 'entry "wed": has no evidence sentence in the article'],
  ])('%s', (_, entries, message) => {
    expect(compileError(entries)).toContain(message);
  });

  it('accepts outside aliases the article never uses', () => {
    expect(() => compileGlossary(ARTICLE, [entry({ id: 'ferritin', outsideAliases: ['serum ferritin'] })])).not.toThrow();
  });

  it('lists every problem in one message', () => {
    const message = compileError([entry({ id: 'ferritin', related: ['nope'] }), entry({ id: 'wed', term: 'Willis-Ekbom disease' })]);
    expect(message).toMatch(/^glossary: 3 problems:/);
    expect(message).toContain('entry "ferritin": related entry "nope"');
    expect(message).toContain('entry "wed": term');
  });

  it('rejects an article whose headings are not the known sections', () => {
    expect(() => compileGlossary(ARTICLE.replace('## Conclusion', '## Summary'), [entry({ id: 'ferritin' })])).toThrow(/"Summary"/);
  });

  it('fails the Vite build with that message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rls-lens-glossary-'));
    writeFileSync(join(dir, 'main.js'), "import glossary from 'virtual:rls-lens/glossary';\nconsole.log(glossary);\n");
    const bad = [entry({ id: 'wed', term: 'Willis-Ekbom disease' })];
    const run = build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [glossaryPlugin({ entries: bad, articlePath: ARTICLE_PATH.pathname })],
      build: { write: false, lib: { entry: join(dir, 'main.js'), formats: ['es'] } },
    });
    await expect(run).rejects.toThrow('entry "wed": term "Willis-Ekbom disease" never occurs in the article');
  });
});
