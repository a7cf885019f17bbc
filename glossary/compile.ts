// The glossary build step: article.md + curated entries → a validated Glossary with article evidence.
// Pure (no fs, no Vite), so the Vite plugin, node scripts and tests all call the same code. Evidence comes from
// running the very matcher the pages use (core/matcher), so "occurs in the article" means "would be highlighted".

import { formKey, type Matcher } from '../core/matcher.ts';
import { compileMatcher } from '../core/matcher-compile.ts';
import { ADVICE_OR_CLAIM, checkEntries } from './check-entries.ts';
import { parseArticle } from './parse-article.ts';
import { SECTIONS, type SectionInfo } from './sections.ts';
import type {
  CompiledEntry,
  EntrySource,
  Evidence,
  Glossary,
  GlossaryForm,
  GlossarySection,
  SectionId,
} from './types.ts';

interface FormInfo {
  entry: number;
  text: string;
  kind: GlossaryForm['kind'];
  needsContext: boolean;
}

/** An article quote mentioning an entry, with the entry's forms it uses. */
interface Quote extends Evidence {
  forms: Set<number>;
}

/** Whether an article sentence makes a treatment claim (or gives advice): such a sentence is never a first quote. */
function isClaim(sentence: string): boolean {
  return ADVICE_OR_CLAIM.test(sentence);
}

