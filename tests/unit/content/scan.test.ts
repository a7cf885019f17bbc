// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Unit, UnitTerm } from '../../../content/blocks';
import { Scanner } from '../../../content/scan';
import { compileMatcher } from '../../../core/matcher-compile';
import { SCAN_MEASURE } from '../../../core/page-names';
import { installHighlightStandIns, rangeText } from './dom-stand-ins';

beforeAll(installHighlightStandIns);

const matcher = compileMatcher([
  { text: 'ferritin', entry: 0 },
  { text: 'restless legs', entry: 1 },
  { text: 'dopamine', entry: 2 },
]);
const IDS = ['ferritin', 'restless-legs', 'dopamine'];

/** A scanner over the test document that records what it commits, with a promise for each time it settles. */
function scanner(signal: AbortSignal) {
  const units = new Map<Unit, string[]>();
  const commits: Unit[] = [];
  let sweeps = 0;
  let onSettled: (() => void) | undefined;
  const scan = new Scanner({
    reader: { read: (text: string) => matcher.find(text), entryIds: IDS },
    commitUnit(unit, terms: UnitTerm[]) {
      commits.push(unit);
      if (terms.length)
        units.set(
          unit,
          terms.map((t) => `${t.entryId}:${rangeText(t.range)}`),
        );
      else units.delete(unit);
    },
    sweep: () => void sweeps++,
    forgetWithin(root) {
      for (const unit of units.keys()) if (root === unit || root.contains(unit)) units.delete(unit);
    },
    settled: () => onSettled?.(),
    signal,
  });
  const settled = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the scanner did not settle within 2 s')), 2000);
      onSettled = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const terms = () => [...units.values()].flat();
  return { scan, settled, terms, commits, sweeps: () => sweeps };
}

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  performance.clearMeasures();
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('the scanner', () => {
  it('reads every block of the document, joining inline elements, and leaves skipped content alone', async () => {
    document.body.innerHTML = `<h1>Dopamine</h1><p><em>restless</em> legs and ferritin</p>
      <textarea>ferritin</textarea><div contenteditable>dopamine</div><script>"ferritin"</script><p>Ferritin again</p>`;
    const s = scanner(controller.signal);
    const done = s.settled();
    s.scan.scanTree(document);
    await done;
    expect(s.terms()).toEqual([
      'dopamine:Dopamine',
      'restless-legs:restless legs',
      'ferritin:ferritin',
      'ferritin:Ferritin',
    ]);
  });

  it('records each slice as a User Timing measure with its nodes, characters and matches', async () => {
    document.body.innerHTML = '<p>ferritin and dopamine</p>';
    const s = scanner(controller.signal);
    const done = s.settled();
    s.scan.scanTree(document);
    await done;
    const measures = performance.getEntriesByName(SCAN_MEASURE) as PerformanceMeasure[];
    expect(measures.length).toBeGreaterThan(0);
    const total = measures.reduce((sum, m) => sum + (m.detail as { matches: number }).matches, 0);
    expect(total).toBe(2);
    expect((measures[0]!.detail as { chars: number }).chars).toBeGreaterThanOrEqual('ferritin and dopamine'.length);
  });

  it('rereads only the unit whose text changed', async () => {
    document.body.innerHTML = '<p id="a">ferritin</p><p id="b">nothing</p><p id="c">dopamine</p>';
    const s = scanner(controller.signal);
    let done = s.settled();
    s.scan.scanTree(document);
    await done;
    s.commits.length = 0;
    done = s.settled();
    document.getElementById('b')!.firstChild!.textContent = 'restless legs now';
    await done;
    expect(s.commits).toEqual([document.getElementById('b')]);
    expect(s.terms().sort()).toEqual(['dopamine:dopamine', 'ferritin:ferritin', 'restless-legs:restless legs']);
  });

  it('reads blocks added later, and asks for a sweep when blocks are removed', async () => {
    document.body.innerHTML = '<main><p>ferritin</p></main>';
    const s = scanner(controller.signal);
    let done = s.settled();
    s.scan.scanTree(document);
    await done;
    done = s.settled();
    const added = document.createElement('article');
    added.innerHTML = '<h2>New</h2><p>dopamine</p>';
    document.querySelector('main')!.append(added);
    await done;
    expect(s.terms()).toContain('dopamine:dopamine');
    done = s.settled();
    added.remove();
    await done;
    expect(s.sweeps()).toBe(1);
  });

  it('forgets a region that becomes editable', async () => {
    document.body.innerHTML = '<div id="r"><p>ferritin</p></div>';
    const s = scanner(controller.signal);
    let done = s.settled();
    s.scan.scanTree(document);
    await done;
    done = s.settled();
    document.getElementById('r')!.setAttribute('contenteditable', 'true');
    await done;
    expect(s.terms()).toEqual([]);
  });

  it('walks open shadow roots', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>ferritin in a component</p>';
    const s = scanner(controller.signal);
    const done = s.settled();
    s.scan.scanTree(document);
    await done;
    expect(s.terms()).toEqual(['ferritin:ferritin']);
  });

  it('stops reading and watching when its signal is aborted', async () => {
    document.body.innerHTML = '<p>ferritin</p>';
    const s = scanner(controller.signal);
    const done = s.settled();
    s.scan.scanTree(document);
    await done;
    controller.abort();
    s.commits.length = 0;
    document.body.firstElementChild!.textContent = 'dopamine';
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.commits).toEqual([]);
  });
});
