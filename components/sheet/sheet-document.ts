// A sheet for a doctor's visit, as data and as files: the entries the reader chose, each with its definition, the
// article's sentences about it (treatment claims marked as the article's claims, never as advice), its sources, and
// the article's citation. Pure: the sheet page draws it (components/sheet/sheet-app.tsx) and saves it as Markdown
// or HTML from these builders, which escape every glossary and article string (no markup is ever taken from data).
import type { CompiledEntry, Glossary, SourceRef } from '../../glossary/types';

interface SheetQuote {
  sentence: string;
  /** The article's section the sentence is in. */
  section: string;
  /** A treatment claim the article makes: shown as the article's claim. */
  claim: boolean;
  /** The section's heading rather than a body sentence. */
  heading: boolean;
}

export interface SheetItem {
  id: string;
  term: string;
  section: string;
  definition: string;
  quotes: SheetQuote[];
  sources: SourceRef[];
}

export interface SheetWords {
  title: string;
  disclaimer: string;
  fromArticle: string;
  claim: string;
  heading: string;
  sources: string;
  citationLabel: string;
  /** "“{title}”, by {author}, {date}." with the article's fields filled in. */
  citation: string;
}

export interface Sheet {
  items: SheetItem[];
  words: SheetWords;
}

/** The chosen entries, in the glossary's order (the order of the overview), whatever order the ids came in. */
export function sheetItems(glossary: Pick<Glossary, 'entries' | 'sections'>, ids: Iterable<string>): SheetItem[] {
  const chosen = new Set(ids);
  const sectionTitle = new Map(glossary.sections.map((s) => [s.id, s.title]));
  const order = glossary.sections.flatMap((s) => s.entryIds);
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  return order
    .filter((id) => chosen.has(id))
    .map((id) => byId.get(id))
    .filter((e): e is CompiledEntry => e !== undefined)
    .map((entry) => ({
      id: entry.id,
      term: entry.term,
      section: sectionTitle.get(entry.section) ?? '',
      definition: entry.definition,
      quotes: [...entry.evidence, ...entry.claims].map((q) => ({
        sentence: q.sentence,
        section: sectionTitle.get(q.section) ?? '',
        claim: q.claim === true,
        heading: q.heading === true,
      })),
      sources: entry.sources,
    }));
}

/** Ids from `?entries=a,b` (unknown ids are dropped later, by sheetItems). */
export function idsFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('entries') ?? '';
  return raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[a-z0-9-]+$/.test(id));
}

/** Markdown's special characters escaped, so a term or sentence is always text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);
}

const quoteLabel = (q: SheetQuote, words: SheetWords) =>
  q.claim ? `${words.claim}: ` : q.heading ? `${words.heading}: ` : '';

export function sheetMarkdown({ items, words }: Sheet): string {
  const out = [`# ${escapeMarkdown(words.title)}`, '', `**${escapeMarkdown(words.disclaimer)}**`, ''];
  for (const item of items) {
    out.push(`## ${escapeMarkdown(item.term)}`, '', escapeMarkdown(item.definition), '');
    if (item.quotes.length > 0) {
      out.push(`${escapeMarkdown(words.fromArticle)}:`, '');
      for (const q of item.quotes)
        out.push(
          `> ${escapeMarkdown(quoteLabel(q, words))}“${escapeMarkdown(q.sentence)}” (${escapeMarkdown(q.section)})`,
          '',
        );
    }
    if (item.sources.length > 0) {
      out.push(`${escapeMarkdown(words.sources)}:`, '');
      for (const s of item.sources) out.push(`- ${escapeMarkdown(`${s.name}: ${s.title}`)} <${encodeURI(s.url)}>`);
      out.push('');
    }
  }
  out.push('---', '', `${escapeMarkdown(words.citationLabel)}: ${escapeMarkdown(words.citation)}`, '');
  return out.join('\n');
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** A stand-alone HTML file: no script, no outside resource, its own print style. */
export function sheetHtml({ items, words }: Sheet, lang = 'en'): string {
  const e = escapeHtml;
  const body = items
    .map((item) => {
      const quotes = item.quotes
        .map(
          (q) =>
            `<blockquote${q.claim ? ' class="claim"' : ''}><p>${q.claim || q.heading ? `<strong>${e(quoteLabel(q, words))}</strong>` : ''}“${e(q.sentence)}”</p><footer>${e(q.section)}</footer></blockquote>`,
        )
        .join('\n');
      const sources = item.sources
        .map((s) => `<li>${e(s.name)}: <a href="${e(s.url)}">${e(s.title)}</a></li>`)
        .join('\n');
      return `<section><h2>${e(item.term)}</h2>
<p>${e(item.definition)}</p>
${quotes ? `<h3>${e(words.fromArticle)}</h3>\n${quotes}` : ''}
${sources ? `<h3>${e(words.sources)}</h3>\n<ul>${sources}</ul>` : ''}
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(words.title)}</title>
<style>
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 42em; margin: 1.5em auto; padding: 0 1em; color: #111; }
.disclaimer { font-weight: 700; border: 1px solid #999; padding: 0.4em 0.6em; }
section { break-inside: avoid; border-top: 1px solid #ccc; padding-top: 0.4em; }
blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.6em; border-left: 3px solid #999; }
blockquote.claim { border-left-style: dashed; }
blockquote footer { color: #555; font-size: 0.9em; }
@page { margin: 18mm 16mm; }
</style>
</head>
<body>
<h1>${e(words.title)}</h1>
<p class="disclaimer">${e(words.disclaimer)}</p>
${body}
<footer><p>${e(words.citationLabel)}: ${e(words.citation)}</p></footer>
</body>
</html>
`;
}
