// The concept map's graph, read from the glossary: an edge A → B for each B in A's `leadsTo` ("the article presents A
// as contributing to / leading to B"). Only entries on some edge are nodes. The build validates the field; this
// reader still drops what it cannot draw (unknown ids, self-loops, edges closing a cycle) rather than fail the page.

interface MapNode {
  id: string;
  label: string;
}

export interface MapEdge {
  from: string;
  to: string;
}

export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** What the map needs of an entry. `leadsTo` is optional until every glossary build carries it. */
export interface GraphEntry {
  id: string;
  term: string;
  leadsTo?: readonly string[];
}

export function conceptGraph(entries: readonly GraphEntry[]): MapGraph {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const to of entry.leadsTo ?? []) {
      const key = `${entry.id}\n${to}`;
      if (to === entry.id || !byId.has(to) || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: entry.id, to });
    }
  }
  const acyclic = withoutCycles(edges);
  const onEdge = new Set(acyclic.flatMap((edge) => [edge.from, edge.to]));
  // Glossary order (article order of sections) keeps the node order, and so the layout, stable between builds.
  const nodes = entries.filter((entry) => onEdge.has(entry.id)).map((entry) => ({ id: entry.id, label: entry.term }));
  return { nodes, edges: acyclic };
}

/** The edges minus those that close a cycle, found by a depth-first search in input order (deterministic). */
function withoutCycles(edges: readonly MapEdge[]): MapEdge[] {
  const out = new Map<string, MapEdge[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const state = new Map<string, 'active' | 'done'>();
  const back = new Set<MapEdge>();
  const visit = (id: string) => {
    state.set(id, 'active');
    for (const edge of out.get(id) ?? []) {
      const next = state.get(edge.to);
      if (next === 'active') back.add(edge);
      else if (next === undefined) visit(edge.to);
    }
    state.set(id, 'done');
  };
  for (const edge of edges) if (!state.has(edge.from)) visit(edge.from);
  return edges.filter((edge) => !back.has(edge));
}

/** Entries that lead to `id`, and those `id` leads to, in graph order. */
export function neighbours(graph: MapGraph, id: string): { from: string[]; to: string[] } {
  return {
    from: graph.edges.filter((e) => e.to === id).map((e) => e.from),
    to: graph.edges.filter((e) => e.from === id).map((e) => e.to),
  };
}