/** Compiles the glossary; throws one Error listing every problem, each naming the entry it concerns. */
export function compileGlossary(
  articleMarkdown: string,
  entries: readonly EntrySource[],
  sections: readonly SectionInfo[] = SECTIONS,
): Glossary {
  const article = parseArticle(articleMarkdown);
  const problems: string[] = [];
  const problem = (entry: EntrySource, text: string) => problems.push(`entry "${entry.id}": ${text}`);

  // Headings must be exactly the known sections, in order: entries and the UI refer to sections by id.
  const headings = article.sections.map((s) => s.title);
  const expected = sections.map((s) => s.title);
  if (headings.join('\n') !== expected.join('\n')) {
    problems.push(
      `article sections ${JSON.stringify(headings)} do not match glossary/sections.ts ${JSON.stringify(expected)}`,
    );
  }
  const sectionIds = new Set<string>(sections.map((s) => s.id));
  checkEntries(entries, sectionIds, problem);

  // Every surface form, with the entry and kind it came from. A form key claimed twice would make the matcher
  // silently pick one owner, so it is an error naming both claims.
  const forms: FormInfo[] = [];
  const owners = new Map<string, FormInfo>();
  entries.forEach((entry, index) => {
    const add = (text: string, kind: FormInfo['kind'], needsContext = false) => {
      const key = formKey(text);
      if (!key) return problem(entry, `${kind} "${text}" is empty`);
      const owner = owners.get(key);
      if (owner) {
        const other = owner.entry === index ? 'this entry' : `entry "${entries[owner.entry]!.id}"`;
        return problem(entry, `${kind} "${text}" is already claimed by ${other} (as ${owner.kind} "${owner.text}")`);
      }
      const form = { entry: index, text, kind, needsContext };
      owners.set(key, form);
      forms.push(form);
    };
    add(entry.term, entry.termSource === undefined ? 'term' : 'outside alias', entry.context?.term === true);
    for (const alias of entry.aliases ?? []) {
      if (typeof alias === 'string') add(alias, 'alias');
      else add(alias.text, 'alias', alias.needsContext === true);
    }
    for (const alias of entry.outsideAliases ?? [])
      if (alias?.text !== undefined) add(alias.text, 'outside alias', alias.needsContext === true);
  });

  // The form's index is the matcher's "entry", so a match tells which form was found, not just which entry.
  const matcher = compileMatcher(forms.map((form, i) => ({ text: form.text, entry: i })));
  const formHits = new Array<number>(forms.length).fill(0);
  const quotes = entries.map((): Quote[] => []);
  const mentions = new Array<number>(entries.length).fill(0);
  const firstMention = new Array<number>(entries.length).fill(Infinity);
  // An entry the article never names on its own ("anemia" only inside "iron-deficiency anemia") is quoted where its
  // words occur inside longer forms, found by a matcher of its forms alone.
  const outsideMatchers = new Map<number, Matcher>();
  entries.forEach((entry, e) => {
    if (entry.termSource === undefined) return;
    outsideMatchers.set(
      e,
      compileMatcher(forms.flatMap((f, j) => (f.entry === e ? [{ text: f.text, entry: j }] : []))),
    );
  });

  let position = 0;
  article.sections.forEach((section, s) => {
    const id = sections[s]?.id;
    if (!id) return;
    // Headings are article text too: some terms ("Genetic predisposition", "Family history") appear only there.
    const texts = [
      { text: section.title, heading: true },
      ...section.sentences.map((text) => ({ text, heading: false })),
    ];
    for (const { text, heading } of texts) {
      const record = (entry: number, form: number, start: number, counts: boolean) => {
        if (counts) firstMention[entry] = Math.min(firstMention[entry]!, position + start);
        mentions[entry]!++;
        const list = quotes[entry]!;
        let quote = list.at(-1);
        if (quote?.sentence !== text) {
          quote = { sentence: text, section: id, forms: new Set(), ...(heading ? { heading: true as const } : {}) };
          if (!heading && isClaim(text)) quote.claim = true;
          list.push(quote);
        }
        quote.forms.add(form);
      };
      for (const match of matcher.find(text)) {
        formHits[match.entry]!++;
        record(forms[match.entry]!.entry, match.entry, match.start, true);
      }
      for (const [entry, own] of outsideMatchers)
        for (const match of own.find(text)) record(entry, match.entry, match.start, false);
      position += text.length + 1;
    }
  });

  // An outside entry whose words never occur quotes the sentences of the article entries it names in quoteFrom.
  entries.forEach((entry, i) => {
    if (entry.termSource === undefined || quotes[i]!.length > 0) return;
    for (const id of entry.quoteFrom ?? []) {
      for (const quote of quotes[entries.findIndex((e) => e.id === id)] ?? []) {
        if (!quotes[i]!.some((q) => q.sentence === quote.sentence)) quotes[i]!.push({ ...quote, forms: new Set() });
      }
    }
  });

  forms.forEach((form, i) => {
    const entry = entries[form.entry]!;
    const found = formHits[i]! > 0;
    if (form.kind !== 'outside alias' && !found)
      problem(entry, `${form.kind} "${form.text}" never occurs in the article`);
    if (form.kind === 'outside alias' && found) {
      const fix =
        entry.termSource === undefined ? 'list it under aliases' : "the entry is the article's: drop termSource";
      problem(entry, `outside alias "${form.text}" occurs in the article: ${fix}`);
    }
  });
  entries.forEach((entry, i) => {
    // Every card says why the article names the term (core/card-quote.ts): a sentence, a heading or a claim. An
    // article entry always has one (its term must occur, checked above); an outside entry needs its words in one.
    if (entry.termSource !== undefined && quotes[i]!.length === 0) {
      problem(
        entry,
        'its card would show no line of the article: no sentence or heading uses its forms; name the article entries it stands for in quoteFrom',
      );
    }
  });
  entries.forEach((entry, i) => {
    if (entry.termSource !== undefined || quotes[i]!.length === 0) return;
    if (sectionIds.has(entry.section) && !quotes[i]!.some((q) => q.section === entry.section)) {
      problem(entry, `is filed under section "${entry.section}" but never mentioned there`);
    }
  });
  entries.forEach((entry, i) => {
    for (const form of forms) {
      if (form.entry !== i || !form.needsContext) continue;
      const from = [i, ...(entry.context?.from ?? []).map((id) => entries.findIndex((e) => e.id === id))];
      if (!forms.some((f) => !f.needsContext && from.includes(f.entry))) {
        problem(
          entry,
          `"${form.text}" needs context, but neither the entry nor its context.from entries have an unambiguous form: it could never be lit`,
        );
      }
    }
  });

  if (problems.length > 0) {
    throw new Error(
      `glossary: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`,
    );
  }

  const indexOf = new Map(entries.map((e, i) => [e.id, i]));
  const chosen = entries.map((entry, i) =>
    chooseQuotes(
      quotes[i]!,
      forms.findIndex((f) => f.entry === i),
      entry.section,
    ),
  );
  const compiledForms: GlossaryForm[] = forms.map((form, i) => {
    const entry = entries[form.entry]!;
    const { evidence } = chosen[form.entry]!;
    const compiled: GlossaryForm = {
      text: form.text,
      entry: form.entry,
      kind: form.kind,
      quote: quoteFor(evidence, i),
    };
    if (form.needsContext) {
      compiled.needsContext = true;
      compiled.contextFrom = [...new Set([form.entry, ...(entry.context?.from ?? []).map((id) => indexOf.get(id)!)])];
      if (entry.context?.otherSense?.length) compiled.otherSense = entry.context.otherSense.map((cue) => ({ ...cue }));
    }
    return compiled;
  });
  const compiled: CompiledEntry[] = entries.map((entry, i) => {
    const aliases = (entry.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text));
    const outside = entry.outsideAliases ?? [];
    return {
      id: entry.id,
      term: entry.term,
      forms: [entry.term, ...aliases, ...outside.map((a) => a.text)],
      aliases,
      aliasNotes: (entry.aliases ?? []).flatMap((a) =>
        typeof a !== 'string' && a.why ? [{ text: a.text, why: a.why }] : [],
      ),
      outsideAliases: outside.map((a) => a.text),
      outsideAliasNotes: outside.map(({ text, kind, source }) => ({ text, kind, source })),
      ...(entry.termSource !== undefined ? { termSource: entry.termSource } : {}),
      section: entry.section,
      definition: entry.definition.trim(),
      sources: entry.sources.map((s) => ({ ...s })),
      related: [...(entry.related ?? [])],
      leadsTo: [...(entry.leadsTo ?? [])],
      evidence: chosen[i]!.evidence.map(plain),
      claims: chosen[i]!.claims.map(plain),
      mentions: mentions[i]!,
    };
  });
  const byFirstMention = (a: number, b: number) => firstMention[a]! - firstMention[b]! || a - b;
  const glossarySections: GlossarySection[] = sections.map((section) => ({
    id: section.id,
    title: section.title,
    summary: section.summary,
    entryIds: entries
      .map((_, i) => i)
      .filter((i) => entries[i]!.section === section.id)
      .sort(byFirstMention)
      .map((i) => entries[i]!.id),
  }));
  return {
    article: { title: article.title, author: article.author, date: article.date },
    sections: glossarySections,
    entries: compiled,
    forms: compiledForms,
  };
}

