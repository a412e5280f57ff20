import { describe, expect, it } from 'vitest';
import { maskRoomView, roomViewOf, withExchanges, type RoomView } from '../../lib/rooms/room-view';
import type { GrantDefinition } from '../../lib/walkthrough/types';
import type { TraceEvent } from '../../lib/trace/types';
import { ATTACKS } from '../attacks/registry';
import { GRANTS } from '../registry';
import { describeAction } from './describe';
import {
  leaked,
  ORIGIN,
  PLANTED,
  planted,
  recordCommand,
  recordingFile,
  recordingOf,
  rehydrated,
} from './room-view-secrets.testing';
import { contextFor } from './statements';

/**
 * No one-time or bearer value of the instructor's reaches a classroom room whole: every grant's and
 * every attack scenario's recorded run (machines/<grant>/recorded-exchanges.json,
 * machines/attacks/<slug>/recorded-exchanges.json and, with its defenses on, .defended.json; recorded
 * for real by e2e/support/record-exchanges.mjs, values left out) gets a value of its own back
 * wherever the recorder dropped one (./room-view-secrets.testing.ts), the attacker's routes included:
 * the code, verifier and tokens they receive and answer with. Every step's request preview is built
 * from a context holding them all. The room's view, as the instructor's browser builds it and as the
 * server masks it, holds none of them, whole or URL-encoded.
 */

// What a walkthrough's context may hold: every value planted but the header-only ones.
const values = Object.fromEntries(
  Object.keys(PLANTED)
    .filter((name) => name !== 'basic' && name !== 'cookie')
    .map((name) => [name, planted(name)]),
);

/** Every view the room may hear of a walkthrough: at each step, with the run so far. */
function viewsOf(grant: GrantDefinition, events: TraceEvent[], params: Record<string, string> = {}) {
  return grant.steps.flatMap((step, index) => {
    const base = contextFor(grant, ORIGIN, index);
    const context = { ...base, params: { ...base.params, ...params }, values, tokens: values };
    const request = describeAction(step.action(context), grant, context);
    const shown = events.slice(0, Math.ceil(((index + 1) * events.length) / grant.steps.length));
    const unmasked: RoomView = {
      exchanges: shown,
      total: shown.length,
      ...(request ? { request } : {}),
      values,
      tokens: values,
    };
    const built = roomViewOf({ events: shown, values, tokens: values, ...(request ? { request } : {}) });
    return [maskRoomView(unmasked), built, withExchanges(built, events)];
  });
}

const shown = (file: string) => file.slice(file.lastIndexOf('machines/'));

/** A recorded run, rehydrated; a missing one fails with the command that records it. */
function recordedRun(slug: string, file: string): TraceEvent[] {
  const recording = recordingOf(file);
  expect(recording, `${shown(file)} is missing: ${recordCommand(slug)}`).toBeDefined();
  const events = (recording?.events ?? []).map((event, index) => rehydrated(event, index + 1));
  expect(events.length, `${shown(file)} holds no exchange: ${recordCommand(slug)}`).toBeGreaterThan(0);
  return events;
}

describe('a room shows no one-time or bearer value of the instructor’s, whole', () => {
  for (const grant of GRANTS)
    it(`${grant.slug}: from its recorded exchanges and every step’s request`, () => {
      const events = recordedRun(grant.slug, recordingFile(grant.slug));
      expect(leaked(viewsOf(grant, events))).toEqual([]);
    });

  for (const attack of ATTACKS) {
    it(`${attack.slug}: from its recorded theft (defenses off) and every step’s request`, () => {
      const events = recordedRun(attack.slug, recordingFile(`attacks/${attack.slug}`));
      expect(leaked(viewsOf(attack, events))).toEqual([]);
    });

    it(`${attack.slug}: from its recorded refusal (defenses on) and every step’s request`, () => {
      const events = recordedRun(attack.slug, recordingFile(`attacks/${attack.slug}`, true));
      const on = Object.fromEntries(attack.defenses.map((defense) => [defense.param, 'on']));
      expect(leaked(viewsOf(attack, events, on))).toEqual([]);
    });
  }

  it('would find a stolen value planted back into the attacker’s routes, were the room not masking them (the check can fail)', () => {
    // What the lab's routes received in the recorded thefts: a refresh token and an access token as
    // loot, a code on the attacker's page, tokens in a fragment, a code and its verifier at the
    // mix-up's token endpoint.
    const lab = /\/(api\/attacker|attacks)\//;
    const theft = (slug: string) =>
      recordedRun(slug, recordingFile(`attacks/${slug}`)).filter((event) =>
        [event.request.url, ...event.response.headers.map(([, value]) => value)].some((text) =>
          lab.test(text),
        ),
      );
    const unmasked = (exchanges: TraceEvent[]): RoomView => ({
      exchanges,
      total: exchanges.length,
      values: {},
      tokens: {},
    });
    const received = {
      'refresh-token-replay': ['refresh_token'],
      'bearer-token-replay': ['token'],
      'redirect-uri-manipulation': ['code'],
      'implicit-token-leak': ['access_token', 'id_token'],
      'mix-up': ['code', 'code_verifier'],
    };
    for (const [slug, names] of Object.entries(received)) {
      const view = unmasked(theft(slug));
      expect(leaked([view]), slug).toEqual(expect.arrayContaining(names));
      expect(leaked([maskRoomView(view)]), slug).toEqual([]);
    }
    // A JSON answer of the attacker's server, as the recorder keeps one: its loot, named by kind.
    const loot = rehydrated(
      {
        from: 'client',
        to: 'client',
        channel: 'back',
        request: { method: 'GET', url: `${ORIGIN}/api/attacker/loot`, headers: [], body: null },
        response: {
          status: 200,
          headers: [['content-type', 'application/json']],
          body: '{"loot":[{"kind":"code","value":"[value not kept]"},{"kind":"access_token","value":"[value not kept]"}]}',
        },
      },
      1,
    );
    expect(leaked([unmasked([loot])])).toEqual(['code', 'access_token', 'cookie']);
    expect(leaked([maskRoomView(unmasked([loot]))])).toEqual([]);
  });

  it('would find a value the room leaves whole (the check can fail)', () => {
    const view = roomViewOf({ events: [], values: {}, tokens: {} });
    expect(leaked([{ ...view, values: { note: PLANTED.request_uri! } }])).toEqual(['request_uri']);
  });
});
