'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { RoleId } from '@/lib/diagram/roles';
import type { Role } from '@/lib/trace/types';

export type RoleNodeData = { role: RoleId; title: string; holds: string[]; width: number };
export type RoleNodeType = Node<RoleNodeData, 'role'>;

const SIDES = [
  ['top', Position.Top],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
  ['right', Position.Right],
] as const;

const COLORS: Record<Role, string> = {
  'resource-owner': 'border-amber-600',
  client: 'border-sky-700',
  'authorization-server': 'border-purple-800',
  'resource-server': 'border-emerald-700',
};

// A grant's extra party (an agent acting for the user): dashed, so it reads as more than the four roles.
const EXTRA_COLOR = 'border-dashed border-teal-800';
// The attack lab's attacker: a colour of its own, red, and a tinted card.
const ATTACKER_COLOR = 'border-red-700 bg-red-50';

/** A role and what it holds right now. */
export function RoleNode({ data }: NodeProps<RoleNodeType>) {
  return (
    <div
      role="group"
      aria-label={data.title}
      style={{ width: data.width }}
      className={`rounded-[12px] border-2 px-[12px] py-[8px] text-left shadow-sm ${COLORS[data.role as Role] ? `bg-white ${COLORS[data.role as Role]}` : data.role === 'attacker' ? ATTACKER_COLOR : `bg-white ${EXTRA_COLOR}`}`}
    >
      <strong className="block text-[16px] leading-[22px]">{data.title}</strong>
      <ul className="mt-[4px] list-disc pl-[16px] text-[14px] leading-[19px] text-slate-700">
        {data.holds.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {SIDES.map(([id, position]) => (
        <span key={id}>
          <Handle
            id={`s-${id}`}
            type="source"
            position={position}
            isConnectable={false}
            className="!opacity-0"
          />
          <Handle
            id={`t-${id}`}
            type="target"
            position={position}
            isConnectable={false}
            className="!opacity-0"
          />
        </span>
      ))}
    </div>
  );
}
