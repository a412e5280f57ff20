import { describe, expect, it } from 'vitest';
import { exportTranscript } from './export-transcript';
import { recordedSlugs, recordingWithSecrets } from './export.testing';

const EXPORTED_AT = new Date('2026-01-01T10:00:00Z');

describe('a run as a Markdown transcript', () => {
  const { events } = recordingWithSecrets('dpop');
  const transcript = exportTranscript({ title: 'DPoP', events, exportedAt: EXPORTED_AT });

  it('has a heading per exchange with method, path and status, in order', () => {
    const headings = transcript.match(/^### .*$/gm)!;
    expect(headings).toHaveLength(events.length);
    expect(headings[0]).toBe('### 1. GET /oidc/auth → 303 See Other');
    expect(headings).toContain(
      `### ${events.findIndex((event) => event.response.status === 400) + 1}. POST /oidc/token → 400 Bad Request`,
    );
  });

  it('writes each exchange’s full URL, who sent it, and its request and response headers and bodies', () => {
    const token = transcript.slice(transcript.indexOf('POST /oidc/token → 200 OK'));
    expect(token).toContain(
      `\`POST ${events.find((event) => event.request.url.endsWith('/oidc/token'))!.request.url}\``,
    );
    expect(token).toContain(
      'Client → Authorization server, back channel. Sent by: The client running in this browser (back channel), with a DPoP proof',
    );
    expect(token).toMatch(
      /```http\nPOST \/oidc\/token HTTP\/1\.1\n[^`]*dpop: eyJ0eX…[^`]*\n\ngrant_type=authorization_code/,
    );
    expect(token).toMatch(
      /```http\nHTTP\/1\.1 200 OK\ncontent-type: application\/json\n\n\{"access_token":"access…"/,
    );
  });

  it('lists the walkthrough’s steps with their explanations when the page gives them', () => {
    const withSteps = exportTranscript({
      title: 'DPoP',
      events: [],
      steps: [{ title: 'Send the browser', explanation: 'An ordinary authorization request.' }],
      exportedAt: EXPORTED_AT,
    });
    expect(withSteps).toContain('1. **Send the browser** An ordinary authorization request.');
    expect(withSteps).toContain('## Exchanges (0)\n\nNone yet.');
  });

  it('keeps a body with backticks inside its fence', () => {
    const [first] = events;
    const text = exportTranscript({
      title: 't',
      events: [{ ...first!, response: { ...first!.response, body: '```\n# not a heading' } }],
    });
    expect(text).toContain('````http');
  });
});

describe('an exported transcript masks every secret the recorded runs carry, as the projector does', () => {
  for (const slug of recordedSlugs()) {
    it(`${slug}: no code, token, secret, password, cookie or DPoP proof in full`, () => {
      const { events, secrets } = recordingWithSecrets(slug);
      expect(secrets.length).toBeGreaterThan(0);
      const text = exportTranscript({ title: slug, events });
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    });
  }
});
