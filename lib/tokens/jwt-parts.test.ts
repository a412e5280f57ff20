import { describe, expect, it } from 'vitest';
import { jwtHeader, jwtPayload } from './jwt-parts';

const part = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const token = `${part({ alg: 'ES256', typ: 'at+jwt' })}.${part({ sub: 'alice', name: 'Zoë Ångström', cnf: { jkt: 'x' } })}.c2ln`;

describe('a JWT read without verifying it', () => {
  it('reads its claims and header as UTF-8', () => {
    expect(jwtPayload(token)).toMatchObject({ sub: 'alice', name: 'Zoë Ångström', cnf: { jkt: 'x' } });
    expect(jwtHeader(token)).toEqual({ alg: 'ES256', typ: 'at+jwt' });
  });

  it('reads an unsigned token (alg none) as well', () => {
    const unsigned = `${part({ alg: 'none' })}.${part({ sub: 'alice' })}.`;
    expect(jwtHeader(unsigned)).toEqual({ alg: 'none' });
    expect(jwtPayload(unsigned)).toEqual({ sub: 'alice' });
  });

  it('reads anything else as nothing', () => {
    for (const value of ['', 'opaque-access-token', 'a.b', `${part({ alg: 'ES256' })}.bm90IGpzb24.c2ln`])
      expect(jwtPayload(value)).toBeUndefined();
    expect(jwtHeader('opaque')).toBeUndefined();
  });
});
