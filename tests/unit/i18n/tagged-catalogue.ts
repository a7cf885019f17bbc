// The guard against strings that bypass the catalogue. While `tagCatalogue()` is on, browser.i18n.getMessage wraps
// every literal piece of every message in invisible marks (its substitutions stay bare, as data), so whatever a
// component renders can be taken apart: marked text came from the catalogue, and what is left must be data the
// test knows (glossary text, host names, what the person typed) or a number. A string written into a component
// is neither, and is reported with where it was found.
import glossary from 'virtual:rls-lens/glossary';
import article from 'virtual:rls-lens/article';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runsText } from '../../../glossary/compile-article';
import { formatDate } from '../../../components/overview/article-view';
import { messagesJson, substitute } from '../../fixtures/catalogue';

const OPEN = '\uE000';
const CLOSE = '\uE001';
/** Message names whose value is not text to read (the catalogue's language code, used by Intl). */
const UNTAGGED = new Set(['meta_language']);

/** Marks each literal piece of a message; `$n`, `{name}` and the plural separator stay unmarked. */
function tagged(message: string): string {
  return message
    .split(' | ')
    .map((form) =>
      form
        .split(/(\$[1-9]|\$\$|\{[A-Za-z0-9_]+\})/)
        .map((piece, i) => (i % 2 === 1 || piece === '' ? piece : `${OPEN}${piece}${CLOSE}`))
        .join(''),
    )
    .join(' | ');
}

/** From now until the test ends, every message comes back marked. */
export function tagCatalogue(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, substitutions?: string | string[]) => {
    const entry = messagesJson[name];
    if (!entry) throw new Error(`"${name}" is not a message of locales/en.yml`);
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
    return substitute(UNTAGGED.has(name) ? entry.message : tagged(entry.message), subs);
  }) as typeof fakeBrowser.i18n.getMessage);
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
/** Every run of consecutive words of `text`: the concept map breaks its labels into lines. */
const wordRuns = (text: string) => {
  const w = words(text);
  const runs: string[] = [];
  for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) runs.push(w.slice(i, j).join(' '));
  return runs;
};

/** Every string of the glossary and the article, which components show as data. */
export function glossaryData(): Set<string> {
  const data = new Set<string>();
  const add = (text: string | undefined) => text && data.add(text.trim());
  for (const entry of glossary.entries) {
    add(entry.term);
    add(entry.definition);
    for (const alias of entry.aliases) add(alias);
    for (const quote of [...entry.evidence, ...(entry.claims ?? [])]) add(quote.sentence);
    for (const run of wordRuns(entry.term)) add(run);
  }
  for (const form of glossary.forms) add(form.text);
  for (const section of glossary.sections) {
    add(section.title);
    add(section.summary);
  }
  add(glossary.article.title);
  add(glossary.article.author);
  add(glossary.article.date);
  add(formatDate(article.date));
  add(article.author);
  for (const run of article.title) add(run.text);
  for (const section of article.sections) {
    add(runsText(section.heading.runs));
    for (const run of section.heading.runs) add(run.text);
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences) for (const run of sentence.runs) add(run.text);
    }
  }
  return data;
}

export interface Finding {
  where: string;
  text: string;
  /** The part that is neither a catalogue message nor data. */
  stray: string;
}

const NUMBER = /^[\d\s.,\u00a0\u202f]+$/;
const MESSAGE = new RegExp(`${OPEN}[^${OPEN}${CLOSE}]*${CLOSE}`, 'g');

/** The separators Intl puts between listed items in the catalogue's language (core/i18n.ts, formatList). */
const LIST_SEPARATORS = [
  ...new Set(
    new Intl.ListFormat('en', { type: 'unit' })
      .formatToParts(['a', 'b', 'c'])
      .filter((part) => part.type === 'literal')
      .map((part) => part.value),
  ),
];
const isData = (piece: string, data: ReadonlySet<string>) => NUMBER.test(piece) || data.has(piece);
/** Data items listed by Intl.ListFormat: each item is data. */
const isListOfData = (piece: string, data: ReadonlySet<string>) => {
  const items = LIST_SEPARATORS.reduce<string[]>(
    (parts, separator) => parts.flatMap((p) => p.split(separator)),
    [piece],
  );
  return items.length > 1 && items.every((item) => isData(item.trim(), data));
};

/** What in `text` is neither a marked message, nor data (or a list of data), nor a number, nor white space. */
export function strays(text: string, data: ReadonlySet<string>): string[] {
  const rest = text.split(MESSAGE);
  if (rest.some((piece) => piece.includes(OPEN) || piece.includes(CLOSE)))
    return [`a message cut apart: ${JSON.stringify(text)}`];
  return rest
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '' && !isData(piece, data) && !isListOfData(piece, data));
}

/** The attributes a person meets: read out, shown on hover, shown in an empty field. */
const USER_ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
];
/** Not text for anyone: the concept map's font-metrics probe (aria-hidden, invisible), scripts and styles. */
const NOT_TEXT = '.concept-map__probe, script, style';

/** Every text node and user-facing attribute under `root` (through open shadow roots) that has a stray part. */
export function findStrays(root: Node, data: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const check = (where: string, text: string) => {
    for (const stray of strays(text, data))
      findings.push({ where, text: text.replaceAll(OPEN, '⟦').replaceAll(CLOSE, '⟧'), stray });
  };
  const visit = (node: Node, path: string) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) check(`${path} text`, (child as Text).data);
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.matches(NOT_TEXT)) continue;
      const here = `${path} > ${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
      for (const name of USER_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value !== null) check(`${here} @${name}`, value);
      }
      if (element.shadowRoot) visit(element.shadowRoot, `${here}::shadow`);
      visit(element, here);
    }
  };
  visit(root, '');
  return findings;
}

/** How many texts were checked, to make sure a scenario rendered something. */
export function textCount(root: Node): number {
  let n = 0;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  while (walker.nextNode()) if (walker.currentNode.textContent?.trim()) n++;
  return n;
}

export const isTagged = (text: string) => text.includes(OPEN);
