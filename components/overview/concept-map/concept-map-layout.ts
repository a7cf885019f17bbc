// Where the concept map's boxes and arrows go, for a given width. Pure (no DOM): text is measured by the caller, so
// unit tests can lay the map out at any width and check that nothing overlaps.
//
// A layered drawing, factors above what they lead to. dagre (the layered "Sugiyama" method: crossing reduction,
// node placement) orders and places each row, but it knows no width limit, and a map whose factors all sit in one
// row would be far wider than a phone. So the rows are chosen here (concept-map-levels.ts): the natural ones when
// they fit, else as many boxes per row as the width allows; arrows that skip rows share one trunk per target; and
// when dagre's placement is still too wide, it is squeezed into the width row by row (concept-map-place.ts).
// Height is what a narrow screen has to spare; width is not.

import dagre from '@dagrejs/dagre';
import type { MapGraph } from './concept-map-graph';
import { isJunction, levelsWithin, routesOn, rowsOf, rowWidth } from './concept-map-levels';
import { placeWithin } from './concept-map-place';

export interface TextMeasure {
  /** Width in CSS pixels of one line of `text` in the nodes' font. */
  width(text: string): number;
  lineHeight: number;
}

export interface Point {
  x: number;
  y: number;
}

interface LaidNode {
  id: string;
  label: string;
  /** The label broken into the lines the box shows (the box is sized for them). */
  lines: string[];
  /** Top-left corner and size of the box, in CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

interface LaidEdge {
  from: string;
  to: string;
  /**
   * From the bottom of the source box to the top of the target box. Each step between two points is drawn as a
   * cubic curve with vertical tangents at both ends (a straight line where the x is the same), so it never leaves
   * the rectangle its two points span: vertical inside a box's own column or a trunk's lane, curved only in the gap
   * between two levels.
   */
  points: Point[];
}

export interface MapLayout {
  width: number;
  height: number;
  /** In reading order: top to bottom, then left to right (the order of the buttons for Tab). */
  nodes: LaidNode[];
  edges: LaidEdge[];
}

export const NODE_PADDING = { x: 10, y: 6 };
/** The room a trunk takes in a row, so it never runs along the drawing's edge or touching another trunk. */
const LANE = 6;
const MAX_TEXT_WIDTH = 170;
const MIN_TEXT_WIDTH = 72;

