// A page as the content script will read it: blocks of text, each run through the real matcher (numbered by form,
// as the compiled glossary's `forms`) and fed to the context rule in order. Shared by the context-rule tests, the
// precision/recall table and (as scripts/labels.mjs does the same in plain JavaScript) the labels report.
import glossary from 'virtual:rls-lens/glossary';
import { compileMatcher } from '../../core/matcher-compile';
import { compileContextRule, PageContext, type MatchVerdict } from '../../core/context-rule';

export const matcher = compileMatcher(glossary.forms.map((form, i) => ({ text: form.text, entry: i })));
export const rule = compileContextRule(glossary.forms);

export interface Label {
  block: number;
  start: number;
  end: number;
  text: string;
  form: number;
  entryId: string;
  /** The final verdict once the whole page has been read. */
  verdict: MatchVerdict;
}

/** Reads the blocks in the given order and returns every match with its final verdict, in page order. */
export function readPage(blocks: readonly string[], order: readonly number[] = blocks.map((_, i) => i)): Label[] {
  const page = new PageContext(rule);
  const labels: Label[] = [];
  for (const b of order) {
    const text = blocks[b]!;
    const matches = matcher.find(text);
    const { verdicts } = page.read(text, matches);
    matches.forEach((m, k) => {
      labels.push({
        block: b,
        start: m.start,
        end: m.end,
        text: text.slice(m.start, m.end),
        form: m.entry,
        entryId: glossary.entries[glossary.forms[m.entry]!.entry]!.id,
        verdict: verdicts[k]!,
      });
    });
  }
  // Held and lit matches follow their form's final status; "other" is about the occurrence and stays.
  for (const label of labels) if (label.verdict !== 'other') label.verdict = page.status(label.form);
  return labels.sort((a, b) => a.block - b.block || a.start - b.start);
}

/** The highlights a reader would see: "text → entry id" for every lit match. */
export const lit = (blocks: readonly string[]) =>
  readPage(blocks).filter((l) => l.verdict === 'lit').map((l) => `${l.text} → ${l.entryId}`);
