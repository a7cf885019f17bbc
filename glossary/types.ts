// Types shared by the glossary build step, the content script, the popup and the overview page.

import type { ContextForm, OtherSenseCue } from '../core/context-rule.ts';

export type { OtherSenseCue };

/** The article's sections, in article order; entries are filed under one of them. */
export type SectionId =
  'introduction' | 'genetics' | 'neurological' | 'dopamine' | 'iron' | 'conditions' | 'conclusion';

/** Why a form the article never uses names the same thing as the entry. Nothing else is an alias. */
export type AliasKind = 'plural' | 'spelling variant' | 'standard abbreviation' | 'synonym' | 'inflection';

/** Where a definition or an alias was checked. */
export interface SourceRef {
  name: 'NINDS' | 'NHLBI' | 'MedlinePlus' | 'MedlinePlus Genetics' | 'NHS' | 'NICE' | 'MeSH' | 'Review article';
  title: string;
  url: string;
}

/** A form the article itself uses. A plain string where it is plainly the entry; an object to say why otherwise. */
type ArticleAlias =
  | string
  | {
      text: string;
      /** Why the article's words mean the entry ("the article's abbreviation: 'Restless Legs Syndrome (RLS)'"). */
      why?: string;
      /** Ambiguous on other pages (an acronym, a word with an everyday sense): see core/context-rule.ts. */
      needsContext?: true;
    };

/** A form readers meet elsewhere that the article never uses. Allowed only for the same thing, with its source. */
interface OutsideAlias {
  text: string;
  kind: AliasKind;
  /** Short and checkable: "NHS: also known as Willis-Ekbom disease", "MeSH synonym", "plural". */
  source: string;
  needsContext?: true;
}

/** How the content script decides that an ambiguous form means this entry on a page (core/context-rule.ts). */
interface EntryContext {
  /** The term itself is ambiguous (aliases say so themselves). */
  term?: true;
  /** More entries whose unambiguous forms on a page show it means this entry's sense (the entry itself always does). */
  from?: string[];
  /** Neighbouring words that show another sense ("cast iron", "iron out"), for every ambiguous form of the entry. */
  otherSense?: OtherSenseCue[];
}

/** A curated entry as written by hand in `glossary/entries.ts`. */
export interface EntrySource {
  /** kebab-case, stable: used in URLs (`overview.html#entry=<id>`) and settings. */
  id: string;
  /** The heading shown in tooltips and cards. Also a surface form, which the article uses (see `termSource`). */
  term: string;
  /**
   * Set only for an entry whose word the article never uses on its own (e.g. "Anemia", which it uses only inside
   * "iron-deficiency anemia"): such an entry exists so that a broader word gets an honest explanation of its own
   * instead of a narrower article entry's. Says where the term and definition come from; its forms are outside forms.
   */
  termSource?: string;
  /**
   * For an outside entry whose words the article never uses, even inside a longer form ("kidney failure"): the article
   * entries whose sentences say why it matters here ("end-stage renal disease"). Their quotes become its own, so its
   * card still carries a line of the article (glossary/compile.ts fails an entry whose card would have none).
   */
  quoteFrom?: string[];
  /** More surface forms the article uses (the matcher already ignores case and treats hyphen and space alike). */
  aliases?: ArticleAlias[];
  /** Surface forms the article never uses: true synonyms, spellings, plurals, standard abbreviations only. */
  outsideAliases?: OutsideAlias[];
  section: SectionId;
  /** 2–3 plain-language sentences for a lay reader, hedged as the sources are. Explains; never advises treatment. */
  definition: string;
  /** The pages the definition (and the outside aliases) were checked against. */
  sources: SourceRef[];
  /** ids of related entries (listed both ways). */
  related?: string[];
  /** ids of entries the article presents this one as contributing to or leading to (the concept map's arrows). */
  leadsTo?: string[];
  context?: EntryContext;
}

/** One article sentence that mentions an entry, quoted verbatim. */
export interface Evidence {
  sentence: string;
  section: SectionId;
  /** The quote is the section's heading rather than a body sentence (some terms, e.g. "family history", occur only there). */
  heading?: true;
  /** The sentence makes a treatment claim ("…is often a cornerstone of effective management."): never a first quote. */
  claim?: true;
}

interface OutsideAliasNote {
  text: string;
  kind: AliasKind;
  source: string;
}

export interface GlossaryEntry {
  id: string;
  term: string;
  /** Every surface form the matcher looks for, term first. */
  forms: string[];
  /** The article's own forms besides the term. */
  aliases: string[];
  /** Why an article alias is the entry, where the data says so. */
  aliasNotes?: { text: string; why: string }[];
  /** Forms the article never uses (for an outside entry the term is one too; see `termSource`). */
  outsideAliases: string[];
  /** Kind and source of each outside alias, in the order of `outsideAliases`. */
  outsideAliasNotes?: OutsideAliasNote[];
  /** Where the term comes from when the article never uses it on its own (an outside entry). */
  termSource?: string;
  section: SectionId;
  definition: string;
  sources?: SourceRef[];
  related: string[];
  /** Entries the article presents this one as leading to; a directed graph without cycles. */
  leadsTo?: string[];
  /**
   * Article quotes that may be shown: `evidence[0]` is the quote to show first (a body sentence using the term where
   * there is one, a heading only when no sentence mentions the entry), then the rest in article order. Never a claim.
   */
  evidence: Evidence[];
  /** Article sentences mentioning the entry that make treatment claims, in article order (each `claim: true`). */
  claims?: Evidence[];
  /** How many times the entry's forms occur in the article. */
  mentions: number;
}

/**
 * An entry as the build emits it: every field present. (`GlossaryEntry` keeps the fields added with the alias policy
 * optional so that code and tests written against the earlier shape still type-check.)
 */
export type CompiledEntry = GlossaryEntry &
  Required<Pick<GlossaryEntry, 'aliasNotes' | 'outsideAliasNotes' | 'sources' | 'leadsTo' | 'claims'>>;

/** One surface form, as the content script's matcher numbers it: compile the matcher with `entry: formIndex`. */
export interface GlossaryForm extends ContextForm {
  text: string;
  /** Index into `Glossary.entries`. */
  entry: number;
  kind: 'term' | 'alias' | 'outside alias';
  /** Index into the entry's `evidence` of the quote for this form (a sentence using it where there is one), or -1. */
  quote: number;
}

export interface GlossarySection {
  id: SectionId;
  /** The heading in the article ("Introduction" and "Conclusion" for the untitled first and last parts). */
  title: string;
  /** One line on what the section says (curated). */
  summary: string;
  /** Entries filed under this section, in order of first mention (entries the article never names alone last). */
  entryIds: string[];
}

export interface Glossary {
  article: { title: string; author: string; date: string };
  sections: GlossarySection[];
  entries: CompiledEntry[];
  /** Every surface form of every entry, in entry order (term, aliases, outside aliases). */
  forms: GlossaryForm[];
}
