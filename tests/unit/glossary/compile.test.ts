import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { compileGlossary } from '../../../glossary/compile';
import { formKey } from '../../../core/matcher';
import { ENTRIES } from '../../../glossary/entries';
import { parseArticle, splitSentences } from '../../../glossary/parse-article';
import type { EntrySource } from '../../../glossary/types';
import { glossary as glossaryPlugin } from '../../../glossary/vite-plugin';

const ARTICLE_PATH = new URL('../../../glossary/article.md', import.meta.url);
const ARTICLE = readFileSync(ARTICLE_PATH, 'utf8');
const FERRITIN_SENTENCE =
  'Monitoring and correcting iron stores, especially ferritin levels, is often a cornerstone of effective management.';

/** A valid entry to start bad inputs from. */
const SOURCE = {
  name: 'MedlinePlus',
  title: 'Ferritin blood test',
  url: 'https://medlineplus.gov/lab-tests/ferritin-blood-test/',
} as const;
const entry = (overrides: Partial<EntrySource> & Pick<EntrySource, 'id'>): EntrySource => ({
  term: 'Ferritin',
  section: 'iron',
  definition: 'A protein that stores iron. Blood levels show the reserve.',
  sources: [SOURCE],
  ...overrides,
});
const outside = (text: string) => ({ text, kind: 'synonym' as const, source: 'MeSH synonym' });
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
    expect(glossary.sections.map((s) => s.id)).toEqual([
      'introduction',
      'genetics',
      'neurological',
      'dopamine',
      'iron',
      'conditions',
      'conclusion',
    ]);
    expect(glossary.sections[3]!.title).toBe('Dopamine and Neurotransmitter Imbalance');
  });

  it('keeps the ferritin sentence, a treatment claim, apart from the quotes', () => {
    const ferritin = glossary.entries.find((e) => e.id === 'ferritin')!;
    expect(ferritin.claims).toEqual([{ sentence: FERRITIN_SENTENCE, section: 'iron', claim: true }]);
    expect(ferritin.evidence).toEqual([]);
  });

  it('gives every entry a line of the article for its card: a sentence, a heading or a marked claim', () => {
    expect(glossary.entries.filter((e) => e.evidence.length + e.claims.length === 0).map((e) => e.id)).toEqual([]);
  });

  it('quotes the sentences of its quoteFrom entries for an outside entry the article never names (Kidney failure)', () => {
    const kidneyFailure = glossary.entries.find((e) => e.id === 'kidney-failure')!;
    expect(kidneyFailure.evidence[0]?.sentence).toMatch(
      /^These include end-stage renal disease, where toxin buildup affects nerve function/,
    );
    expect(kidneyFailure.mentions).toBe(0);
  });

  it('finds terms the way pages do: acronyms, hyphens, words inside longer phrases', () => {
    expect(evidenceOf('restless-legs-syndrome')[0]!.sentence).toMatch(
      /^Restless Legs Syndrome \(RLS\) is a neurological disorder/,
    );
    expect(evidenceOf('gastric-bypass-surgery').map((e) => e.sentence)).toEqual([
      expect.stringContaining('post-gastric bypass surgery can lead to iron depletion'),
    ]);
    expect(evidenceOf('secondary-rls').map((e) => e.section)).toEqual(['conditions', 'iron']); // its own section first
    const pregnancy = glossary.entries.find((e) => e.id === 'pregnancy')!;
    expect(pregnancy.mentions).toBe(2);
  });

  it('quotes a heading only when no sentence mentions the entry', () => {
    expect(evidenceOf('genetic-predisposition')[0]).toEqual({
      sentence: 'Genetic Predisposition and Family History',
      section: 'genetics',
      heading: true,
    });
    expect(evidenceOf('family-history')[0]!.sentence).toMatch(
      /^Studies show that Restless Legs Syndrome tends to run in families/,
    );
    expect(evidenceOf('family-history')[1]).toEqual({
      sentence: 'Genetic Predisposition and Family History',
      section: 'genetics',
      heading: true,
    });
  });

  it('gives every section entries, in order of first mention', () => {
    for (const section of glossary.sections) expect(section.entryIds.length, section.id).toBeGreaterThan(0);
    expect(glossary.sections.find((s) => s.id === 'iron')!.entryIds.slice(0, 2)).toEqual(['iron-deficiency', 'iron']);
    const filed = glossary.sections.flatMap((s) => s.entryIds).sort();
    expect(filed).toEqual(glossary.entries.map((e) => e.id).sort());
  });

  it('backs every entry with sentences quoted verbatim from its sections', () => {
    const sections = parseArticle(ARTICLE).sections;
    for (const { id, evidence, claims, section, termSource } of glossary.entries) {
      const quotes = [...evidence, ...claims];
      if (termSource === undefined) {
        expect(quotes.length, id).toBeGreaterThan(0);
        expect(
          quotes.some((e) => e.section === section),
          id,
        ).toBe(true);
      }
      for (const quote of quotes) {
        expect(ARTICLE, id).toContain(quote.sentence);
        const s = glossary.sections.findIndex((x) => x.id === quote.section);
        expect([sections[s]!.title, ...sections[s]!.sentences], id).toContain(quote.sentence);
      }
    }
  });

  it('links related entries both ways', () => {
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    for (const e of glossary.entries)
      for (const r of e.related) expect(byId.get(r)!.related, `${r} → ${e.id}`).toContain(e.id);
  });
});

