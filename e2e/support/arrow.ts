import { shortPath } from '../../lib/diagram/derive';

/** A string as it reads inside a regular expression. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An exchange of the HTTP log, as its summary line shows it. */
export type LogEntry = {
  /** Its number in the log, the diagram's message number. */
  number: number;
  method: string;
  path: string;
  status: number;
  /** "browser → attacker, front channel" */
  direction: string;
  location?: string;
};

/**
 * How the diagram names the first hop of a logged exchange: "Message 8: POST /oidc/token → 200, carries …,
 * Client to Authorization Server, back channel", the parties given by their titles.
 */
export const arrowOf = (entry: LogEntry, from: string, to: string, channel = '(front|back)') =>
  new RegExp(
    `^Message ${entry.number}: ${entry.method} ${escape(shortPath(entry.path))} → ${entry.status}, carries .*, ${escape(from)} to ${escape(to)}, ${channel} channel$`,
  );

/** The hop that carries the authorization response of a logged redirect to the redirect URI ("8b"). */
export const redirectArrowOf = (entry: LogEntry) =>
  new RegExp(
    `^Message ${entry.number}b: GET \\/\\S*[?#]\\w+=…, carries .*, Resource Owner to Client, front channel$`,
  );
