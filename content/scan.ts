// The scanner: walks the page's text in time slices, feeds each segment to the matcher, and hands every block
// unit's terms to the highlight layer. A MutationObserver rescans only what changed.
//
// Work is a queue of tasks. A `tree` task walks a whole subtree (the document at start, an added block element,
// an open shadow root); an `own` task rereads just one unit's own inline content (a text edit, an inline element
// added or removed). Each slice stops after 8 ms (content/slice-clock.ts) and yields to the page, so no task of ours
// runs long.

import {
  BLOCK_SELECTOR,
  EDITABLE_SELECTOR,
  isBlock,
  isSkipped,
  Kind,
  kindOf,
  mayHostShadow,
  Segment,
  unitOf,
  type TermReader,
  type Unit,
  type UnitTerm,
} from './blocks';
import { SCAN_MEASURE } from '../core/page-names';
import { PROBES } from '../core/build-mode';
import { SliceClock, type SliceStats } from './slice-clock';
import { yieldToPage } from './yield-to-page';

/** Mutations are collected for this long before a rescan, so bursts of DOM writes cost one pass. */
const COALESCE_MS = 40;

export interface ScannerOptions {
  /** Finds the terms of each segment of text (the matcher and the page's context, content/page-context.ts). */
  reader: TermReader;
  /** Replaces everything known about `unit` with `terms` (possibly none). */
  commitUnit(unit: Unit, terms: UnitTerm[]): void;
  /** Asks the owner to forget units no longer in the document. */
  sweep(): void;
  /** Asks the owner to forget every unit inside `root` (it became editable). */
  forgetWithin(root: Node): void;
  /** Called after a run of slices empties the queue. */
  settled(): void;
  signal: AbortSignal;
}

interface Frame {
  unit: Unit;
  terms: UnitTerm[];
}

interface Task {
  root: Unit;
  own: boolean;
  /** Next node to visit; null before the task starts. */
  node: Node | null;
  frames: Frame[];
  /** Segments end at every block boundary, so one is open at a time and belongs to the innermost frame. */
  segment: Segment;
  /** Editable elements under the root, found when the task starts. */
  editable: ReadonlySet<Element>;
}

const NO_ELEMENTS: ReadonlySet<Element> = new Set();

export class Scanner {
  private queue: Task[] = [];
  private running = false;
  private observer: MutationObserver;
  private dirtyUnits = new Set<Unit>();
  private addedTrees = new Set<Element>();
  private needSweep = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private knownShadowRoots = new WeakSet<ShadowRoot>();
  private readonly clock = new SliceClock();

