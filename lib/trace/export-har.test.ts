import { describe, expect, it } from 'vitest';
import { exportHar } from './export-har';
import { recordedSlugs, recordingWithSecrets } from './export.testing';

const isIso = (value: string) => !Number.isNaN(Date.parse(value)) && value.includes('T');
const nameValues = (list: unknown) =>
  Array.isArray(list) &&
  list.every(
    (item: { name?: unknown; value?: unknown }) =>
      typeof item.name === 'string' && typeof item.value === 'string',
  );

describe('a run as HAR 1.2', () => {
  const { events } = recordingWithSecrets('authorization-code-pkce');
  const har = exportHar(events);

  it('has the log, creator and one entry per exchange, in order', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: expect.any(String), version: expect.any(String) });
    expect(har.log.entries.map((entry) => entry.request.url)).toEqual(
      events.map((event) => event.request.url),
    );
  });

  it('gives every entry the fields HAR 1.2 requires, with their types', () => {
    for (const entry of har.log.entries) {
      expect(isIso(entry.startedDateTime)).toBe(true);
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry.cache).toEqual({});
      for (const timing of [entry.timings.send, entry.timings.wait, entry.timings.receive])
        expect(timing).toBeGreaterThanOrEqual(0);
      const { request, response } = entry;
      expect(typeof request.method).toBe('string');
      expect(new URL(request.url).protocol).toMatch(/^https?:$/);
      expect(request.httpVersion).toBe('HTTP/1.1');
      expect(
        nameValues(request.cookies) && nameValues(request.headers) && nameValues(request.queryString),
      ).toBe(true);
      expect([request.headersSize, request.bodySize].every(Number.isInteger)).toBe(true);
      if (request.postData) expect(typeof request.postData.mimeType).toBe('string');
      expect(Number.isInteger(response.status)).toBe(true);
      expect(typeof response.statusText).toBe('string');
      expect(nameValues(response.cookies) && nameValues(response.headers)).toBe(true);
      expect(typeof response.content.mimeType).toBe('string');
      expect(Number.isInteger(response.content.size)).toBe(true);
      expect(typeof response.redirectURL).toBe('string');
      expect([response.headersSize, response.bodySize].every(Number.isInteger)).toBe(true);
    }
  });

  it('keeps the status, its reason, the form and the redirect, and says who sent each exchange', () => {
    const token = har.log.entries.find((entry) => entry.request.url.endsWith('/oidc/token'))!;
    expect(token.response).toMatchObject({ status: 200, statusText: 'OK' });
    expect(token.request.postData?.mimeType).toBe('application/x-www-form-urlencoded');
    expect(token.request.postData?.text).toContain('grant_type=authorization_code');
    expect(token.comment).toMatch(/^Sent by: The client running in this browser \(back channel\)/);
    expect(token._channel).toBe('back');
    const callback = har.log.entries.find((entry) => entry.response.redirectURL.includes('/callback'))!;
    expect(callback.response.status).toBe(303);
  });
});

describe('an exported HAR masks every secret the recorded runs carry, as the projector does', () => {
  for (const slug of recordedSlugs()) {
    it(`${slug}: no code, token, secret, password, cookie or DPoP proof in full`, () => {
      const { events, secrets } = recordingWithSecrets(slug);
      expect(secrets.length).toBeGreaterThan(0);
      const text = JSON.stringify(exportHar(events));
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
      // Unmasked, the same run would show them: the check can fail.
      expect(secrets.every((secret) => JSON.stringify(events).includes(secret))).toBe(true);
    });
  }
});
