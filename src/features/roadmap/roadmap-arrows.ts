import type { Box } from '../../core/render/svg.ts';
import type { RoadmapAction } from './roadmap.model.ts';

export interface Point {
  x: number;
  y: number;
}
export interface DependencyArrow {
  /** The action depended on (the arrow starts at its bar's end) and the dependent action. */
  fromId: string;
  toId: string;
  points: Point[];
}

/**
 * The dependency edges to draw: only between actions in the input, never a self-loop or duplicate,
 * and never one that closes a cycle (the strategy refuses cycles, but the drawing must not loop
 * even if bad data slips through): an edge is dropped when its target already reaches its source.
 */
export function acyclicDependencies(actions: RoadmapAction[]): { fromId: string; toId: string }[] {
  const ids = new Set(actions.map((a) => a.id));
  const next = new Map<string, string[]>();
  const reaches = (from: string, to: string): boolean => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(next.get(id) ?? []));
    }
    return false;
  };
  const edges: { fromId: string; toId: string }[] = [];
  for (const action of actions) {
    for (const fromId of new Set(action.dependsOn)) {
      if (!ids.has(fromId) || fromId === action.id || reaches(action.id, fromId)) continue;
      next.set(fromId, [...(next.get(fromId) ?? []), action.id]);
      edges.push({ fromId, toId: action.id });
    }
  }
  return edges;
}

const clamp = (n: number, low: number, high: number) => Math.min(Math.max(n, low), Math.max(low, high));

/**
 * An orthogonal route from the end of `from` to the start of `to`. It leaves the source bar through its
 * bottom (or top) edge and runs horizontally in the gap between rows, where no label sits, then bends
 * just before the target and enters it from the left. When the two overlap in time, it drops vertically
 * into the target's top or bottom edge.
 */
export function routeArrow(from: Box, to: Box): Point[] {
  const sx = from.x + from.width;
  const [tx, ty] = [to.x, to.y + to.height / 2];
  const isBelow = to.y > from.y;
  const exitX = Math.max(from.x + from.width / 2, sx - 4);
  const sourceEdge = isBelow || to.y === from.y ? from.y + from.height : from.y;
  const gapY = sourceEdge === from.y ? from.y - 4 : sourceEdge + 2;
  if (tx >= sx + 10) {
    const bend = tx - 5;
    return [
      { x: exitX, y: sourceEdge },
      { x: exitX, y: gapY },
      { x: bend, y: gapY },
      { x: bend, y: ty },
      { x: tx, y: ty },
    ];
  }
  const targetEdge = isBelow ? to.y : to.y + to.height;
  const x = clamp(exitX, to.x + 4, to.x + to.width - 4);
  if (Math.abs(x - exitX) < 0.5)
    return [
      { x, y: sourceEdge },
      { x, y: targetEdge },
    ];
  return [
    { x: exitX, y: sourceEdge },
    { x: exitX, y: gapY },
    { x, y: gapY },
    { x, y: targetEdge },
  ];
}
