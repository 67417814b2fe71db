import { cycles, folderGraph, mutualPairs } from '../scripts/folder-cycles';

/**
 * The two-way folder imports left to untie (docs/architecture.md). The list may only shrink: a
 * new one fails this test, and untying one means removing it here.
 */
const LEFT = ['config ↔ delivery', 'config ↔ providers', 'delivery ↔ events', 'delivery ↔ records'];

describe('src/ folder dependencies (npm run lint:deps)', () => {
  const graph = folderGraph();

  it('should have no two-way folder import beyond the ones left to untie', () => {
    expect(mutualPairs(graph)).toEqual(LEFT);
  });

  it('should keep every folder cycle inside the one group those imports form', () => {
    expect(cycles(graph)).toEqual([
      'config ⇄ delivery ⇄ events ⇄ hook ⇄ protection ⇄ providers ⇄ records',
    ]);
  });
});
