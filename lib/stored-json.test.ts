import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStored } from './stored-json';

const app = z.object({ client_id: z.string() });

describe('a value kept as JSON text', () => {
  it('reads what was kept in its shape', () => {
    expect(parseStored('{"client_id":"abc","extra":1}', app)).toEqual({ client_id: 'abc' });
  });

  it('reads nothing when it is missing, cut short, or of another shape', () => {
    expect(parseStored(null, app)).toBeUndefined();
    expect(parseStored('{"client_id":', app)).toBeUndefined();
    expect(parseStored('{"client_id":7}', app)).toBeUndefined();
    expect(parseStored('null', app)).toBeUndefined();
  });
});
