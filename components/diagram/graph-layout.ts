import type { NodeOrigin } from '@xyflow/react';
import type { Hop } from '@/lib/diagram/hops';
import { ROLES, type RoleId } from '@/lib/diagram/roles';
import { isRole } from '@/lib/trace/roles';
import type { Role } from '@/lib/trace/types';

/**
 * Where the graph draws things, in flow units. The graph is shown at a fixed zoom (1, or larger in
 * presenter view) so its text renders at the size it is set in; the layout instead takes the box it is
 * given: the four roles at its corners, nodes as wide as the box allows. A grant's extra parties (an
 * agent acting for the user) take the middle of the bottom row, then of the top row, and every node
 * narrows to leave them room.
 */
export const CHANNEL_COLOR = { front: '#b45309', back: '#0369a1' } as const;
/** A supporting call's arrow (keys, introspection): grey, so the step's own message leads. */
export const SUPPORTING_COLOR = '#64748b';

const PAD = 8;
// Room under the bottom row for React Flow's attribution, so it covers no node.
const BOTTOM_PAD = 22;
/** A node's place: its column (0 left, 1 middle, 2 right) and row. */
type Slot = { column: 0 | 1 | 2; top: boolean };
const CORNERS: Record<Role, Slot> = {
  'resource-owner': { column: 0, top: true },
  client: { column: 2, top: true },
  'authorization-server': { column: 0, top: false },
  'resource-server': { column: 2, top: false },
};
const MIDDLES: Slot[] = [
  { column: 1, top: false },
  { column: 1, top: true },
];

/** The parties of a run, each with its slot, in the order lanes are counted. */
export type Layout = { parties: RoleId[]; slotOf(party: RoleId): Slot };

export function layoutOf(parties: readonly RoleId[] = ROLES): Layout {
  const extras = parties.filter((party) => !isRole(party));
  return {
    parties: [...parties],
    slotOf: (party) => (isRole(party) ? CORNERS[party] : (MIDDLES[extras.indexOf(party)] ?? MIDDLES[0]!)),
  };
}

const FOUR = layoutOf();

/** Between the two rows: room for the arrows' numbers that cross it. */
const ROW_GAP = 32;

/**
 * Where a node goes, how wide it is, and how tall it may grow before it would reach into the other
 * row: each row has half the box (less the gap between them).
 */
export type RolePlacement = {
  position: { x: number; y: number };
  origin: NodeOrigin;
  width: number;
  maxHeight: number;
};

export function placeRoles(
  width: number,
  height: number,
  layout: Layout = FOUR,
): Record<string, RolePlacement> {
  const crowded = layout.parties.length > ROLES.length;
  const nodeWidth = crowded
    ? Math.round(Math.min(220, Math.max(120, width * 0.3)))
    : Math.round(Math.min(260, Math.max(136, width * 0.36)));
  const maxHeight = Math.max(96, Math.floor((height - PAD - BOTTOM_PAD - ROW_GAP) / 2));
  return Object.fromEntries(
    layout.parties.map((party) => {
      const { column, top } = layout.slotOf(party);
      const x = column === 0 ? PAD : column === 2 ? width - PAD : width / 2;
      return [
        party,
        {
          position: { x, y: top ? PAD : height - BOTTOM_PAD },
          origin: [column / 2, top ? 0 : 1] as NodeOrigin,
          width: nodeWidth,
          maxHeight,
        },
      ];
    }),
  );
}

/**
 * The sides an arrow leaves and enters by: top and bottom within a column; otherwise the sides facing
 * each other, so that an arrow across the diagonal stays clear of the bundle between the left column's
 * two roles (the front channel, the busiest).
 */
export function handles(
  from: RoleId,
  to: RoleId,
  layout: Layout = FOUR,
): { sourceHandle: string; targetHandle: string } {
  const [a, b] = [layout.slotOf(from), layout.slotOf(to)];
  if (a.column === b.column)
    return a.top
      ? { sourceHandle: 's-bottom', targetHandle: 't-top' }
      : { sourceHandle: 's-top', targetHandle: 't-bottom' };
  return a.column < b.column
    ? { sourceHandle: 's-right', targetHandle: 't-left' }
    : { sourceHandle: 's-left', targetHandle: 't-right' };
}

/** Whether the two roles share a row: their arrows run across the gap between the columns. */
export const sameRow = (a: RoleId, b: RoleId, layout: Layout = FOUR) =>
  layout.slotOf(a).top === layout.slotOf(b).top;

