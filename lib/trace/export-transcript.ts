import { reasonPhrase } from '../http/reason-phrase';
import { factsOf, originOf, sentBy } from './describe-exchange';
import { maskExchange } from './mask-exchange';
import type { HeaderList, TraceEvent } from './types';

/**
 * A run written out as Markdown, for notes or a handout: each exchange in order with its method, URL
 * and status, who sent it over which channel, and its request and response (headers and bodies), with
 * secrets masked as on the projector. The steps of the page, when it has them, come first.
 */

export type TranscriptStep = { title: string; explanation: string };

const ROLE = {
  'resource-owner': 'Resource owner (browser)',
  client: 'Client',
  'authorization-server': 'Authorization server',
  'resource-server': 'Resource server',
} as const;

// A fence longer than any run of backticks in the text, so a body cannot close it early.
function fenced(text: string, info = 'http') {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

const message = (firstLine: string, headers: HeaderList, body: string | null) =>
  fenced(
    [firstLine, ...headers.map(([name, value]) => `${name}: ${value}`), ...(body ? ['', body] : [])].join(
      '\n',
    ),
  );

function exchange(recorded: TraceEvent, index: number): string {
  const { request, response, from, to, channel, note } = maskExchange(recorded);
  const url = new URL(request.url);
  const status = `${response.status} ${reasonPhrase(response.status)}`.trim();
  return [
    `### ${index + 1}. ${request.method} ${url.pathname} → ${status}`,
    '',
    `${ROLE[from]} → ${ROLE[to]}, ${channel} channel. Sent by: ${sentBy(factsOf(recorded.request, recorded))}, to ${originOf(recorded.request)}.${note ? ` ${note}` : ''}`,
    '',
    `\`${request.method} ${request.url}\``,
    '',
    '**Request**',
    '',
    message(`${request.method} ${url.pathname}${url.search} HTTP/1.1`, request.headers, request.body),
    '',
    `**Response ${status}**`,
    '',
    message(`HTTP/1.1 ${status}`, response.headers, response.body),
  ].join('\n');
}

export function exportTranscript({
  title,
  events,
  steps = [],
  exportedAt = new Date(),
}: {
  title: string;
  events: readonly TraceEvent[];
  steps?: readonly TranscriptStep[];
  exportedAt?: Date;
}): string {
  return [
    `# ${title}`,
    '',
    `Exported ${exportedAt.toISOString()} from the OAuth2 Playground. Codes, tokens, secrets, passwords, cookies and DPoP proofs are cut to their first characters, as on the projector.`,
    ...(steps.length
      ? [
          '',
          '## The steps of this walkthrough',
          '',
          ...steps.map((step, index) => `${index + 1}. **${step.title}** ${step.explanation}`),
        ]
      : []),
    '',
    `## Exchanges (${events.length})`,
    ...(events.length ? events.map((event, index) => `\n${exchange(event, index)}`) : ['', 'None yet.']),
    '',
  ].join('\n');
}