describe('quotes chosen for the reader', () => {
  const CLAIMS = [
    'Understanding these underlying causes can help patients seek appropriate treatment and improve their quality of life.',
    'This disruption may explain why medications that boost dopamine levels often provide symptom relief.',
    FERRITIN_SENTENCE,
    'Autoimmune disorders and metabolic imbalances may also play a role, emphasizing the importance of a comprehensive medical evaluation for anyone experiencing persistent symptoms.',
    'Early diagnosis and targeted therapies can significantly reduce discomfort and improve sleep quality and overall well-being.',
  ];
  const byId = (id: string) => glossary.entries.find((e) => e.id === id)!;
  const formQuote = (text: string) => {
    const form = glossary.forms.find((f) => f.text === text)!;
    return glossary.entries[form.entry]!.evidence[form.quote]?.sentence;
  };

  it('quotes the article sentence that uses the hovered word', () => {
    expect(byId('genetics').evidence[0]!.sentence).toBe('One of the most significant contributors to RLS is genetics.');
    expect(formQuote('Genetics')).toBe('One of the most significant contributors to RLS is genetics.');
    expect(formQuote('run in families')).toMatch(/^Studies show that Restless Legs Syndrome tends to run in families/);
    // Only a heading uses "family history": a sentence about the entry is quoted rather than the heading.
    expect(formQuote('Family history')).toMatch(/^Studies show that Restless Legs Syndrome tends to run in families/);
    expect(formQuote('iron depletion')).toMatch(/can lead to iron depletion, triggering secondary forms/);
    expect(formQuote('low iron levels')).toMatch(/^Low iron levels, particularly in the brain/);
    expect(formQuote('secondary forms of restless legs syndrome')).toMatch(
      /triggering secondary forms of restless legs syndrome\.$/,
    );
  });

  it('marks every treatment claim and never shows one first', () => {
    const claims = new Set(glossary.entries.flatMap((e) => e.claims.map((c) => c.sentence)));
    for (const claim of CLAIMS) expect(claims, claim).toContain(claim);
    for (const e of glossary.entries) {
      for (const quote of e.evidence) expect(quote.claim, `${e.id}: ${quote.sentence}`).toBeUndefined();
      for (const quote of e.claims) expect(quote.claim, e.id).toBe(true);
    }
    for (const id of ['ferritin', 'iron-stores', 'quality-of-life', 'sleep-quality', 'dopamine-boosting-medications']) {
      expect(byId(id).evidence, id).toEqual([]);
      expect(byId(id).claims.length, id).toBeGreaterThan(0);
    }
  });

  it('gives each form a quote of its own entry, or none', () => {
    for (const [i, form] of glossary.forms.entries()) {
      const entry = glossary.entries[form.entry]!;
      expect(entry.forms, form.text).toContain(form.text);
      expect(form.quote, form.text).toBe(entry.evidence.length === 0 ? -1 : form.quote);
      expect(form.quote < entry.evidence.length, form.text).toBe(true);
      expect(
        glossary.forms.findIndex((f) => f.text === form.text),
        form.text,
      ).toBe(i);
    }
    expect(glossary.forms.map((f) => f.text)).toEqual(glossary.entries.flatMap((e) => e.forms));
  });
});

