import { cycles, folderGraph, mutualPairs } from '../scripts/folder-cycles';

/** Dependencies between the folders of src/ point one way (docs/architecture.md). */
describe('src/ folder dependencies (npm run lint:deps)', () => {
  const graph = folderGraph();

  it('should have no two-way folder import', () => {
    expect(mutualPairs(graph)).toEqual([]);
  });

  it('should have no folder cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
