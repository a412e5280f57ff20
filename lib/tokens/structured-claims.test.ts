import { describe, expect, it } from 'vitest';
import { actingParty, boundThumbprint } from './structured-claims';

describe('structured claims', () => {
  it('reads the thumbprint of a DPoP confirmation, and nothing from any other cnf', () => {
    expect(boundThumbprint({ jkt: 'abc' })).toBe('abc');
    expect(boundThumbprint({ 'x5t#S256': 'abc' })).toBeUndefined();
    expect(boundThumbprint({ jkt: 42 })).toBeUndefined();
    expect(boundThumbprint('abc')).toBeUndefined();
    expect(boundThumbprint(undefined)).toBeUndefined();
  });

  it('reads the actor of an exchanged token, and nothing from a malformed act', () => {
    expect(actingParty({ sub: 'assistant' })).toBe('assistant');
    expect(actingParty({ sub: ['assistant'] })).toBeUndefined();
    expect(actingParty(null)).toBeUndefined();
  });
});
