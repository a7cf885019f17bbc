// @vitest-environment happy-dom
// The page's context in the engine (content/page-context.ts between the scanner and the highlight layer), with the
// real glossary: held terms are neither painted, counted, found by hover nor stepped to; they are released when
// their context arrives later in the page, without the page being read again; dark and other-sense terms stay out.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { matcher as matcherData } from 'virtual:rls-lens/page-data';
import { matcherFrom } from '../../../core/matcher';
import { startEngine } from '../../../content/engine';
import type { HighlightLayer } from '../../../content/highlights';
import { highlightName, SCAN_MEASURE } from '../../../core/page-names';
import { installHighlightStandIns, rangeText, registry } from './dom-stand-ins';

beforeAll(installHighlightStandIns);

const NAME = highlightName('both');
const painted = () => [...(registry.get(NAME) ?? [])].map(rangeText);
const measures = () => performance.getEntriesByName(SCAN_MEASURE) as PerformanceMeasure[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the engine has measured at least one slice and none for 150 ms (every slice and drain is measured). */
async function quiet(): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < 3000; waited += 50) {
    const count = measures().length;
    if (count === last && count > 0) return;
    last = count;
    await sleep(75);
  }
  throw new Error('the engine never went quiet');
}

let controller: AbortController;
let layer: HighlightLayer;
const start = (firstOnly = false) => {
  layer = startEngine({
    matcher: matcherFrom(matcherData),
    signal: controller.signal,
    style: 'both',
    firstOnly,
    root: document,
  });
  return layer;
};
const textNode = (selector: string) => document.querySelector(selector)!.firstChild!;

