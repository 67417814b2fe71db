import { cycles, folderGraph, mutualPairs } from '../scripts/folder-cycles';

describe('src/ folder dependencies (npm run lint:deps)', () => {
  const graph = folderGraph();
  const edges = [...graph].map(([from, to]) => `${from} → ${[...to].sort().join(', ')}`).sort();

  it('should have no folder-level import cycle', () => {
    const found = { cycles: cycles(graph), mutual: mutualPairs(graph) };
    expect(found.cycles.length ? { ...found, edges } : found).toEqual({ cycles: [], mutual: [] });
  });
});
