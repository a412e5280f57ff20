'use client';

import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { describeHop } from '@/lib/diagram/derive';
import type { Hop } from '@/lib/diagram/hops';
import type { RoleId } from '@/lib/diagram/roles';
import type { ExtraRole } from '@/lib/walkthrough/types';
import { hopGeometry } from './graph-layout';
import { hopColor, involvesAttacker } from './hop-color';
import { useOpenLabelPlacement } from './use-open-label-placement';

export type HopEdgeData = {
  hop: Hop;
  /** This hop's place among the hops between the same two roles, and how many there are. */
  index: number;
  count: number;
  /** How far apart the parallel arrows between two roles may spread, in all (flow units). */
  spread: number;
  /** The canvas's width, so that an open label grows into the canvas rather than off it. */
  width: number;
  /** Across the gap between the columns, the open label is centred on its arrow, at most this wide. */
  centredWidth?: number;
  /**
   * The arrow joins two neighbours of the bottom row: it is short, and the gap between them is narrower
   * than a label. The label opens under its arrow, as wide as it needs: there it covers the two nodes'
   * lower lines, never their titles (at the top of each node, above the arrow's ends).
   */
  underRow?: boolean;
  /**
   * The arrow runs between the two rows of one column (its left and right edges, flow units): the lower
   * node's title sits just under the gap it crosses, and a neighbouring column's title at its height, so
   * the label sits just above its number, as wide as the column, over the upper node's last lines.
   */
  stacked?: { left: number; right: number };
  current: boolean;
  selected: boolean;
  animate: boolean;
  onSelect(seq: number): void;
  /** Every party of the run, in the order lanes are counted, and the grant's extra ones (for titles). */
  parties: RoleId[];
  extra: readonly ExtraRole[];
};
const LABEL_WIDTH = 280;

export type HopEdgeType = Edge<HopEdgeData, 'hop'>;

/**
 * One message, one arrow, in the direction it went: parallel arrows between the same two roles sit
 * side by side, each numbered; the newest says what it carries and a dot travels along it.
 */
