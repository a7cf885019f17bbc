// The page's context, between the scanner and the highlight layer: which of the terms found may be shown here.
//
// The scanner reads each segment of text once; `read` runs the matcher over it and feeds the matches to the page's
// one PageContext (core/context-rule.ts: the rule and why), in the same pass. A match whose neighbours show another
// sense ("cast iron") never becomes a term. The rest are terms of the unit; `commitUnit` passes on only the *lit*
// ones, so the highlight layer — and with it the counts, stepping and hover, which read the layer — never sees a term
// that is *held* (no context yet on this page) or *dark* (its acronym means something else here).
//
// A form's standing changes at most twice on a page (held → lit when its context arrives, lit or held → dark when
// the page defines its acronym otherwise). When a segment's read changes some forms, the units already committed
// with terms of those forms are committed again with their lit terms, in time slices of their own, without
// reading the page again. Units are watched only while one of their terms can still change standing.
//
// The page's title feeds the context too (never highlighted: it is not drawn in the page): a forum whose posts say
// only "RLS" is about restless legs when its title says "Restless legs forum", and a page titled "Row Level Security
// (RLS)" is not. It is read before the body and again whenever the scanner settles with a new title (single-page apps).

import type { Match, Matcher } from '../core/matcher';
import { PageContext, type ContextRule } from '../core/context-rule';
import { SCAN_MEASURE } from '../core/page-names';
import { PROBES } from '../core/build-mode';
import type { TermReader, Unit, UnitTerm } from './blocks';
import { yieldToPage } from './yield-to-page';

const SLICE_MS = 8;
const CHECK_EVERY = 16;

/** Where lit terms go: the highlight layer. */
export interface TermSink {
  commitUnit(unit: Unit, terms: UnitTerm[]): void;
  sweep(): void;
  forgetWithin(root: Node): void;
  settled(): void;
}

interface Watched {
  /** Every term of the unit (lit, held or dark), as the scanner committed it. */
  terms: UnitTerm[];
  /** Forms of those terms whose standing can still change. */
  forms: number[];
}

export interface ContextGateOptions {
  /** The matcher of every surface form, numbered as `glossary.forms` (match.entry = form index). */
  matcher: Matcher;
  /** compileContextRule(glossary.forms): precompiled, from `virtual:rls-lens/page-data`. */
  rule: ContextRule;
  /** The entry id of each form. */
  entryIds: readonly string[];
  sink: TermSink;
  signal: AbortSignal;
  /** The page's title as it is now (read at start and whenever the scanner settles). */
  title?: () => string;
}

export class ContextGate implements TermReader {
  readonly entryIds: readonly string[];
  private readonly matcher: Matcher;
  private readonly rule: ContextRule;
  private readonly page: PageContext;
  /** Per form: 1 when it needs context (its standing may differ from lit). */
  private readonly ambiguous: Uint8Array;
  /** Per form: 1 when a lit standing can still turn dark (it contains an acronym the page may define otherwise). */
  private readonly vetoable: Uint8Array;
  private readonly watched = new Map<Unit, Watched>();
  private readonly byForm = new Map<number, Set<Unit>>();
  /** Committed units to commit again: some of their forms changed standing. */
  private readonly pending = new Set<Unit>();
  private draining = false;
  /** The scanner has settled since it last read anything: the drain's end is the end of the burst. */
  private scannerIdle = false;
  private lastTitle: string | null = null;

  constructor(private readonly options: ContextGateOptions) {
    this.matcher = options.matcher;
    this.rule = options.rule;
    this.page = new PageContext(this.rule);
    this.entryIds = options.entryIds;
    const count = this.rule.formCount;
    this.ambiguous = new Uint8Array(count);
    this.vetoable = new Uint8Array(count);
    for (let form = 0; form < count; form++) {
      const index = this.rule.ambiguous[form]!;
      if (index < 0) continue;
      this.ambiguous[form] = 1;
      if (this.rule.info[index]!.acronyms.length > 0) this.vetoable[form] = 1;
    }
    options.signal.addEventListener('abort', () => {
      this.pending.clear();
      this.watched.clear();
      this.byForm.clear();
    });
  }