  constructor(private readonly options: ScannerOptions) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    options.signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearTimeout(this.flushTimer);
      this.queue = [];
    });
  }

  /** Scans a whole document (or shadow root) and watches it from then on. */
  scanTree(root: Document | ShadowRoot): void {
    const unit = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : (root as ShadowRoot);
    if (!unit) return;
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
    this.enqueue({ root: unit, own: false, node: null, frames: [], segment: new Segment(), editable: NO_ELEMENTS });
  }

  private enqueue(task: Task): void {
    if (this.options.signal.aborted) return;
    this.queue.push(task);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      // The first slice too runs in a task of its own, not inside the caller's (start-up, a mutation callback).
      await yieldToPage();
      while (this.queue.length && !this.options.signal.aborted) {
        this.slice();
        if (this.queue.length) await yieldToPage();
      }
      if (!this.options.signal.aborted) this.options.settled();
    } finally {
      this.running = false;
    }
  }

  /** One time slice: works through the queue until it is empty or the budget is spent. */
  private slice(): void {
    const stats: SliceStats = { nodes: 0, chars: 0, matches: 0 };
    const start = this.clock.start(stats);
    while (this.queue.length) {
      const task = this.queue[0]!;
      if (!this.step(task, stats)) break;
      this.queue.shift();
    }
    if (PROBES) performance.measure(SCAN_MEASURE, { start, end: performance.now(), detail: stats });
  }

  /** Advances a task; true when it finished, false when the slice's budget ran out first. */
  private step(task: Task, stats: SliceStats): boolean {
    const { root, own } = task;
    const { reader, commitUnit } = this.options;
    if (task.node === null || !task.node.isConnected || !root.isConnected) {
      // Starting, or the node we paused at was removed meanwhile: (re)start from the root. Commits replace, so
      // starting over costs time, never correctness.
      if (!root.isConnected) return true;
      task.frames = [{ unit: root, terms: [] }];
      task.segment.clear();
      task.node = root.firstChild;
      const editable = root.querySelectorAll(EDITABLE_SELECTOR);
      task.editable = editable.length ? new Set(editable) : NO_ELEMENTS;
      const shadow = root.nodeType === 1 ? (root as Element).shadowRoot : null;
      if (shadow && !this.knownShadowRoots.has(shadow)) {
        this.knownShadowRoots.add(shadow);
        this.scanTree(shadow);
      }
      if (!task.node) return this.finish(task, stats);
    }
    let node: Node = task.node;
    const segment = task.segment;
    let frame = task.frames[task.frames.length - 1]!;
    for (;;) {
      if (this.clock.due(stats)) {
        task.node = node;
        return false;
      }
      stats.nodes++;
      let descend = false;
      const type = node.nodeType;
      if (type === 3) {
        stats.chars += segment.push(node as Text);
      } else if (type === 1) {
        const el = node as Element;
        const name = el.localName;
        const kind = kindOf(el, task.editable, name);
        if (kind === Kind.Inline) {
          descend = true;
        } else if (kind === Kind.Block) {
          stats.matches += segment.flush(reader, frame.terms);
          if (!own) {
            frame = { unit: el, terms: [] };
            task.frames.push(frame);
            descend = true;
          }
        } else {
          stats.matches += segment.flush(reader, frame.terms);
        }
        if (kind !== Kind.Skip && mayHostShadow(name)) {
          const shadow = el.shadowRoot;
          if (shadow !== null && !this.knownShadowRoots.has(shadow)) {
            this.knownShadowRoots.add(shadow);
            this.scanTree(shadow);
          }
        }
      }
      const first = descend ? node.firstChild : null;
      if (first) {
        node = first;
        continue;
      }
      if (descend && frame.unit === node) {
        // An empty block: it owns nothing, but it may have had terms before.
        task.frames.pop();
        commitUnit(frame.unit, frame.terms);
        frame = task.frames[task.frames.length - 1]!;
      }
      // Climb until there is a next sibling, closing every block we leave.
      let next: Node | null = null;
      while (node !== root) {
        next = node.nextSibling;
        if (next) break;
        const parent = node.parentNode;
        if (!parent) return this.finish(task, stats);
        node = parent;
        if (node === frame.unit && node !== root) {
          stats.matches += segment.flush(reader, frame.terms);
          task.frames.pop();
          commitUnit(frame.unit, frame.terms);
          frame = task.frames[task.frames.length - 1]!;
        }
      }
      if (!next) return this.finish(task, stats);
      node = next;
    }
  }

  private finish(task: Task, stats: { matches: number }): true {
    for (let i = task.frames.length - 1; i >= 0; i--) {
      const frame = task.frames[i]!;
      stats.matches += task.segment.flush(this.options.reader, frame.terms);
      this.options.commitUnit(frame.unit, frame.terms);
    }
    task.frames = [];
    return true;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        this.markDirty(target);
      } else if (record.type === 'attributes') {
        this.editabilityChanged(target as Element);
      } else {
        if (record.removedNodes.length) {
          this.needSweep = true;
          for (const removed of record.removedNodes) {
            if (removed.nodeType !== 1 || !isBlock(removed as Element)) {
              this.markDirty(target);
              break;
            }
          }
        }
        for (const added of record.addedNodes) this.contentAdded(added, target);
      }
    }
    if (this.flushTimer === undefined && (this.dirtyUnits.size || this.addedTrees.size || this.needSweep)) {
      this.flushTimer = setTimeout(() => this.flushMutations(), COALESCE_MS);
    }
  }

  private markDirty(node: Node): void {
    const unit = unitOf(node);
    if (unit) this.dirtyUnits.add(unit);
  }

  /** New content: a block is read whole; inline content rereads its unit, plus any blocks nested inside it. */
  private contentAdded(added: Node, parent: Node): void {
    if (added.nodeType === 3) {
      this.markDirty(parent);
    } else if (added.nodeType === 1) {
      const el = added as Element;
      if (isSkipped(el)) return;
      if (isBlock(el)) {
        this.addedTrees.add(el);
        return;
      }
      this.markDirty(parent);
      if (el.firstElementChild) for (const block of el.querySelectorAll(BLOCK_SELECTOR)) this.addedTrees.add(block);
    }
  }

  /** An element became editable (forget what was read inside it) or stopped being editable (read it again). */
  private editabilityChanged(el: Element): void {
    this.options.forgetWithin(el);
    if (el.parentNode) this.markDirty(el.parentNode);
    if (!isSkipped(el)) this.contentAdded(el, el.parentNode ?? el);
  }

  private flushMutations(): void {
    this.flushTimer = undefined;
    if (this.options.signal.aborted) return;
    if (this.needSweep) {
      this.needSweep = false;
      this.options.sweep();
    }
    const trees = [...this.addedTrees].filter((el) => el.isConnected && unitOf(el) !== null);
    this.addedTrees.clear();
    // An added tree inside another added tree is read with it.
    const treeSet = new Set<Node>(trees);
    const inAddedTree = (node: Node) => {
      for (let n = node.parentNode; n; n = n.parentNode) if (treeSet.has(n)) return true;
      return false;
    };
    for (const el of trees)
      if (!inAddedTree(el))
        this.enqueue({ root: el, own: false, node: null, frames: [], segment: new Segment(), editable: NO_ELEMENTS });
    for (const unit of this.dirtyUnits) {
      if (unit.isConnected && !treeSet.has(unit) && !inAddedTree(unit)) {
        this.enqueue({ root: unit, own: true, node: null, frames: [], segment: new Segment(), editable: NO_ELEMENTS });
      }
    }
    this.dirtyUnits.clear();
    if (!this.running) this.options.settled();
  }
}
