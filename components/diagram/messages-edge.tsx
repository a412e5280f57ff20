'use client';

import { BaseEdge, EdgeLabelRenderer, getStraightPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { DiagramMessage } from '@/lib/diagram/derive';
import { describeMessage } from '@/lib/diagram/derive';
import type { Role } from '@/lib/trace/types';

export type MessagesEdgeData = {
  /** The role drawn at the edge's source end. */
  sourceRole: Role;
  messages: DiagramMessage[];
  currentSeq?: number;
  selectedSeq?: number;
  animate: boolean;
  onSelect(seq: number): void;
};
export type MessagesEdgeType = Edge<MessagesEdgeData, 'messages'>;

/** All messages between two roles: numbered chips on one line; the newest one travels along it. */
export function MessagesEdge({ sourceX, sourceY, targetX, targetY, data }: EdgeProps<MessagesEdgeType>) {
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  if (!data) return null;
  const front = data.messages.every((message) => message.channel === 'front');
  const current = data.messages.find((message) => message.seq === data.currentSeq);
  const forward = current ? current.from === data.sourceRole : true;
  return (
    <>
      <BaseEdge
        path={path}
        style={{
          stroke: front ? '#b45309' : '#0369a1',
          strokeWidth: 2,
          strokeDasharray: front ? '6 4' : undefined,
        }}
      />
      {current && data.animate ? (
        <circle r="7" fill={front ? '#b45309' : '#0369a1'} data-testid="travelling-message">
          <animateMotion
            dur="1.2s"
            repeatCount="indefinite"
            path={path}
            keyPoints={forward ? '0;1' : '1;0'}
            keyTimes="0;1"
            calcMode="linear"
          />
        </circle>
      ) : null}
      <EdgeLabelRenderer>
        <div
          className="nodrag nopan absolute flex max-w-64 flex-wrap justify-center gap-1"
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            pointerEvents: 'all',
          }}
        >
          {data.messages.map((message) => {
            const isCurrent = message.seq === data.currentSeq;
            const isSelected = message.seq === data.selectedSeq;
            return (
              <button
                key={message.seq}
                type="button"
                title={message.label}
                aria-label={describeMessage(message)}
                aria-pressed={isSelected}
                data-current={isCurrent || undefined}
                onClick={() => data.onSelect(message.seq)}
                className={`rounded-full border px-1.5 text-xs font-semibold ${
                  message.channel === 'front'
                    ? 'border-amber-700 bg-amber-50 text-amber-900'
                    : 'border-sky-800 bg-sky-50 text-sky-900'
                } ${isCurrent ? 'ring-2 ring-offset-1 ring-slate-900' : ''} ${isSelected ? '!bg-slate-900 !text-white' : ''}`}
              >
                {message.number}
                {message.from === data.sourceRole ? '→' : '←'}
              </button>
            );
          })}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
