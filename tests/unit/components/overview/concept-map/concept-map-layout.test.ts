import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { conceptGraph, type MapGraph } from '../../../../../components/overview/concept-map/concept-map-graph';
import {
  edgePath,
  layoutConceptMap,
  NODE_PADDING,
  wrapLabel,
  type MapLayout,
  type TextMeasure,
} from '../../../../../components/overview/concept-map/concept-map-layout';
import { LEADS_TO } from '../../../../fixtures/concept-map-graph';

// About what 13px sans-serif needs (DejaVu Sans, the widest of the usual fonts, averages ~7.5px a character).
const MEASURE: TextMeasure = { width: (text) => text.length * 7.8, lineHeight: 17 };
const WIDTHS = [320, 480, 768, 1024, 1400];
// The fixture's graph alone (whatever the glossary carries), so these figures do not move when the real one lands.
const GRAPH = conceptGraph(glossary.entries.map((entry) => ({ ...entry, leadsTo: [...(LEADS_TO[entry.id] ?? [])] })));

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every way the drawing could be unreadable, as messages (empty when none). */
function problems(graph: MapGraph, layout: MapLayout, width: number): string[] {
  const found: string[] = [];
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  if (layout.width > width) found.push(`drawing is ${layout.width}px wide in ${width}px`);
  if (layout.nodes.length !== graph.nodes.length || graph.nodes.some((n) => !byId.has(n.id)))
    found.push('not every node is drawn once');
  for (const node of layout.nodes) {
    if (node.x < 0 || node.x + node.width > layout.width + 0.5)
      found.push(`${node.id} sticks out (x ${node.x}, width ${node.width})`);
    if (node.lines.join(' ') !== node.label)
      found.push(`${node.id}: lines "${node.lines.join('|')}" are not its label`);
    for (const line of node.lines) {
      if (MEASURE.width(line) + 2 * NODE_PADDING.x > node.width)
        found.push(`${node.id}: "${line}" does not fit its box`);
    }
    if (node.lines.length * MEASURE.lineHeight + 2 * NODE_PADDING.y > node.height)
      found.push(`${node.id}: its lines do not fit its height`);
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      if (overlap(layout.nodes[i]!, layout.nodes[j]!))
        found.push(`${layout.nodes[i]!.id} overlaps ${layout.nodes[j]!.id}`);
    }
  }
  for (const edge of layout.edges) {
    const from = byId.get(edge.from)!;
    const to = byId.get(edge.to)!;
    const [first, last] = [edge.points[0]!, edge.points.at(-1)!];
    if (first.y !== from.y + from.height || first.x <= from.x || first.x >= from.x + from.width)
      found.push(`${edge.from}→${edge.to} does not leave its source's bottom`);
    if (last.y !== to.y || last.x <= to.x || last.x >= to.x + to.width)
      found.push(`${edge.from}→${edge.to} does not end on its target's top`);
    edge.points.slice(1).forEach((point, k) => {
      const prev = edge.points[k]!;
      if (point.y < prev.y) found.push(`${edge.from}→${edge.to} goes up`);
      // Each step stays inside the rectangle of its two points (see LaidEdge), so that rectangle must miss every box.
      const step = {
        x: Math.min(prev.x, point.x),
        y: prev.y,
        width: Math.abs(point.x - prev.x) || 0.01,
        height: point.y - prev.y || 0.01,
      };
      for (const node of layout.nodes) {
        if (overlap(step, node)) found.push(`${edge.from}→${edge.to} crosses ${node.id}`);
      }
    });
  }
  return found;
}

/** A random directed acyclic graph: edges only go from a later node to an earlier one. */
function randomGraph(seed: number, size: number): MapGraph {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = [
    'iron',
    'dopamine',
    'chronic kidney disease',
    'gene',
    'spinal cord',
    'a',
    'pathways',
    'restless legs syndrome',
    'x',
  ];
  const nodes = Array.from({ length: size }, (_, i) => ({
    id: `n${i}`,
    label: Array.from({ length: 1 + Math.floor(random() * 3) }, () => words[Math.floor(random() * words.length)]).join(
      ' ',
    ),
  }));
  const edges: MapGraph['edges'] = [];
  for (let i = 1; i < size; i++) {
    const targets = new Set([Math.floor(random() * i), ...(random() < 0.3 ? [Math.floor(random() * i)] : [])]);
    for (const t of targets) edges.push({ from: `n${i}`, to: `n${t}` });
  }
  return { nodes, edges };
}

describe('the concept map layout', () => {
  it('draws the article’s graph (fixture) without overlaps, inside the width, from 320 to 1400 px', () => {
    expect(GRAPH.nodes.length).toBeGreaterThan(15);
    // And the glossary's own graph, once it has one (empty until glossary/entries.ts carries leadsTo).
    for (const graph of [GRAPH, conceptGraph(glossary.entries)]) {
      for (const width of [...WIDTHS, 260]) {
        expect(problems(graph, layoutConceptMap(graph, width, MEASURE), width), `at ${width}px`).toEqual([]);
      }
    }
  });

  it('uses the room it has: fewer, wider rows on a wide screen than on a narrow one', () => {
    const rows = (width: number) =>
      new Set(layoutConceptMap(GRAPH, width, MEASURE).nodes.map((n) => n.y + n.height / 2)).size;
    expect(rows(1400)).toBeLessThan(rows(768));
    expect(rows(768)).toBeLessThan(rows(320));
    // The natural rows (each factor just above what it leads to) when they fit: here 5.
    expect(rows(1400)).toBe(5);
  });

  it('lists the boxes in reading order (rows top to bottom, left to right): the order of Tab', () => {
    const { nodes } = layoutConceptMap(GRAPH, 768, MEASURE);
    const centre = (n: (typeof nodes)[number]) => n.y + n.height / 2;
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1]!, nodes[i]!];
      expect(centre(a) < centre(b) || (centre(a) === centre(b) && a.x < b.x), `${a.id} before ${b.id}`).toBe(true);
    }
    expect(nodes.at(-1)!.id).toBe('restless-legs-syndrome');
  });

  it('keeps those properties on random graphs of 2 to 40 nodes at every width', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const graph = randomGraph(seed, 2 + ((seed * 7) % 39));
      for (const width of WIDTHS) {
        expect(problems(graph, layoutConceptMap(graph, width, MEASURE), width), `seed ${seed} at ${width}px`).toEqual(
          [],
        );
      }
    }
  }, 30_000);

  it('draws nothing for an empty graph', () => {
    expect(layoutConceptMap({ nodes: [], edges: [] }, 500, MEASURE)).toEqual({
      width: 0,
      height: 0,
      nodes: [],
      edges: [],
    });
  });
});

describe('labels and arrows', () => {
  it('wraps a label at word boundaries, a word longer than the line on a line of its own', () => {
    expect(wrapLabel('Chronic kidney disease', 14 * 7.8, MEASURE)).toEqual(['Chronic kidney', 'disease']);
    expect(wrapLabel('Dopaminergic dysfunction', 8 * 7.8, MEASURE)).toEqual(['Dopaminergic', 'dysfunction']);
    expect(wrapLabel('Iron', 100, MEASURE)).toEqual(['Iron']);
  });

  it('draws each step as a vertical line or an S-curve between its two points', () => {
    expect(
      edgePath([
        { x: 10, y: 0 },
        { x: 10, y: 20 },
        { x: 40, y: 60 },
      ]),
    ).toBe('M10,0 V20 C10,40 40,40 40,60');
  });
});
