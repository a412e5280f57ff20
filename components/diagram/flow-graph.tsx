'use client';

import { ReactFlow, useNodesState } from '@xyflow/react';
import { useEffect } from 'react';
import '@xyflow/react/dist/style.css';
import { ROLE_TITLES, ROLES, type RoleLink } from '@/lib/diagram/derive';
import type { Role } from '@/lib/trace/types';
import { MessagesEdge, type MessagesEdgeType } from './messages-edge';
import { RoleNode, type RoleNodeType } from './role-node';

const nodeTypes = { role: RoleNode };
const edgeTypes = { messages: MessagesEdge };

// The four roles at the corners: the user and their browser top left, the client top right, the
// authorization server bottom left, the resource server bottom right.
const POSITIONS: Record<Role, { x: number; y: number }> = {
  'resource-owner': { x: 0, y: 0 },
  client: { x: 480, y: 0 },
  'authorization-server': { x: 0, y: 300 },
  'resource-server': { x: 480, y: 300 },
};

function handles(a: Role, b: Role): { sourceHandle: string; targetHandle: string } {
  const [pa, pb] = [POSITIONS[a], POSITIONS[b]];
  if (pa.y === pb.y)
    return pa.x < pb.x
      ? { sourceHandle: 's-right', targetHandle: 't-left' }
      : { sourceHandle: 's-left', targetHandle: 't-right' };
  return pa.y < pb.y
    ? { sourceHandle: 's-bottom', targetHandle: 't-top' }
    : { sourceHandle: 's-top', targetHandle: 't-bottom' };
}

type Props = {
  links: RoleLink[];
  holdings: Record<Role, string[]>;
  currentSeq?: number;
  selectedSeq?: number;
  animate: boolean;
  onSelect(seq: number): void;
};

const roleNodes = (holdings: Record<Role, string[]>): RoleNodeType[] =>
  ROLES.map((role) => ({
    id: role,
    type: 'role' as const,
    position: POSITIONS[role],
    data: { role, title: ROLE_TITLES[role], holds: holdings[role] },
    draggable: false,
    selectable: false,
  }));

/** React Flow only wires the typed nodes and edges; what they say comes from lib/diagram. */
export function FlowGraph({ links, holdings, currentSeq, selectedSeq, animate, onSelect }: Props) {
  // The nodes live in React Flow's node state so that the sizes it measures stay on them. Built anew
  // on each render they would lose those sizes: React Flow hides such nodes and draws no edge until it
  // has measured them again, and a render landing between two measurements could leave them hidden.
  const [nodes, setNodes, onNodesChange] = useNodesState(roleNodes(holdings));
  useEffect(() => {
    setNodes((current) =>
      current.map((node) => ({ ...node, data: { ...node.data, holds: holdings[node.data.role] } })),
    );
  }, [holdings, setNodes]);
  const edges: MessagesEdgeType[] = links.map((link) => ({
    id: link.id,
    type: 'messages' as const,
    source: link.a,
    target: link.b,
    ...handles(link.a, link.b),
    data: { sourceRole: link.a, messages: link.messages, currentSeq, selectedSeq, animate, onSelect },
  }));
  return (
    <div className="h-[26rem] w-full rounded-xl border border-slate-300 bg-slate-50" data-testid="flow-graph">
      <ReactFlow
        nodes={nodes}
        onNodesChange={onNodesChange}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        panOnScroll={false}
        panOnDrag={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
      />
    </div>
  );
}
