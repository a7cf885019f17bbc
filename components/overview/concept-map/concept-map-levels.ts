// The concept map's levels (rows) and trunks, before any drawing: which row each box goes to so every row fits the
// width, and which lanes the arrows that skip rows share. Pure, no DOM, no layout library.

import type { MapEdge } from './concept-map-graph';

/**
 * Levels counted up from the sinks (0): each node goes to the lowest level above everything it leads to whose boxes
 * still leave room for it within `budget` pixels. Nodes are taken depth first from the sinks (the next is one
 * whose successors are all placed, preferring the one that feeds the most recently placed node), so a factor's
 * own factors are placed right after it and each group of the map stays together.
 */
export function levelsWithin(
  nodes: readonly { id: string; width: number }[],
  edges: readonly MapEdge[],
  budget: number,
  gap: number,
): Map<string, number> {
  const succs = new Map(nodes.map((n) => [n.id, [] as string[]]));
  for (const { from, to } of edges) succs.get(from)?.push(to);
  const placed = new Map<string, number>();
  const level = new Map<string, number>();
  const used: number[] = [];
  while (placed.size < nodes.length) {
    let next: { id: string; width: number } | undefined;
    let latest = -2;
    for (const node of nodes) {
      if (placed.has(node.id) || !succs.get(node.id)!.every((s) => placed.has(s))) continue;
      const last = Math.max(-1, ...succs.get(node.id)!.map((s) => placed.get(s)!));
      if (last > latest) [next, latest] = [node, last];
    }
    if (next === undefined) throw new Error('concept map: the graph has a cycle');
    placed.set(next.id, placed.size);
    let at = Math.max(-1, ...succs.get(next.id)!.map((s) => level.get(s)!)) + 1;
    while (used[at] !== undefined && used[at]! + gap + next.width > budget) at++;
    level.set(next.id, at);
    used[at] = used[at] === undefined ? next.width : used[at]! + gap + next.width;
  }
  return level;
}

/** A junction of `target`'s trunk on one level: ids no entry can have (entry ids are kebab-case). */
const junctionId = (target: string, level: number) => `trunk:${target}:${level}`;
export const isJunction = (id: string) => id.startsWith('trunk:');

/**
 * Each edge as the ids it passes, one per level: an edge that skips levels goes through its target's junctions.
 * All long edges into one target share those junctions, so they merge into one trunk: arrows into one target may
 * merge without changing what the map says, and a shared trunk costs one lane of width where separate edges would
 * cost one each (the map converges on RLS, so that is most of them).
 */
export function routesOn(edges: readonly MapEdge[], levels: ReadonlyMap<string, number>): string[][] {
  return edges.map(({ from, to }) => {
    const route = [from];
    for (let l = levels.get(from)! - 1; l > levels.get(to)!; l--) route.push(junctionId(to, l));
    route.push(to);
    return route;
  });
}

/** Every id (boxes and junctions) by level, in no particular order. */
export function rowsOf(levels: ReadonlyMap<string, number>, routes: readonly string[][]): string[][] {
  const rows: Set<string>[] = [];
  for (const [id, l] of levels) (rows[l] ??= new Set()).add(id);
  for (const route of routes) {
    const top = levels.get(route[0]!)!;
    route.forEach((id, k) => (rows[top - k] ??= new Set()).add(id));
  }
  return [...rows].map((row) => [...(row ?? [])]);
}

/** The width a row needs: its boxes and trunk lanes with `gap` between neighbours. */
export function rowWidth(row: readonly string[], widthOf: (id: string) => number, gap: number): number {
  return row.reduce((sum, id) => sum + widthOf(id), 0) + Math.max(0, row.length - 1) * gap;
}