function HopEdgeView({ id, sourceX, sourceY, targetX, targetY, data, markerEnd }: EdgeProps<HopEdgeType>) {
  const geometry = data ? hopGeometry({ sourceX, sourceY, targetX, targetY }, data) : undefined;
  const chipAt = geometry ? `${Math.round(geometry.chip.x)},${Math.round(geometry.chip.y)}` : '';
  const defaultRight = Boolean(
    geometry && data && (geometry.chip.x + LABEL_WIDTH < data.width || geometry.chip.x < data.width / 2),
  );
  // The open label is measured against the parties' titles and moved to where it covers none.
  const { label, placement } = useOpenLabelPlacement(
    Boolean(data?.current),
    defaultRight,
    `${data?.hop.key}|${data?.hop.carries}|${chipAt}|${data?.width}`,
  );
  if (!data || !geometry) return null;
  const { hop } = data;
  const { path, chip } = geometry;
  const front = hop.channel === 'front';
  // A supporting call (keys, introspection) is drawn thin and grey: the step's own message leads.
  const subdued = Boolean(hop.supporting) && !data.current && !data.selected;
  const color = hopColor(hop, { selected: data.selected, subdued });
  const theft = involvesAttacker(hop);
  // In its own place, the label is placed by the arrow's geometry: between two rows of a column it sits
  // above the number, across the column; across the gap between the columns it is centred under it.
  const own = placement.where === 'own';
  const stacked = own ? data.stacked : undefined;
  const centred = own && data.centredWidth !== undefined;
  const wide = centred && data.underRow;
  // Open towards the right unless the label would run off the canvas: the left column's bundle is busy.
  const opensRight = Boolean(stacked) || placement.toRight;
  // Under or over its number (where beside it would cover a party's title), out of the row's flow.
  const offRow = placement.where === 'below' || placement.where === 'above';
  // On a narrow canvas the label wraps within the room on its side rather than running off the canvas.
  const room = Math.max(120, (opensRight ? data.width - chip.x : chip.x) - 24);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        data-hop={hop.key}
        data-from={hop.from}
        data-to={hop.to}
        data-current={data.current || undefined}
        data-supporting={hop.supporting}
        data-attacker={theft || undefined}
        style={{
          stroke: color,
          strokeWidth: data.current || data.selected ? 3 : subdued ? 1.25 : 1.75,
          strokeDasharray: front ? '7 4' : undefined,
        }}
      />
      {data.current && data.animate ? (
        <circle r="6" fill={color} data-testid="travelling-message">
          <animateMotion dur="1.4s" repeatCount="indefinite" path={path} />
        </circle>
      ) : null}
      <EdgeLabelRenderer>
        <button
          type="button"
          aria-label={describeHop(hop, data.extra)}
          aria-pressed={data.selected}
          data-current={data.current || undefined}
          data-supporting={hop.supporting}
          data-hop={hop.key}
          onClick={() => data.onSelect(hop.seq)}
          className={`nodrag nopan group absolute flex gap-[4px] text-[14px] leading-[20px] whitespace-nowrap hover:z-20 focus:z-20 ${
            theft ? 'text-red-950' : front ? 'text-amber-950' : 'text-sky-950'
          } ${data.current ? 'z-10' : ''}`}
          style={{
            // The number sits on its arrow. What the hop carries opens beside it, towards the free middle
            // of the canvas, or below the arrow when the arrow crosses the gap between the columns.
            transform: `translate(${chip.x}px, ${chip.y}px) translate(${centred ? '-50%' : opensRight ? '-14px' : 'calc(-100% + 14px)'}, -11px)`,
            flexDirection: centred ? 'column' : opensRight ? 'row' : 'row-reverse',
            alignItems: centred ? 'center' : 'flex-start',
            maxWidth: centred && !wide ? data.centredWidth : undefined,
            pointerEvents: 'all',
          }}
        >
          <span
            className={`rounded-[10px] border px-[6px] font-semibold ${
              subdued
                ? 'border-slate-400 bg-white font-normal text-slate-700'
                : theft
                  ? 'border-red-700 bg-red-50'
                  : front
                    ? 'border-amber-700 bg-amber-50'
                    : 'border-sky-800 bg-sky-50'
            } ${data.current ? 'ring-2 ring-slate-900' : ''} ${data.selected ? '!bg-slate-900 !text-white' : ''}`}
          >
            {hop.number}
          </span>
          <span
            ref={label}
            data-placement={data.current ? `${placement.where}-${opensRight ? 'right' : 'left'}` : undefined}
            style={
              offRow
                ? {
                    position: 'absolute',
                    [placement.where === 'below' ? 'top' : 'bottom']: 'calc(100% + 2px)',
                    [opensRight ? 'left' : 'right']: 0,
                    width: 'max-content',
                    maxWidth: Math.min(LABEL_WIDTH - 20, room + 14),
                  }
                : stacked
                  ? {
                      // Just above the number, as wide as the column (the button starts 14 units left of it).
                      position: 'absolute',
                      bottom: 'calc(100% + 2px)',
                      left: stacked.left + 4 - (chip.x - 14),
                      width: stacked.right - stacked.left - 8,
                    }
                  : wide
                    ? { width: 'max-content', maxWidth: Math.min(LABEL_WIDTH - 20, data.width - 16) }
                    : { maxWidth: centred ? undefined : Math.min(LABEL_WIDTH - 20, room) }
            }
            className={`rounded-[6px] border border-slate-400 bg-white px-[6px] text-left font-normal break-words whitespace-normal text-slate-900 shadow-sm ${
              data.current ? '' : 'hidden group-hover:block group-focus:block'
            }`}
          >
            {hop.carries}
          </span>
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

const sameProps = (a: EdgeProps<HopEdgeType>, b: EdgeProps<HopEdgeType>) =>
  (Object.keys(a) as Array<keyof typeof a>).every((key) =>
    key === 'data' && a.data && b.data
      ? (Object.keys(a.data) as Array<keyof HopEdgeData>).every((field) => a.data![field] === b.data![field])
      : a[key] === b[key],
  );

/** Redrawn only when what it shows changes: a new hop elsewhere leaves the others as they are. */
export const HopEdge = memo(HopEdgeView, sameProps);