  /** The terms one segment may hold here: the matcher's matches, less those whose neighbours show another sense. */
  read(text: string): readonly Match[] {
    this.scannerIdle = false;
    const matches = this.matcher.find(text);
    if (matches.length === 0) return matches;
    const { verdicts, changed } = this.page.read(text, matches);
    if (changed.length) this.recheck(changed);
    let kept = 0;
    for (let i = 0; i < matches.length; i++) if (verdicts[i] !== 'other') matches[kept++] = matches[i]!;
    matches.length = kept;
    return matches;
  }

  /** Context only (the title): anchors and definitions count for the page, nothing is highlighted. */
  readContext(text: string): void {
    const matches = this.matcher.find(text);
    if (matches.length === 0) return;
    const { changed } = this.page.read(text, matches);
    if (changed.length) this.recheck(changed);
  }

  commitUnit = (unit: Unit, terms: UnitTerm[]): void => {
    this.scannerIdle = false;
    this.sink.commitUnit(unit, this.litAndWatch(unit, terms));
  };

  sweep = (): void => {
    for (const unit of this.watched.keys()) if (!unit.isConnected) this.unwatch(unit);
    this.sink.sweep();
  };

  forgetWithin = (root: Node): void => {
    for (const unit of this.watched.keys()) if (root === unit || root.contains(unit)) this.unwatch(unit);
    this.sink.forgetWithin(root);
  };

  /** The scanner emptied its queue: a new title is read, and the layer hears of it once pending units are done. */
  settled = (): void => {
    if (this.options.signal.aborted) return;
    this.scannerIdle = true;
    this.readTitle();
    if (!this.draining && this.pending.size === 0) this.sink.settled();
  };

  /** Reads the title if it changed since it was last read. */
  readTitle(): void {
    const title = this.options.title?.() ?? '';
    if (title === this.lastTitle) return;
    this.lastTitle = title;
    this.readContext(title);
  }

  private get sink(): TermSink {
    return this.options.sink;
  }

  /** The unit's lit terms; the unit is watched while any of its terms may still change standing. */
  private litAndWatch(unit: Unit, terms: UnitTerm[]): UnitTerm[] {
    const { ambiguous, vetoable, page } = this;
    let lit: UnitTerm[] | null = null;
    let forms: number[] | null = null;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      if (!ambiguous[term.form]) {
        lit?.push(term);
        continue;
      }
      const status = page.status(term.form);
      if (status === 'held' || (status === 'lit' && vetoable[term.form])) {
        forms ??= [];
        if (!forms.includes(term.form)) forms.push(term.form);
      }
      if (status === 'lit') lit?.push(term);
      else lit ??= terms.slice(0, i); // the first term kept back: copy the lit ones before it
    }
    if (this.watched.has(unit)) this.unwatch(unit);
    if (forms) {
      this.watched.set(unit, { terms, forms });
      for (const form of forms) {
        let units = this.byForm.get(form);
        if (!units) this.byForm.set(form, (units = new Set()));
        units.add(unit);
      }
    }
    return lit ?? terms;
  }

  private unwatch(unit: Unit): void {
    const watched = this.watched.get(unit);
    if (!watched) return;
    this.watched.delete(unit);
    this.pending.delete(unit);
    for (const form of watched.forms) this.byForm.get(form)?.delete(unit);
  }

  /** Forms changed standing: their committed units are committed again, soon, in slices of their own. */
  private recheck(forms: readonly number[]): void {
    for (const form of forms) {
      const units = this.byForm.get(form);
      if (units) for (const unit of units) this.pending.add(unit);
    }
    if (this.pending.size && !this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.size && !this.options.signal.aborted) {
        // Never inside the slice that found the change: that slice has its own budget.
        await yieldToPage();
        this.drainSlice();
      }
    } finally {
      this.draining = false;
    }
    if (this.scannerIdle && !this.options.signal.aborted) this.sink.settled();
  }

  private drainSlice(): void {
    const start = performance.now();
    const deadline = start + SLICE_MS;
    let units = 0;
    let seen = 0;
    for (const unit of this.pending) {
      this.pending.delete(unit);
      const watched = this.watched.get(unit);
      if (watched && unit.isConnected) {
        this.sink.commitUnit(unit, this.litAndWatch(unit, watched.terms));
        units++;
      }
      if (++seen % CHECK_EVERY === 0 && performance.now() > deadline) break;
    }
    // Measured with the scanner's slices: what the page pays for reading it includes this.
    if (PROBES)
      performance.measure(SCAN_MEASURE, {
        start,
        end: performance.now(),
        detail: { nodes: 0, chars: 0, matches: 0, units },
      });
  }
}