beforeEach(() => {
  controller = new AbortController();
  registry.clear();
  performance.clearMeasures();
  document.title = 'fixture';
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('the page context in the engine', () => {
  it('holds an acronym on a page without its context: not painted, counted, hit or stepped to', async () => {
    document.body.innerHTML = '<p id="a">My RLS is worse at night, and ferritin was tested.</p>';
    start();
    await quiet();
    expect(painted()).toEqual(['ferritin']);
    expect(layer.counts()).toEqual({ ferritin: 1 });
    expect(layer.ordered().map((t) => rangeText(t.range))).toEqual(['ferritin']);
    expect(layer.at(textNode('#a'), 4)).toBeUndefined(); // on "RLS"
    expect(layer.at(textNode('#a'), 'My RLS is worse at night, and fer'.length)?.entryId).toBe('ferritin');
  });

  it('releases held terms when their context is appended later, without reading the page again', async () => {
    document.body.innerHTML = '<main><p id="a">My RLS is worse at night.</p><p>Her RLS too.</p></main>';
    start();
    await quiet();
    expect(painted()).toEqual([]);
    const before = measures().length;
    const p = document.createElement('p');
    p.textContent = 'Restless legs syndrome is common.';
    document.querySelector('main')!.append(p);
    await sleep(60); // the scanner coalesces mutations for 40 ms
    await quiet();
    expect(painted().sort()).toEqual(['RLS', 'RLS', 'Restless legs syndrome']);
    expect(layer.counts()).toEqual({ 'restless-legs-syndrome': 3 });
    expect(layer.at(textNode('#a'), 4)?.entryId).toBe('restless-legs-syndrome');
    expect(layer.at(textNode('#a'), 4)?.form).toBe(glossary.forms.findIndex((f) => f.text === 'RLS'));
    // Only the new paragraph was read; the two held units were committed again from what was already known.
    const after = measures()
      .slice(before)
      .map((m) => m.detail as { nodes: number; units?: number });
    expect(after.reduce((sum, d) => sum + d.nodes, 0)).toBeLessThan(5);
    expect(after.reduce((sum, d) => sum + (d.units ?? 0), 0)).toBe(2);
  });

  it('keeps an acronym the page defines as something else dark everywhere on it, and unpaints it if it was lit', async () => {
    document.body.innerHTML =
      '<main><p>Restless legs syndrome (RLS) is a sleep disorder.</p><p id="b">RLS again.</p></main>';
    start();
    await quiet();
    expect(painted()).toEqual(['Restless legs syndrome', 'RLS', 'RLS']);
    const p = document.createElement('p');
    p.textContent = 'Postgres has Row Level Security (RLS) for tables.';
    document.querySelector('main')!.append(p);
    await sleep(60);
    await quiet();
    expect(painted()).toEqual(['Restless legs syndrome']);
    expect(layer.counts()).toEqual({ 'restless-legs-syndrome': 1 });
    expect(layer.at(textNode('#b'), 1)).toBeUndefined();
  });

  it('never makes a term of another sense shown by its neighbours ("cast iron")', async () => {
    document.body.innerHTML = '<p id="a">A cast iron pan.</p><p>Iron deficiency is common; iron stores fall.</p>';
    start();
    await quiet();
    expect(painted()).toEqual(['Iron deficiency', 'iron stores']);
    expect(layer.at(textNode('#a'), 8)).toBeUndefined();
    document.body.insertAdjacentHTML('beforeend', '<p>Iron is needed to make dopamine.</p>');
    await sleep(60);
    await quiet();
    expect(painted()).toContain('Iron');
    expect(layer.counts().iron).toBe(1); // the pan's iron stays out
  });

  it('reads the title for context: a forum titled "Restless legs forum" lights posts that say only RLS', async () => {
    document.title = 'Restless legs forum';
    document.body.innerHTML = '<p>My RLS is worse at night.</p>';
    start();
    await quiet();
    expect(painted()).toEqual(['RLS']); // the title itself is never painted (it is not drawn in the page)
  });

  it('reads a title that defines the acronym otherwise: RLS stays dark on a page titled "Row Level Security (RLS)"', async () => {
    document.title = 'Row Level Security (RLS) in Postgres';
    document.body.innerHTML = '<p>Unlike restless legs syndrome, RLS here is about tables.</p>';
    start();
    await quiet();
    expect(painted()).toEqual(['restless legs syndrome']);
  });

  it('reads a new title when the scanner settles (single-page apps), releasing what it held', async () => {
    document.body.innerHTML = '<p>My RLS is worse at night.</p>';
    start();
    await quiet();
    expect(painted()).toEqual([]);
    document.title = 'Restless legs syndrome: a patient forum';
    await sleep(60);
    await quiet();
    expect(painted()).toEqual(['RLS']);
  });

  it("gives shadow roots their document's context", async () => {
    document.body.innerHTML = '<p>Restless legs syndrome</p><div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>RLS in a component.</p>';
    start();
    await quiet();
    expect(painted().sort()).toEqual(['RLS', 'Restless legs syndrome']);
  });

  it('in first-occurrence mode shows the first lit occurrence once a held one is released', async () => {
    document.body.innerHTML = '<main><p>RLS one.</p><p>RLS two.</p></main>';
    start(true);
    await quiet();
    expect(painted()).toEqual([]);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Restless legs syndrome.</p>');
    await sleep(60);
    await quiet();
    const shown = [...registry.get(NAME)!];
    expect(shown).toHaveLength(1);
    expect(shown[0]!.startContainer.textContent).toBe('RLS one.');
  });

  it('forgets held units that leave the page: a later release re-commits nothing that is gone', async () => {
    document.body.innerHTML = '<main><p id="gone">RLS here.</p><p>RLS there.</p></main>';
    start();
    await quiet();
    document.getElementById('gone')!.remove();
    await sleep(60);
    await quiet();
    const before = measures().length;
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Restless legs syndrome.</p>');
    await sleep(60);
    await quiet();
    expect(painted().sort()).toEqual(['RLS', 'Restless legs syndrome']);
    const units = measures()
      .slice(before)
      .reduce((sum, m) => sum + ((m.detail as { units?: number }).units ?? 0), 0);
    expect(units).toBe(1);
  });
});
