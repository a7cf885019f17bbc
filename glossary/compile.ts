// The glossary build step: article.md + curated entries → a validated Glossary with article evidence.
// Pure (no fs, no Vite), so the Vite plugin, node scripts and tests all call the same code. Evidence comes from
// running the very matcher the pages use (content/match), so "occurs in the article" means "would be highlighted".

import { compileMatcher, formKey, type SurfaceForm } from '../core/matcher.ts';
import { parseArticle, splitSentences } from './parse-article.ts';
import { SECTIONS, type SectionInfo } from './sections.ts';
import type { EntrySource, Evidence, Glossary, GlossaryEntry, GlossarySection } from './types.ts';

export const MAX_DEFINITION_LENGTH = 320;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Definitions explain and never advise treatment; these words are how advice usually slips in.
const ADVICE = /\b(?:should|must|take|taking|consult|recommended|ask your|talk to your)\b/i;

interface FormInfo {
  entry: number;
  text: string;
  kind: 'term' | 'alias' | 'outside alias';
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
    problems.push(`article sections ${JSON.stringify(headings)} do not match glossary/sections.ts ${JSON.stringify(expected)}`);
  }
  const sectionIds = new Set<string>(sections.map((s) => s.id));

  const ids = new Set<string>();
  for (const entry of entries) {
    if (!KEBAB_CASE.test(entry.id)) problem(entry, 'id is not kebab-case');
    if (ids.has(entry.id)) problem(entry, 'id is duplicated');
    ids.add(entry.id);
    if (!sectionIds.has(entry.section)) problem(entry, `unknown section "${entry.section}"`);
    const definition = entry.definition.trim();
    const sentenceCount = splitSentences(definition).length;
    if (!definition) problem(entry, 'definition is empty');
    else if (definition.length > MAX_DEFINITION_LENGTH) {
      problem(entry, `definition is too long (${definition.length} > ${MAX_DEFINITION_LENGTH} characters)`);
    } else if (sentenceCount > 3) problem(entry, `definition has ${sentenceCount} sentences (at most 3)`);
    const advice = ADVICE.exec(definition)?.[0];
    if (advice) problem(entry, `definition gives advice ("${advice}"): explain, don't advise`);
  }
  for (const entry of entries) {
    for (const id of entry.related ?? []) {
      if (id === entry.id) problem(entry, 'is related to itself');
      else if (!ids.has(id)) problem(entry, `related entry "${id}" does not exist`);
    }
  }

  // Every surface form, with the entry and kind it came from. A form key claimed twice would make the matcher
  // silently pick one owner, so it is an error naming both claims.
  const forms: FormInfo[] = [];
  const owners = new Map<string, FormInfo>();
  entries.forEach((entry, index) => {
    const add = (text: string, kind: FormInfo['kind']) => {
      const key = formKey(text);
      if (!key) return problem(entry, `${kind} "${text}" is empty`);
      const owner = owners.get(key);
      if (owner) {
        const other = owner.entry === index ? 'this entry' : `entry "${entries[owner.entry]!.id}"`;
        return problem(entry, `${kind} "${text}" is already claimed by ${other} (as ${owner.kind} "${owner.text}")`);
      }
      const form = { entry: index, text, kind };
      owners.set(key, form);
      forms.push(form);
    };
    add(entry.term, 'term');
    for (const alias of entry.aliases ?? []) add(alias, 'alias');
    for (const alias of entry.outsideAliases ?? []) add(alias, 'outside alias');
  });

  // The form's index is the matcher's "entry", so a match tells which form was found, not just which entry.
  const matcher = compileMatcher(forms.map((form, i): SurfaceForm => ({ text: form.text, entry: i })));
  const formHits = new Array<number>(forms.length).fill(0);
  const evidence = entries.map((): Evidence[] => []);
  const mentions = new Array<number>(entries.length).fill(0);
  const firstMention = new Array<number>(entries.length).fill(Infinity);
  let position = 0;
  article.sections.forEach((section, s) => {
    const id = sections[s]?.id;
    if (!id) return;
    // Headings are article text too: some terms ("Genetic predisposition", "Family history") appear only there.
    const quotes = [{ text: section.title, heading: true }, ...section.sentences.map((text) => ({ text, heading: false }))];
    for (const quote of quotes) {
      const seen = new Set<number>();
      for (const match of matcher.find(quote.text)) {
        const entry = forms[match.entry]!.entry;
        formHits[match.entry]!++;
        mentions[entry]!++;
        firstMention[entry] = Math.min(firstMention[entry]!, position + match.start);
        if (seen.has(entry)) continue;
        seen.add(entry);
        evidence[entry]!.push(quote.heading ? { sentence: quote.text, section: id, heading: true } : { sentence: quote.text, section: id });
      }
      position += quote.text.length + 1;
    }
  });

  forms.forEach((form, i) => {
    const entry = entries[form.entry]!;
    const found = formHits[i]! > 0;
    if (form.kind !== 'outside alias' && !found) problem(entry, `${form.kind} "${form.text}" never occurs in the article`);
    if (form.kind === 'outside alias' && found) {
      problem(entry, `outside alias "${form.text}" occurs in the article: list it under aliases`);
    }
  });
  entries.forEach((entry, i) => {
    if (evidence[i]!.length === 0) problem(entry, 'has no evidence sentence in the article');
    else if (sectionIds.has(entry.section) && !evidence[i]!.some((e) => e.section === entry.section)) {
      problem(entry, `is filed under section "${entry.section}" but never mentioned there`);
    }
  });

  if (problems.length > 0) {
    throw new Error(`glossary: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
  }

  const compiled: GlossaryEntry[] = entries.map((entry, i) => ({
    id: entry.id,
    term: entry.term,
    forms: [entry.term, ...(entry.aliases ?? []), ...(entry.outsideAliases ?? [])],
    aliases: [...(entry.aliases ?? [])],
    outsideAliases: [...(entry.outsideAliases ?? [])],
    section: entry.section,
    definition: entry.definition.trim(),
    related: [...(entry.related ?? [])],
    evidence: evidence[i]!,
    mentions: mentions[i]!,
  }));
  const byFirstMention = (a: number, b: number) => firstMention[a]! - firstMention[b]!;
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
  };
}
