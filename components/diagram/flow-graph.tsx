'use client';

import { MarkerType, ReactFlow, useNodesState } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import '@xyflow/react/dist/style.css';
import type { Hop } from '@/lib/diagram/hops';
import { partiesOf, titleOf, type RoleId } from '@/lib/diagram/roles';
import type { ExtraRole } from '@/lib/walkthrough/types';
import {
  handles,
  layoutOf,
  opensUnderRow,
  columnEdges,
  parallelPlaces,
  placeRoles,
  rowGap,
  spreadBetween,
  type Layout,
} from './graph-layout';
import { HopEdge, type HopEdgeType } from './hop-edge';
import { hopColor } from './hop-color';
import { RoleNode, type RoleNodeType } from './role-node';
import { useElementSize } from './use-element-size';

const nodeTypes = { role: RoleNode };
const edgeTypes = { hop: HopEdge };

/** What a node says beside its title: who the party is, and whether the grant uses it at all. */
export type RoleNotes = Partial<Record<RoleId, { subtitle?: string; inactive?: boolean }>>;

type Props = {
  hops: Hop[];
  /** The hop of the step's main exchange: drawn bold, with its label open. */
  currentKey?: string;
  holdings: Record<RoleId, string[]>;
  notes?: RoleNotes;
  /** The grant's parties beyond the four roles. */
  extra?: readonly ExtraRole[];
  selectedSeq?: number;
  animate: boolean;
  /** Flow units to pixels: 1 keeps text at its set size; presenter view draws larger. */
  zoom: number;
  onSelect(seq: number): void;
};

const roleNodes = (
  holdings: Record<RoleId, string[]>,
  notes: RoleNotes,
  step: string | undefined,
  width: number,
  height: number,
  layout: Layout,
  extra: readonly ExtraRole[],
): RoleNodeType[] => {
  const places = placeRoles(width, height, layout);
  return layout.parties.map((role) => ({
    id: role,
    type: 'role' as const,
    position: places[role]!.position,
    origin: places[role]!.origin,
    data: {
      role,
      title: titleOf(role, extra),
      ...notes[role],
      step,
      holds: holdings[role] ?? [],
      width: places[role]!.width,
      maxHeight: places[role]!.maxHeight,
    },
    draggable: false,
    selectable: false,
  }));
};

/** React Flow only wires the typed nodes and edges; what they say comes from lib/diagram. */
const NONE: readonly ExtraRole[] = [];
const NO_NOTES: RoleNotes = {};

export function FlowGraph({
  hops,
  currentKey,
  holdings,
  notes = NO_NOTES,
  extra = NONE,
  selectedSeq,
  animate,
  zoom,
  onSelect,
}: Props) {
  const layout = useMemo(() => layoutOf(partiesOf(extra)), [extra]);
  const [box, size] = useElementSize<HTMLDivElement>({ width: 640, height: 416 });
  const [width, height] = [size.width / zoom, size.height / zoom];
  // The nodes live in React Flow's node state so that the sizes it measures stay on them. Built anew
  // on each render they would lose those sizes: React Flow hides such nodes and draws no edge until it
  // has measured them again, and a render landing between two measurements could leave them hidden.
  const [nodes, setNodes, onNodesChange] = useNodesState(
    roleNodes(holdings, notes, currentKey, width, height, layout, extra),
  );
  useEffect(() => {
    const places = placeRoles(width, height, layout);
    setNodes((current) =>
      current.map((node) => ({
        ...node,
        position: places[node.data.role]!.position,
        data: {
          ...node.data,
          ...notes[node.data.role],
          step: currentKey,
          holds: holdings[node.data.role] ?? [],
          width: places[node.data.role]!.width,
          maxHeight: places[node.data.role]!.maxHeight,
        },
      })),
    );
    // Holdings are derived afresh on each update; the nodes change only when what they say does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(holdings), JSON.stringify(notes), currentKey, width, height, setNodes, layout]);
  const nodeWidth = placeRoles(width, height, layout).client!.width;
  const edges: HopEdgeType[] = useMemo(() => {
    const places = parallelPlaces(hops, layout);
    return hops.map((hop, i): HopEdgeType => ({
      id: `hop-${hop.key}`,
      type: 'hop' as const,
      source: hop.from,
      target: hop.to,
      ...handles(hop.from, hop.to, layout),
      markerEnd: {
        type: MarkerType.ArrowClosed,
        color: hopColor(hop, { selected: false, subdued: Boolean(hop.supporting) && hop.key !== currentKey }),
        width: 16,
        height: 16,
      },
      zIndex: hop.key === currentKey ? 1 : 0,
      data: {
        hop,
        ...places[i]!,
        spread: spreadBetween(hop.from, hop.to, nodeWidth, layout),
        width,
        centredWidth: rowGap(hop.from, hop.to, width, nodeWidth, layout),
        ...(opensUnderRow(hop.from, hop.to, layout) ? { underRow: true } : {}),
        ...(layout.slotOf(hop.from).column === layout.slotOf(hop.to).column
          ? { stacked: columnEdges(layout.slotOf(hop.from).column, width, nodeWidth) }
          : {}),
        current: hop.key === currentKey,
        selected: hop.seq === selectedSeq,
        animate,
        onSelect,
        parties: layout.parties,
        extra,
      },
    }));
  }, [hops, currentKey, nodeWidth, width, selectedSeq, animate, onSelect, layout, extra]);
  return (
    <div
      ref={box}
      className="h-[26rem] w-full overflow-hidden rounded-xl border border-slate-300 bg-slate-50 max-sm:h-[36rem]"
      data-testid="flow-graph"
    >
      <ReactFlow
        nodes={nodes}
        onNodesChange={onNodesChange}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        viewport={{ x: 0, y: 0, zoom }}
        onViewportChange={() => {}}
        minZoom={zoom}
        maxZoom={zoom}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        // The arrows' numbered buttons are the tab stops; the arrows and nodes themselves do nothing.
        edgesFocusable={false}
        nodesFocusable={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        panOnScroll={false}
        panOnDrag={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
      />
    </div>
  );
}
