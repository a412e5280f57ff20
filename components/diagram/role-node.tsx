'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { RoleId } from '@/lib/diagram/roles';
import { isRole } from '@/lib/trace/roles';
import type { Role } from '@/lib/trace/types';

export type RoleNodeData = {
  role: RoleId;
  title: string;
  /** Who the party is, beside its title: "(alice), using a browser". */
  subtitle?: string;
  /** A role the grant does not use (no resource owner in client credentials): drawn greyed. */
  inactive?: boolean;
  /** The step in view (its main exchange's hop): what the node gained since it began stays unfolded. */
  step?: string;
  holds: string[];
  width: number;
  maxHeight: number;
};
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
// A role the grant does not use: greyed and dashed, so it reads as absent.
const INACTIVE_COLOR = 'border-dashed border-slate-400 bg-slate-100 text-slate-600';

// What a projector must never fold away: the access token, whatever the client holds beside it.
const ALWAYS_SHOWN = /\baccess token\b/;

/**
 * What the holdings gained during the step in view (`step`: its main exchange's hop): what this step
 * obtained. The holdings the step started from are those of the last render of the step before (React's
 * way of keeping a value from the previous render).
 */
function useFresh(holds: string[], step: string | undefined) {
  const key = `${step}|${holds.join('|')}`;
  const [seen, setSeen] = useState({ key, step, base: holds, holds });
  if (seen.key === key) return holds.filter((item) => !seen.base.includes(item));
  // While a step's message is in flight there is no step hop yet: its gains count from before it was sent.
  const base = seen.step === step || seen.step === undefined ? seen.base : seen.holds;
  setSeen({ key, step, base, holds });
  return holds.filter((item) => !base.includes(item));
}

/**
 * How many of the oldest foldable holdings to fold so that the node stays within its row: none at first,
 * then one more on each layout pass while the node is taller than its row allows (a long run on a
 * projector). Starts again from none when the holdings or the room change.
 */
function useFolded(holds: string[], width: number, maxHeight: number) {
  const node = useRef<HTMLDivElement>(null);
  const key = `${width}|${maxHeight}|${holds.join('|')}`;
  const [folded, setFolded] = useState({ key, count: 0 });
  const count = folded.key === key ? folded.count : 0;
  useLayoutEffect(() => {
    const height = node.current?.offsetHeight ?? 0;
    if (height > maxHeight && count < holds.length) setFolded({ key, count: count + 1 });
  }, [key, count, maxHeight, holds.length]);
  return { node, count };
}

/** A role and what it holds right now; the oldest holdings fold into "+N earlier" where room is short. */
export function RoleNode({ data }: NodeProps<RoleNodeType>) {
  const fresh = useFresh(data.holds, data.step);
  // This step's gains and the access token stay; the rest folds, oldest first.
  const foldable = data.holds.filter((item) => !fresh.includes(item) && !ALWAYS_SHOWN.test(item));
  const { node, count } = useFolded(foldable, data.width, data.maxHeight);
  const folded = foldable.slice(0, count);
  const shown = data.holds.filter((item) => !folded.includes(item));
  return (
    <div
      ref={node}
      role="group"
      aria-label={data.title}
      data-inactive={data.inactive || undefined}
      style={{ width: data.width }}
      className={`rounded-[12px] border-2 px-[12px] py-[8px] text-left shadow-sm ${data.inactive ? INACTIVE_COLOR : isRole(data.role) ? `bg-white ${COLORS[data.role]}` : data.role === 'attacker' ? ATTACKER_COLOR : `bg-white ${EXTRA_COLOR}`}`}
    >
      <strong className="block text-[16px] leading-[22px]">
        <span>{data.title}</span>
        {data.subtitle ? (
          <span className="block text-[14px] leading-[19px] font-normal"> {data.subtitle}</span>
        ) : null}
      </strong>
      <ul className="mt-[4px] list-disc pl-[16px] text-[14px] leading-[19px] text-slate-700">
        {count > 0 ? (
          <li className="-ml-[16px] list-none italic">
            +{count} earlier<span className="sr-only">: {folded.join('; ')}</span>
          </li>
        ) : null}
        {shown.map((item) => (
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
