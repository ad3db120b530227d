// Where each identity of a trace sits in the layered drawing: one column per step from the code traced (back to
// the left, forward to the right), rows in a stable order within a column. Pure: no React, no DOM.
import type { TraceEdge, TraceNode } from './api.ts';

export const BOX = { width: 196, height: 56, columnGap: 72, rowGap: 20, margin: 12 } as const;

export interface PlacedNode {
  readonly node: TraceNode;
  readonly column: number;
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge {
  readonly edge: TraceEdge;
  readonly path: string;
}

export interface TraceLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** The column of an identity: negative steps back, positive forward, 0 for what was traced. */
export function columnOf(n: TraceNode): number {
  const { back, forward } = n.depth;
  if (n.side === 'origin') return 0;
  // As near as possible; at equal distance a package goes after the goods packed in it, other goods before.
  if (back !== null && (forward === null || back < forward || (back === forward && !n.containerOnly))) return -back;
  return forward ?? 0;
}

export function layoutTrace(nodes: readonly TraceNode[], edges: readonly TraceEdge[]): TraceLayout {
  const columns = new Map<number, TraceNode[]>();
  for (const n of nodes) {
    const c = columnOf(n);
    columns.set(c, [...(columns.get(c) ?? []), n]);
  }
  const order = [...columns.keys()].sort((a, b) => a - b);
  const first = order[0] ?? 0;
  const placed = new Map<string, PlacedNode>();
  let rows = 0;
  for (const c of order) {
    // Goods before containers, then by product and code, so that a redraw keeps each box in its place.
    const list = [...columns.get(c)!].sort((a, b) => Number(a.containerOnly) - Number(b.containerOnly) || (a.product?.nameVi ?? '').localeCompare(b.product?.nameVi ?? '') || a.id.localeCompare(b.id));
    rows = Math.max(rows, list.length);
    list.forEach((node, i) => {
      placed.set(node.id, { node, column: c, x: BOX.margin + (c - first) * (BOX.width + BOX.columnGap), y: BOX.margin + i * (BOX.height + BOX.rowGap) });
    });
  }
  const placedEdges: PlacedEdge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    const key = `${e.from}→${e.to}`;
    if (!a || !b || seen.has(key)) continue;
    seen.add(key);
    placedEdges.push({ edge: e, path: edgePath(a, b) });
  }
  return {
    width: BOX.margin * 2 + order.length * BOX.width + Math.max(0, order.length - 1) * BOX.columnGap,
    height: BOX.margin * 2 + rows * BOX.height + Math.max(0, rows - 1) * BOX.rowGap,
    nodes: [...placed.values()],
    edges: placedEdges,
  };
}

/** A curve from the side of one box facing the other to the facing side of the other. */
function edgePath(a: PlacedNode, b: PlacedNode): string {
  const ay = a.y + BOX.height / 2;
  const by = b.y + BOX.height / 2;
  if (a.column === b.column) {
    // Same column (e.g. a lot and the package it was packed in): a loop out to the right.
    const x = a.x + BOX.width;
    return `M ${x} ${ay} C ${x + 40} ${ay}, ${x + 40} ${by}, ${x + 4} ${by}`;
  }
  const rightwards = b.column > a.column;
  const ax = rightwards ? a.x + BOX.width : a.x;
  const bx = rightwards ? b.x - 4 : b.x + BOX.width + 4;
  const mid = (ax + bx) / 2;
  return `M ${ax} ${ay} C ${mid} ${ay}, ${mid} ${by}, ${bx} ${by}`;
}
