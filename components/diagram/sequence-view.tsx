'use client';

import { forwardRef, useId } from 'react';
import { describeHop } from '@/lib/diagram/derive';
import type { Hop } from '@/lib/diagram/hops';
import { partiesOf, titleOf, type RoleId } from '@/lib/diagram/roles';
import type { ExtraRole } from '@/lib/walkthrough/types';
import { CHANNEL_COLOR } from './graph-layout';
import { ATTACKER_COLOR, hopColor, involvesAttacker } from './hop-color';
import { useElementSize } from './use-element-size';

// Sizes at scale 1; presenter view multiplies them.
const SIZES = { row: 50, title: 14, label: 13, carries: 12 };
// A generous estimate of a character's width in the sans-serif face, to keep each text inside the box.
const charWidth = (fontSize: number) => fontSize * 0.6;

type Props = {
  hops: Hop[];
  currentKey?: string;
  selectedSeq?: number;
  onSelect(seq: number): void;
  /** 1 keeps text at its set size (never under 12 px); presenter view draws larger. */
  scale?: number;
  /** The grant's parties beyond the four roles: a lane each, after the four. */
  extra?: readonly ExtraRole[];
};

/** Text centred on `x` but kept inside the drawing, cut with an ellipsis when wider than it. */
function fitted(text: string, x: number, width: number, fontSize: number) {
  const room = Math.floor((width - 8) / charWidth(fontSize));
  const shown = text.length > room ? `${text.slice(0, Math.max(1, room - 1))}…` : text;
  const half = (shown.length * charWidth(fontSize)) / 2;
  return { text: shown, x: Math.min(Math.max(x, half + 4), width - half - 4) };
}

/** A lane's title on one line, or on two when the lane is narrower than it. */
const titleLines = (title: string, lane: number, fontSize: number) =>
  title.length * charWidth(fontSize) * 1.05 < lane - 6 ? [title] : title.split(' ');

/**
 * Swimlanes, one per role: the whole flow so far, top to bottom, one arrow per hop. It is laid out for
 * the width it is given, so all four lanes fit without scrolling sideways and text keeps its size. A
 * plain SVG, so it can be downloaded.
 */
export const SequenceView = forwardRef<SVGSVGElement, Props>(function SequenceView(
  { hops, currentKey, selectedSeq, onSelect, scale = 1, extra = [] },
  ref,
) {
  const markerId = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [box, { width }] = useElementSize<HTMLDivElement>({ width: 800, height: 0 });
  const [row, titleSize, labelSize, carriesSize] = [
    SIZES.row * scale,
    SIZES.title * scale,
    SIZES.label * scale,
    SIZES.carries * scale,
  ];
  const parties = partiesOf(extra);
  const lane = width / parties.length;
  const laneX = (role: RoleId) => lane / 2 + parties.indexOf(role) * lane;
  const titles = parties.map((role) => titleLines(titleOf(role, extra), lane, titleSize));
  const lineCount = Math.max(...titles.map((lines) => lines.length));
  // When even one word is wider than its lane (a phone), every other lane's title drops below the
  // previous one's, so that neighbouring titles never run into each other.
  const staggered = titles.some((lines) =>
    lines.some((line) => line.length * charWidth(titleSize) > lane - 4),
  );
  const titleRows = lineCount * (staggered ? 2 : 1);
  // The first title's baseline, the further title lines, then room above the first row.
  const top = 20 * scale + (titleRows - 1) * (titleSize + 2) + 16 * scale;
  const height = top + Math.max(hops.length, 1) * row + 12;
  return (
    <div
      ref={box}
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
        className="block"
        role="img"
        aria-label="Sequence of messages between the four roles"
        fontFamily="system-ui, sans-serif"
      >
        <defs>
          {(['back', 'front', 'attacker'] as const).map((kind) => (
            <marker
              key={kind}
              id={`${markerId}-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path
                d="M0,0 L10,5 L0,10 z"
                fill={kind === 'attacker' ? ATTACKER_COLOR : CHANNEL_COLOR[kind]}
              />
            </marker>
          ))}
        </defs>
        <rect width={width} height={height} fill="#ffffff" />
        {parties.map((role) => {
          const lines = titles[parties.indexOf(role)]!;
          const drop = staggered && parties.indexOf(role) % 2 ? lineCount * (titleSize + 2) : 0;
          return (
            <g key={role}>
              <text
                x={laneX(role)}
                y={20 * scale + drop}
                textAnchor="middle"
                fontSize={titleSize}
                fontWeight="700"
                fill="#0f172a"
              >
                {lines.map((line, i) => (
                  <tspan key={line} x={laneX(role)} dy={i ? titleSize + 2 : 0}>
                    {line}
                  </tspan>
                ))}
              </text>
              <line
                x1={laneX(role)}
                x2={laneX(role)}
                y1={top - 6 * scale}
                y2={height - 6}
                stroke="#94a3b8"
                strokeDasharray="2 4"
              />
            </g>
          );
        })}
        {hops.map((hop, index) => {
          const y = top + index * row;
          const [x1, x2] = [laneX(hop.from), laneX(hop.to)];
          const front = hop.channel === 'front';
          const strong = hop.key === currentKey || hop.seq === selectedSeq;
          const subdued = Boolean(hop.supporting) && !strong;
          const label = fitted(`${hop.number}. ${hop.label}`, (x1 + x2) / 2, width, labelSize);
          const carries = fitted(hop.carries, (x1 + x2) / 2, width, carriesSize);
          return (
            <g
              key={hop.key}
              onClick={() => onSelect(hop.seq)}
              style={{ cursor: 'pointer' }}
              data-seq={hop.seq}
              data-hop={hop.key}
              data-current={hop.key === currentKey || undefined}
              data-supporting={hop.supporting}
            >
              <title>{describeHop(hop, extra)}</title>
              <text x={label.x} y={y + 13 * scale} textAnchor="middle" fontSize={labelSize} fill="#0f172a">
                {label.text}
              </text>
              <line
                x1={x1 + (x2 > x1 ? 4 : -4)}
                x2={x2 + (x2 > x1 ? -6 : 6)}
                y1={y + 22 * scale}
                y2={y + 22 * scale}
                stroke={hopColor(hop, { selected: hop.seq === selectedSeq, subdued })}
                data-attacker={involvesAttacker(hop) || undefined}
                strokeWidth={(strong ? 3 : subdued ? 1 : 1.5) * scale}
                strokeDasharray={front ? '6 4' : undefined}
                markerEnd={`url(#${markerId}-${involvesAttacker(hop) ? 'attacker' : hop.channel})`}
              />
              <text
                x={carries.x}
                y={y + 39 * scale}
                textAnchor="middle"
                fontSize={carriesSize}
                fill="#334155"
              >
                {carries.text}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
});
