import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { ExplorerGraph } from './build.ts';
import { egoNetwork } from './ego.ts';

describe('the ego network of a selection', () => {
  const graph = new Graph({ multi: true }) as unknown as ExplorerGraph;
  for (const n of ['a', 'b', 'c', 'd', 'e']) graph.addNode(n);
  graph.addEdge('a', 'b');
  graph.addEdge('b', 'c');
  graph.addEdge('c', 'd');
  graph.addEdge('e', 'a');

  it('holds the nodes within 1 or 2 steps, in either direction', () => {
    expect([...egoNetwork(graph, 'a', 1, () => true)].sort()).toEqual(['a', 'b', 'e']);
    expect([...egoNetwork(graph, 'a', 2, () => true)].sort()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('does not walk through hidden nodes', () => {
    expect([...egoNetwork(graph, 'a', 2, (n) => n !== 'b')].sort()).toEqual(['a', 'e']);
  });
});