describe('entry data', () => {
  it('names its sources and the kind and source of every outside alias', () => {
    for (const e of glossary.entries) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(
        e.outsideAliasNotes.map((n) => n.text),
        e.id,
      ).toEqual(e.outsideAliases);
      for (const note of e.outsideAliasNotes) expect(note.source.trim(), `${e.id}: ${note.text}`).not.toBe('');
    }
  });

  it('keeps aliases that are not synonyms out, and finds the true ones', () => {
    const owner = (text: string) => glossary.entries.find((e) => e.forms.some((f) => formKey(f) === formKey(text)))?.id;
    for (const wrong of [
      'paresthesia',
      'dysesthesia',
      'itching sensations',
      'bariatric surgery',
      'heritability',
      'MEIS1',
      'BTBD9',
      'endorphins',
      'peripheral neuropathy',
      'chronic kidney failure',
    ]) {
      expect(owner(wrong) ?? 'no entry', wrong).toBe('no entry');
    }
    expect(owner('anaemia')).toBe('anemia');
    expect(owner('Kidney failure')).toBe('kidney-failure');
    expect(owner('kidney failure')).toBe('kidney-failure');
    expect(owner('genetics')).toBe('genetics');
    for (const text of ['end-stage renal failure', 'end-stage kidney failure', 'ESRF', 'ESKD'])
      expect(owner(text), text).toBe('end-stage-renal-disease');
    for (const text of ['Wittmaack-Ekbom syndrome', 'Wittmaack–Ekbom syndrome'])
      expect(owner(text), text).toBe('restless-legs-syndrome');
    for (const text of ['dopamine agonists', 'dopaminergic medications'])
      expect(owner(text), text).toBe('dopamine-boosting-medications');
  });

  it('draws the concept map as a graph: genes, nerves, dopamine and iron lead to RLS', () => {
    const leads = (id: string) => glossary.entries.find((e) => e.id === id)!.leadsTo;
    expect(leads('genetics')).toContain('restless-legs-syndrome');
    expect(leads('nerve-function')).toContain('restless-legs-syndrome');
    expect(leads('dopamine')).toContain('restless-legs-syndrome');
    expect(leads('opioid-system')).toContain('restless-legs-syndrome');
    // The conditions that deplete iron lead to iron deficiency; iron itself is what dopamine is made with, and
    // ferritin is where the body's iron stores are kept.
    for (const id of ['chronic-kidney-disease', 'pregnancy', 'gastric-bypass-surgery', 'iron-stores'])
      expect(leads(id), id).toContain('iron-deficiency');
    expect(leads('iron')).toContain('dopamine');
    expect(leads('ferritin')).toContain('iron-stores');
    expect(leads('secondary-rls')).toContain('restless-legs-syndrome');
    expect(leads('iron-deficiency')).toEqual(expect.arrayContaining(['restless-legs-syndrome', 'secondary-rls']));
    expect(leads('quality-of-life')).toEqual([]);
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
    [
      'a term the article never uses',
      [entry({ id: 'wed', term: 'Willis-Ekbom disease' })],
      'entry "wed": term "Willis-Ekbom disease" never occurs in the article',
    ],
    [
      'an alias the article never uses',
      [entry({ id: 'ferritin', aliases: ['serum ferritin'] })],
      'entry "ferritin": alias "serum ferritin" never occurs in the article',
    ],
    [
      'an outside alias the article does use',
      [entry({ id: 'ferritin', outsideAliases: [outside('ferritin levels')] })],
      'entry "ferritin": outside alias "ferritin levels" occurs in the article: list it under aliases',
    ],
    [
      'an outside alias without a kind',
      [entry({ id: 'ferritin', outsideAliases: [{ text: 'serum ferritin', source: 'MeSH' } as never] })],
      'entry "ferritin": outside alias "serum ferritin" has no kind (one of: plural, spelling variant, standard abbreviation, synonym, inflection)',
    ],
    [
      'an outside alias without a source',
      [entry({ id: 'ferritin', outsideAliases: [{ text: 'serum ferritin', kind: 'synonym', source: ' ' }] })],
      'entry "ferritin": outside alias "serum ferritin" has no source',
    ],
    [
      'an outside alias written as a plain string',
      [entry({ id: 'ferritin', outsideAliases: ['serum ferritin' as never] })],
      'entry "ferritin": outside alias "serum ferritin" has no kind and source',
    ],
    [
      'an acronym that does not ask for context',
      [entry({ id: 'ferritin', outsideAliases: [{ text: 'SF', kind: 'standard abbreviation', source: 'lab usage' }] })],
      'entry "ferritin": outside alias "SF" contains the acronym "SF", which has other meanings on other pages: mark it needsContext',
    ],
    ['an entry without sources', [entry({ id: 'ferritin', sources: [] })], 'entry "ferritin": has no sources'],
    [
      'a source without a URL',
      [entry({ id: 'ferritin', sources: [{ ...SOURCE, url: 'medlineplus' }] })],
      'entry "ferritin": source "MedlinePlus" has no URL',
    ],
    [
      'a leadsTo entry that does not exist',
      [entry({ id: 'ferritin', leadsTo: ['rls'] })],
      'entry "ferritin": leadsTo entry "rls" does not exist',
    ],
    [
      'an entry leading to itself',
      [entry({ id: 'ferritin', leadsTo: ['ferritin'] })],
      'entry "ferritin": leadsTo names the entry itself',
    ],
    [
      'a cycle in leadsTo',
      [
        entry({ id: 'ferritin', leadsTo: ['dopamine'] }),
        entry({ id: 'dopamine', term: 'Dopamine', section: 'dopamine', leadsTo: ['ferritin'] }),
      ],
      'leadsTo makes a cycle: ferritin → dopamine → ferritin',
    ],
    [
      'a form needing context that nothing could release',
      [entry({ id: 'ferritin', context: { term: true } })],
      'entry "ferritin": "Ferritin" needs context, but neither the entry nor its context.from entries have an unambiguous form',
    ],
    [
      'a context entry that does not exist',
      [entry({ id: 'ferritin', context: { from: ['irn'] } })],
      'entry "ferritin": context.from entry "irn" does not exist',
    ],
    [
      'a definition that claims treatment',
      [entry({ id: 'ferritin', definition: 'A protein. Its treatment is easy.' })],
      'entry "ferritin": definition gives advice or claims treatment ("treatment")',
    ],
    [
      'a form claimed by two entries',
      [
        entry({ id: 'ferritin' }),
        entry({ id: 'ferritin-2', term: 'Dopamine', section: 'dopamine', aliases: ['FERRITIN'] }),
      ],
      'entry "ferritin-2": alias "FERRITIN" is already claimed by entry "ferritin" (as term "Ferritin")',
    ],
    [
      'a form claimed twice by one entry',
      [entry({ id: 'iron-deficiency', term: 'Iron deficiency', aliases: ['iron-deficiency'] })],
      'entry "iron-deficiency": alias "iron-deficiency" is already claimed by this entry (as term "Iron deficiency")',
    ],
    [
      'a related entry that does not exist',
      [entry({ id: 'ferritin', related: ['iron-storez'] })],
      'entry "ferritin": related entry "iron-storez" does not exist',
    ],
    ['an empty definition', [entry({ id: 'ferritin', definition: ' ' })], 'entry "ferritin": definition is empty'],
    [
      'a long definition',
      [entry({ id: 'ferritin', definition: `${'Iron. '.repeat(2)}${'x'.repeat(320)}.` })],
      'entry "ferritin": definition is too long (333 > 320 characters)',
    ],
    [
      'a definition of four sentences',
      [entry({ id: 'ferritin', definition: 'One. Two. Three. Four.' })],
      'entry "ferritin": definition has 4 sentences (at most 3)',
    ],
    [
      'a definition that advises',
      [entry({ id: 'ferritin', definition: 'A protein. People with RLS should have it checked.' })],
      'entry "ferritin": definition gives advice or claims treatment ("should")',
    ],
    ['an id that is not kebab-case', [entry({ id: 'Ferritin_Level' })], 'entry "Ferritin_Level": id is not kebab-case'],
    [
      'a duplicated id',
      [entry({ id: 'ferritin' }), entry({ id: 'ferritin', term: 'Dopamine', section: 'dopamine' })],
      'entry "ferritin": id is duplicated',
    ],
    [
      'an unknown section',
      [entry({ id: 'ferritin', section: 'treatment' as EntrySource['section'] })],
      'entry "ferritin": unknown section "treatment"',
    ],
    [
      'a section that never mentions the entry',
      [entry({ id: 'ferritin', section: 'genetics' })],
      'entry "ferritin": is filed under section "genetics" but never mentioned there',
    ],
    [
      'an outside entry the article never names, whose card would have no article line',
      [entry({ id: 'haemochromatosis', term: 'Haemochromatosis', termSource: 'NHS' })],
      'entry "haemochromatosis": its card would show no line of the article',
    ],
    [
      'quoteFrom on an article entry',
      [entry({ id: 'ferritin', quoteFrom: ['iron'] })],
      'entry "ferritin": quoteFrom is only for an outside entry',
    ],
    [
      'an outside entry whose word the article uses',
      [entry({ id: 'ferritin', termSource: 'MedlinePlus' })],
      'entry "ferritin": outside alias "Ferritin" occurs in the article: the entry is the article\'s: drop termSource',
    ],
  ])('%s', (_, entries, message) => {
    expect(compileError(entries)).toContain(message);
  });

  it('accepts outside aliases the article never uses', () => {
    expect(() =>
      compileGlossary(ARTICLE, [entry({ id: 'ferritin', outsideAliases: [outside('serum ferritin')] })]),
    ).not.toThrow();
  });

  it('lists every problem in one message', () => {
    const message = compileError([
      entry({ id: 'ferritin', related: ['nope'] }),
      entry({ id: 'wed', term: 'Willis-Ekbom disease' }),
    ]);
    expect(message).toMatch(/^glossary: 2 problems:/);
    expect(message).toContain('entry "ferritin": related entry "nope"');
    expect(message).toContain('entry "wed": term');
  });

  it('rejects an article whose headings are not the known sections', () => {
    expect(() => compileGlossary(ARTICLE.replace('## Conclusion', '## Summary'), [entry({ id: 'ferritin' })])).toThrow(
      /"Summary"/,
    );
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