/** A column's left and right edges (flow units), where its nodes stand. */
export function columnEdges(column: 0 | 1 | 2, width: number, nodeWidth: number) {
  const left = column === 0 ? PAD : column === 2 ? width - PAD - nodeWidth : (width - nodeWidth) / 2;
  return { left, right: left + nodeWidth };
}

/** An arrow between neighbours of the bottom row (a middle node beside a corner): its label opens under it. */
export const opensUnderRow = (a: RoleId, b: RoleId, layout: Layout = FOUR) =>
  !layout.slotOf(a).top &&
  !layout.slotOf(b).top &&
  Math.abs(layout.slotOf(a).column - layout.slotOf(b).column) === 1;

/**
 * How wide an open label may be on an arrow across a row: the gap between the two nodes, which is the
 * width between the corners, or one of the two gaps beside a middle node.
 */
export function rowGap(a: RoleId, b: RoleId, width: number, nodeWidth: number, layout: Layout = FOUR) {
  if (!sameRow(a, b, layout)) return undefined;
  const apart = Math.abs(layout.slotOf(a).column - layout.slotOf(b).column);
  return apart === 2
    ? Math.max(120, width - 2 * nodeWidth - 40)
    : Math.max(100, (width - 3 * nodeWidth) / 2 - 16);
}

const pairOf = (hop: Hop, layout: Layout) =>
  [hop.from, hop.to].sort((x, y) => layout.parties.indexOf(x) - layout.parties.indexOf(y)).join('--');

/** Each hop's place among the hops between the same two roles (whichever way they went), in order. */
export function parallelPlaces(hops: Hop[], layout: Layout = FOUR): Array<{ index: number; count: number }> {
  const counts = new Map<string, number>();
  const indexes = hops.map((hop) => {
    const pair = pairOf(hop, layout);
    const index = counts.get(pair) ?? 0;
    counts.set(pair, index + 1);
    return index;
  });
  return hops.map((hop, i) => ({ index: indexes[i]!, count: counts.get(pairOf(hop, layout))! }));
}

/** How wide the bundle of parallel arrows between two roles may be: most of the side they meet. */
export const spreadBetween = (from: RoleId, to: RoleId, nodeWidth: number, layout: Layout = FOUR) =>
  layout.slotOf(from).column === layout.slotOf(to).column ? nodeWidth * 0.8 : 64;

type Ends = { sourceX: number; sourceY: number; targetX: number; targetY: number };
const SPACING = 22;
// Chips take turns at three points along their arrows, so neighbouring numbers do not overlap.
const STAGGER = [0.5, 0.3, 0.7];

/**
 * A hop's arrow, moved sideways to its own lane among the parallel arrows between its two roles, and
 * where its number sits on it. Lanes are counted across the pair in one fixed orientation, so arrows
 * going opposite ways still take distinct lanes.
 */
export function hopGeometry(
  ends: Ends,
  {
    hop,
    index,
    count,
    spread,
    current,
    parties = ROLES,
  }: { hop: Hop; index: number; count: number; spread: number; current: boolean; parties?: RoleId[] },
) {
  const forward = parties.indexOf(hop.from) < parties.indexOf(hop.to);
  const [ax, ay, bx, by] = forward
    ? [ends.sourceX, ends.sourceY, ends.targetX, ends.targetY]
    : [ends.targetX, ends.targetY, ends.sourceX, ends.sourceY];
  const length = Math.hypot(bx - ax, by - ay) || 1;
  // The normal pointing right (or down), so the first hop takes the leftmost (or topmost) lane.
  const flip = -(by - ay) < 0 || (by === ay && bx - ax < 0) ? -1 : 1;
  const [nx, ny] = [(flip * -(by - ay)) / length, (flip * (bx - ax)) / length];
  const spacing = count > 1 ? Math.min(SPACING, spread / (count - 1)) : 0;
  const offset = (index - (count - 1) / 2) * spacing;
  const [dx, dy] = [nx * offset, ny * offset];
  const [sx, sy, tx, ty] = [ends.sourceX + dx, ends.sourceY + dy, ends.targetX + dx, ends.targetY + dy];
  // The newest hop's number sits mid-arrow, where its open label has most room.
  const t = count > 1 && !current ? STAGGER[index % STAGGER.length]! : 0.5;
  return {
    path: `M ${sx},${sy} L ${tx},${ty}`,
    chip: { x: ax + dx + (bx - ax) * t, y: ay + dy + (by - ay) * t },
  };
}
