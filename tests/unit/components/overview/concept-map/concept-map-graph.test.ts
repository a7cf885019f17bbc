import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { conceptGraph, neighbours } from '../../../../../components/overview/concept-map/concept-map-graph';
import { LEADS_TO, withFixtureGraph } from '../../../../fixtures/concept-map-graph';

const entry = (id: string, leadsTo?: string[]) => ({ id, term: id.toUpperCase(), leadsTo });

describe('the concept map graph read from the glossary', () => {
  it('has an edge A → B for each B in A’s leadsTo, and as nodes only the entries on an edge, in glossary order', () => {
    const graph = conceptGraph([
      entry('rls'),
      entry('lonely'),
      entry('iron', ['iron-deficiency']),
      entry('iron-deficiency', ['rls']),
    ]);
    expect(graph.nodes).toEqual([
      { id: 'rls', label: 'RLS' },
      { id: 'iron', label: 'IRON' },
      { id: 'iron-deficiency', label: 'IRON-DEFICIENCY' },
    ]);
    expect(graph.edges).toEqual([
      { from: 'iron', to: 'iron-deficiency' },
      { from: 'iron-deficiency', to: 'rls' },
    ]);
    expect(neighbours(graph, 'iron-deficiency')).toEqual({ from: ['iron'], to: ['rls'] });
  });

  it('is empty for entries without a leadsTo field (the overview then shows no map)', () => {
    expect(conceptGraph([entry('a'), entry('b'), entry('c', [])])).toEqual({ nodes: [], edges: [] });
  });

  it('drops what it cannot draw: unknown ids, self-loops, repeats, and the edge that closes a cycle', () => {
    const graph = conceptGraph([entry('a', ['b', 'a', 'missing', 'b']), entry('b', ['c']), entry('c', ['a'])]);
    expect(graph.edges).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ]);
  });

  it('the test fixture names only entries the glossary has, and they lead to restless legs syndrome', () => {
    const ids = new Set(glossary.entries.map((e) => e.id));
    const named = Object.entries(LEADS_TO).flatMap(([from, to]) => [from, ...to]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    const bare = glossary.entries.map((e) => ({ ...e, leadsTo: [] }));
    const graph = conceptGraph(withFixtureGraph(bare));
    expect(graph.edges).toHaveLength(Object.values(LEADS_TO).flat().length);
    const sinks = graph.nodes.filter((n) => neighbours(graph, n.id).to.length === 0).map((n) => n.id);
    expect(sinks).toEqual(['restless-legs-syndrome']);
  });

  it("the shipped glossary's graph keeps every edge and ends in RLS and the sensations it is felt as", () => {
    const graph = conceptGraph(glossary.entries);
    expect(graph.edges).toHaveLength(glossary.entries.reduce((n, e) => n + e.leadsTo.length, 0));
    const sinks = graph.nodes.filter((n) => neighbours(graph, n.id).to.length === 0).map((n) => n.id);
    expect(sinks.sort()).toEqual(['restless-legs-syndrome', 'uncomfortable-sensations']);
    // Every factor the article names reaches RLS.
    const reaches = (id: string, seen = new Set<string>()): boolean =>
      id === 'restless-legs-syndrome' ||
      neighbours(graph, id).to.some((next) => !seen.has(next) && reaches(next, seen.add(next)));
    for (const node of graph.nodes)
      if (node.id !== 'uncomfortable-sensations') expect(reaches(node.id), node.id).toBe(true);
  });
});