const plain = ({ sentence, section, heading, claim }: Quote): Evidence => ({
  sentence,
  section: section as SectionId,
  ...(heading ? { heading } : {}),
  ...(claim ? { claim } : {}),
});

/**
 * The entry's quotes for a reader: first the best body sentence (in the entry's own section and using the term, else
 * in its section, else using the term, else any), a heading only when no sentence mentions the entry; then the others
 * in article order. Treatment claims are kept apart and never come first.
 */
function chooseQuotes(
  quotes: readonly Quote[],
  termForm: number,
  section: string,
): { evidence: Quote[]; claims: Quote[] } {
  const shown = quotes.filter((q) => !q.claim);
  const body = shown.filter((q) => !q.heading);
  const first =
    body.find((q) => q.section === section && q.forms.has(termForm)) ??
    body.find((q) => q.section === section) ??
    body.find((q) => q.forms.has(termForm)) ??
    body[0] ??
    shown[0];
  return { evidence: first ? [first, ...shown.filter((q) => q !== first)] : [], claims: quotes.filter((q) => q.claim) };
}

/**
 * The quote for one form: a body sentence using it, else the entry's first quote — which is a heading only when no
 * sentence mentions the entry. A heading that uses the form does not beat a sentence about the entry: hovering
 * "family history" (in the article only in a heading) quotes "…tends to run in families…", not the heading.
 */
function quoteFor(evidence: readonly Quote[], form: number): number {
  const sentence = evidence.findIndex((q) => !q.heading && q.forms.has(form));
  if (sentence >= 0) return sentence;
  return evidence.length > 0 ? 0 : -1;
}
