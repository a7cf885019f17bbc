// Checks of the hand-written entries that need no article: ids, sections, definitions, sources, the alias policy,
// the context data and the concept-map graph. Each problem names the entry; compile.ts reports them all at once.

import { formWords, isAcronym } from '../core/matcher.ts';
import { splitSentences } from './parse-article.ts';
import type { AliasKind, EntrySource } from './types.ts';

const MAX_DEFINITION_LENGTH = 320;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ALIAS_KINDS: readonly AliasKind[] = [
  'plural',
  'spelling variant',
  'standard abbreviation',
  'synonym',
  'inflection',
];
const SOURCE_NAMES = new Set([
  'NINDS',
  'NHLBI',
  'MedlinePlus',
  'MedlinePlus Genetics',
  'NHS',
  'NICE',
  'MeSH',
  'Review article',
]);

/**
 * How advice and treatment claims usually read. A definition containing one fails the build (entries explain, they
 * never advise); an article sentence containing one is marked `claim` and is never shown as a first quote.
 */
export const ADVICE_OR_CLAIM =
  /\b(?:should|must|take|taking|consult|recommend(?:s|ed)?|ask your|talk to your|see your|seek|treat(?:s|ed|ing|ment|ments)?|therap(?:y|ies)|manag(?:e|es|ed|ing|ement)|relie(?:f|ve|ves|ved)|cure[sd]?|correct(?:s|ed|ing)?|evaluation|supplements?)\b/i;

export type Problem = (entry: EntrySource, text: string) => void;

export function checkEntries(entries: readonly EntrySource[], sectionIds: ReadonlySet<string>, problem: Problem): void {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!KEBAB_CASE.test(entry.id)) problem(entry, 'id is not kebab-case');
    if (ids.has(entry.id)) problem(entry, 'id is duplicated');
    ids.add(entry.id);
    if (!sectionIds.has(entry.section)) problem(entry, `unknown section "${entry.section}"`);
    checkDefinition(entry, problem);
    checkSources(entry, problem);
    checkForms(entry, problem);
    if (entry.termSource !== undefined && !entry.termSource.trim()) problem(entry, 'termSource is empty');
  }
  for (const entry of entries) {
    if (entry.quoteFrom && entry.termSource === undefined)
      problem(
        entry,
        "quoteFrom is only for an outside entry (one with termSource): the article's own entries are quoted where they occur",
      );
    for (const [field, list] of [
      ['related', entry.related],
      ['leadsTo', entry.leadsTo],
      ['context.from', entry.context?.from],
      ['quoteFrom', entry.quoteFrom],
    ] as const) {
      for (const id of list ?? []) {
        // context.from may list the entry itself (shared lists): it always counts anyway.
        if (id === entry.id && field !== 'context.from') problem(entry, `${field} names the entry itself`);
        else if (id === entry.id) continue;
        else if (!ids.has(id)) problem(entry, `${field} entry "${id}" does not exist`);
      }
    }
  }
  checkCycles(entries, problem);
}

function checkDefinition(entry: EntrySource, problem: Problem): void {
  const definition = entry.definition.trim();
  const sentenceCount = splitSentences(definition).length;
  if (!definition) problem(entry, 'definition is empty');
  else if (definition.length > MAX_DEFINITION_LENGTH) {
    problem(entry, `definition is too long (${definition.length} > ${MAX_DEFINITION_LENGTH} characters)`);
  } else if (sentenceCount > 3) problem(entry, `definition has ${sentenceCount} sentences (at most 3)`);
  const advice = ADVICE_OR_CLAIM.exec(definition)?.[0];
  if (advice) problem(entry, `definition gives advice or claims treatment ("${advice}"): explain, don't advise`);
}

function checkSources(entry: EntrySource, problem: Problem): void {
  // `sources` is required by the type, but entries may come from plain JavaScript (scripts, tests).
  const sources = (entry as Partial<EntrySource>).sources ?? [];
  if (sources.length === 0)
    problem(entry, 'has no sources: say which NINDS, MedlinePlus or NHS pages the definition was checked against');
  for (const source of sources) {
    if (!SOURCE_NAMES.has(source.name))
      problem(entry, `source "${source.name}" is not one of ${[...SOURCE_NAMES].join(', ')}`);
    if (!source.title?.trim()) problem(entry, `source "${source.name}" has no title`);
    if (!/^https?:\/\/\S+$/.test(source.url ?? '')) problem(entry, `source "${source.name}" has no URL`);
  }
}

function checkForms(entry: EntrySource, problem: Problem): void {
  const acronymNeedsContext = (text: string, needsContext: boolean | undefined, what: string) => {
    const acronym = formWords(text).find(isAcronym);
    if (acronym && !needsContext) {
      problem(
        entry,
        `${what} "${text}" contains the acronym "${acronym}", which has other meanings on other pages: mark it needsContext`,
      );
    }
  };
  acronymNeedsContext(entry.term, entry.context?.term, 'term');
  for (const alias of entry.aliases ?? []) {
    if (typeof alias === 'string') acronymNeedsContext(alias, false, 'alias');
    else acronymNeedsContext(alias.text, alias.needsContext, 'alias');
  }
  // Plain strings are not allowed here by the type, but entries may come from plain JavaScript: say why it fails.
  for (const alias of (entry.outsideAliases ?? []) as unknown[]) {
    if (typeof alias !== 'object' || alias === null) {
      problem(entry, `outside alias ${JSON.stringify(alias)} has no kind and source: write { text, kind, source }`);
      continue;
    }
    const { text, kind, source, needsContext } = alias as {
      text?: string;
      kind?: string;
      source?: string;
      needsContext?: true;
    };
    const name = JSON.stringify(text ?? '');
    if (!ALIAS_KINDS.includes(kind as AliasKind)) {
      problem(entry, `outside alias ${name} has no kind (one of: ${ALIAS_KINDS.join(', ')})`);
    }
    if (!source?.trim())
      problem(entry, `outside alias ${name} has no source (e.g. "MeSH synonym", "NHS: also known as …")`);
    acronymNeedsContext(text ?? '', needsContext, 'outside alias');
  }
  for (const cue of entry.context?.otherSense ?? []) {
    const words = [...(cue.prev ?? []), ...(cue.next ?? [])];
    if (!cue.prev && !cue.next) problem(entry, 'an otherSense cue has neither prev nor next words');
    for (const word of words)
      if (word !== word.toLowerCase()) problem(entry, `otherSense word "${word}" is not lower-case`);
  }
}

/** The concept map must be a graph without cycles: "A leads to B leads to A" says nothing. */
function checkCycles(entries: readonly EntrySource[], problem: Problem): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (entry: EntrySource): void => {
    state.set(entry.id, 'open');
    path.push(entry.id);
    for (const id of entry.leadsTo ?? []) {
      const next = byId.get(id);
      if (!next || id === entry.id) continue;
      if (state.get(id) === 'open') {
        problem(next, `leadsTo makes a cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
      } else if (!state.has(id)) visit(next);
    }
    path.pop();
    state.set(entry.id, 'done');
  };
  for (const entry of entries) if (!state.has(entry.id)) visit(entry);
}
