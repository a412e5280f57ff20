'use client';

import { forwardRef, useId } from 'react';
import { describeMessage, ROLE_TITLES, ROLES, type DiagramMessage } from '@/lib/diagram/derive';

const LANE = 200;
const TOP = 56;
const ROW = 34;
const CHANNEL_COLOR = { front: '#b45309', back: '#0369a1' } as const;
const laneX = (role: DiagramMessage['from']) => LANE / 2 + ROLES.indexOf(role) * LANE;

type Props = {
  messages: DiagramMessage[];
  currentSeq?: number;
  selectedSeq?: number;
  onSelect(seq: number): void;
};

/** Swimlanes, one per role: the whole flow so far, top to bottom. A plain SVG, so it can be downloaded. */
export const SequenceView = forwardRef<SVGSVGElement, Props>(function SequenceView(
  { messages, currentSeq, selectedSeq, onSelect },
  ref,
) {
  const markerId = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const width = LANE * ROLES.length;
  const height = TOP + Math.max(messages.length, 1) * ROW + 20;
  return (
    <div
      className="overflow-x-auto rounded-xl border border-slate-300 bg-white"
      tabIndex={0}
      aria-label="Sequence view"
    >
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Sequence of messages between the four roles"
        fontFamily="system-ui, sans-serif"
      >
        <defs>
          {(['back', 'front'] as const).map((channel) => (
            <marker
              key={channel}
              id={`${markerId}-${channel}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={CHANNEL_COLOR[channel]} />
            </marker>
          ))}
        </defs>
        <rect width={width} height={height} fill="#ffffff" />
        {ROLES.map((role) => (
          <g key={role}>
            <text x={laneX(role)} y={24} textAnchor="middle" fontSize="14" fontWeight="700" fill="#0f172a">
              {ROLE_TITLES[role]}
            </text>
            <line
              x1={laneX(role)}
              x2={laneX(role)}
              y1={34}
              y2={height - 8}
              stroke="#94a3b8"
              strokeDasharray="2 4"
            />
          </g>
        ))}
        {messages.map((message, index) => {
          const y = TOP + index * ROW + ROW / 2;
          const [x1, x2] = [laneX(message.from), laneX(message.to)];
          const front = message.channel === 'front';
          const color = CHANNEL_COLOR[message.channel];
          const emphasis = message.seq === selectedSeq ? '#0f172a' : color;
          return (
            <g
              key={message.seq}
              onClick={() => onSelect(message.seq)}
              style={{ cursor: 'pointer' }}
              data-seq={message.seq}
            >
              <title>{describeMessage(message)}</title>
              <line
                x1={x1 + (x2 > x1 ? 4 : -4)}
                x2={x2 + (x2 > x1 ? -6 : 6)}
                y1={y}
                y2={y}
                stroke={emphasis}
                strokeWidth={message.seq === currentSeq || message.seq === selectedSeq ? 3 : 1.5}
                strokeDasharray={front ? '6 4' : undefined}
                markerEnd={`url(#${markerId}-${front ? 'front' : 'back'})`}
              />
              <text x={(x1 + x2) / 2} y={y - 5} textAnchor="middle" fontSize="11" fill="#0f172a">
                {message.number}. {message.label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
});
