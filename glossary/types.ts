// Types shared by the glossary build step, the content script, the popup and the overview page.

/** The article's sections, in article order; entries are filed under one of them. */
export type SectionId =
  | 'introduction'
  | 'genetics'
  | 'neurological'
  | 'dopamine'
  | 'iron'
  | 'conditions'
  | 'conclusion';

/** A curated entry as written by hand in `glossary/entries.ts`. */
export interface EntrySource {
  /** kebab-case, stable: used in URLs (`overview.html#entry=<id>`) and settings. */
  id: string;
  /** The heading shown in tooltips and cards. Also a surface form. */
  term: string;
  /** More surface forms: spelling variants (US/UK), singular/plural, acronyms. Each must occur in the article. */
  aliases?: string[];
  /** Surface forms a reader meets elsewhere that the article itself never uses (e.g. "anaemia"). */
  outsideAliases?: string[];
  section: SectionId;
  /** 2–3 plain-language sentences for a lay reader. Explains; never advises treatment. */
  definition: string;
  /** ids of related entries. */
  related?: string[];
}

/** One article sentence that mentions an entry, quoted verbatim. */
export interface Evidence {
  sentence: string;
  section: SectionId;
  /** The quote is the section's heading rather than a body sentence (some terms, e.g. "family history", occur only there). */
  heading?: true;
}

export interface GlossaryEntry {
  id: string;
  term: string;
  /** Every surface form the matcher looks for, term first. */
  forms: string[];
  aliases: string[];
  outsideAliases: string[];
  section: SectionId;
  definition: string;
  related: string[];
  /** Article sentences mentioning the entry, in article order. */
  evidence: Evidence[];
  /** How many times the entry's forms occur in the article. */
  mentions: number;
}

export interface GlossarySection {
  id: SectionId;
  /** The heading in the article ("Introduction" and "Conclusion" for the untitled first and last parts). */
  title: string;
  /** One line on what the section says (curated). */
  summary: string;
  /** Entries filed under this section, in order of first mention. */
  entryIds: string[];
}

export interface Glossary {
  article: { title: string; author: string; date: string };
  sections: GlossarySection[];
  entries: GlossaryEntry[];
}