/** Greedy word wrap: as many words per line as fit in `maxWidth`; a longer word gets a line of its own. */
export function wrapLabel(label: string, maxWidth: number, measure: TextMeasure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure.width(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Sized {
  id: string;
  label: string;
  lines: string[];
  width: number;
  height: number;
}

/**
 * The levels to draw on: the natural ones (each box just above the highest box it leads to) when every row fits,
 * else those of the largest per-row budget whose rows, trunks included, all fit. Row widths do not depend on the
 * order within a row, so this needs no drawing.
 */
function chooseLevels(sized: readonly Sized[], edges: MapGraph['edges'], width: number, gap: number) {
  const widthOf = new Map(sized.map((n) => [n.id, n.width]));
  const fits = (levels: Map<string, number>) =>
    rowsOf(levels, routesOn(edges, levels)).every(
      (row) => rowWidth(row, (id) => widthOf.get(id) ?? LANE, gap) <= width,
    );
  const natural = levelsWithin(sized, edges, Infinity, gap);
  if (fits(natural)) return natural;
  let best = levelsWithin(sized, edges, 0, gap); // one box per row: the narrowest there is
  for (let budget = width; budget > 0; budget -= 8) {
    const levels = levelsWithin(sized, edges, budget, gap);
    if (fits(levels)) {
      best = levels;
      break;
    }
  }
  return best;
}

export function layoutConceptMap(graph: MapGraph, availableWidth: number, measure: TextMeasure): MapLayout {
  const narrow = availableWidth < 560;
  const gap = narrow ? 10 : 16;
  const rankGap = narrow ? 30 : 40;
  // Two boxes side by side must fit even on the narrowest screen, so the text column shrinks with the width.
  const textWidth = Math.max(MIN_TEXT_WIDTH, Math.min(MAX_TEXT_WIDTH, (availableWidth - gap) / 2 - 2 * NODE_PADDING.x));
  const sized: Sized[] = graph.nodes.map((node) => {
    const lines = wrapLabel(node.label, textWidth, measure);
    // +2: a rounding pixel on each side, so a line measured at exactly the limit never wraps in the browser.
    const text = Math.ceil(Math.max(...lines.map((line) => measure.width(line)))) + 2;
    return {
      ...node,
      lines,
      width: text + 2 * NODE_PADDING.x,
      height: Math.ceil(lines.length * measure.lineHeight) + 2 * NODE_PADDING.y,
    };
  });
  if (sized.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const box = new Map(sized.map((n) => [n.id, n]));
  const levels = chooseLevels(sized, graph.edges, availableWidth, gap);
  const routes = routesOn(graph.edges, levels);

  // dagre orders each row (crossing reduction) and places boxes and junctions. Every step of a route spans one
  // level, so its ranking (least total edge length) keeps exactly these levels.
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: gap, edgesep: gap, ranksep: rankGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of sized) g.setNode(node.id, { width: node.width, height: node.height });
  const links: { a: string; b: string; weight: number }[] = [];
  for (const route of routes) {
    for (let k = 0; k + 1 < route.length; k++) {
      const [a, b] = [route[k]!, route[k + 1]!];
      if (!g.hasNode(b)) g.setNode(b, { width: LANE, height: 0 });
      g.setEdge(a, b, { minlen: 1, weight: isJunction(a) ? 4 : 1 });
      links.push({ a, b, weight: isJunction(a) && isJunction(b) ? 4 : 1 });
    }
  }
  dagre.layout(g);
  const at = (id: string) => g.node(id) as { x: number; order: number };
  const top = Math.max(...levels.values());
  const rows = rowsOf(levels, routes)
    .reverse()
    .map((ids) => {
      const ordered = [...ids].sort((a, b) => at(a).order - at(b).order);
      return { ids: ordered, widths: ordered.map((id) => box.get(id)?.width ?? LANE) };
    });
  const dagreWidth = g.graph().width ?? 0;
  // Where dagre put them, scaled into the width when it did not fit; then fitted row by row.
  const scale = dagreWidth > availableWidth ? availableWidth / dagreWidth : 1;
  const start = new Map(rows.flatMap((row) => row.ids.map((id) => [id, at(id).x * scale] as const)));
  const x = scale === 1 ? start : placeWithin(rows, start, links, gap, availableWidth);

  // Rows top to bottom, each band as tall as its tallest box.
  const bandTop: number[] = [];
  const bandHeight = rows.map((row) => Math.max(0, ...row.ids.map((id) => box.get(id)?.height ?? 0)));
  bandHeight.forEach((h, r) => bandTop.push(r === 0 ? 0 : bandTop[r - 1]! + bandHeight[r - 1]! + rankGap));
  const rowIndex = (level: number) => top - level;
  const left = Math.min(...[...x].map(([id, cx]) => cx - (box.get(id)?.width ?? LANE) / 2));
  const right = Math.max(...[...x].map(([id, cx]) => cx + (box.get(id)?.width ?? LANE) / 2));

  const nodes = sized
    .map((node): LaidNode => {
      const r = rowIndex(levels.get(node.id)!);
      const y = bandTop[r]! + (bandHeight[r]! - node.height) / 2;
      return {
        id: node.id,
        label: node.label,
        lines: node.lines,
        width: node.width,
        height: node.height,
        x: x.get(node.id)! - node.width / 2 - left,
        y,
      };
    })
    .sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const edges = graph.edges.map(({ from, to }, i): LaidEdge => {
    const points: Point[] = [];
    const add = (px: number, py: number) => {
      const last = points.at(-1);
      if (!last || last.x !== px || last.y !== py) points.push({ x: px, y: py });
    };
    const route = routes[i]!;
    route.forEach((id, k) => {
      const r = rowIndex(levels.get(route[0]!)! - k);
      const cx = x.get(id)! - left;
      const b = box.get(id);
      const boxTop = bandTop[r]! + (bandHeight[r]! - (b?.height ?? bandHeight[r]!)) / 2;
      if (k > 0) add(cx, bandTop[r]!);
      if (b && k > 0) add(cx, boxTop);
      if (b && k === 0) add(cx, boxTop + b.height);
      if (k < route.length - 1) add(cx, bandTop[r]! + bandHeight[r]!);
    });
    return { from, to, points };
  });
  const height = bandTop.at(-1)! + bandHeight.at(-1)!;
  return { width: Math.ceil(right - left), height: Math.ceil(height), nodes, edges };
}

/** The SVG path of an edge: each step a cubic with vertical tangents (see LaidEdge.points). */
export function edgePath(points: readonly Point[]): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  return points
    .map((p, i) => {
      if (i === 0) return `M${f(p.x)},${f(p.y)}`;
      const prev = points[i - 1]!;
      if (prev.x === p.x) return `V${f(p.y)}`;
      const mid = (prev.y + p.y) / 2;
      return `C${f(prev.x)},${f(mid)} ${f(p.x)},${f(mid)} ${f(p.x)},${f(p.y)}`;
    })
    .join(' ');
}
