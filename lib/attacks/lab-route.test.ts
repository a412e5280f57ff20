import { describe, expect, it } from 'vitest';
import { dispatchLabRoute, type LabRoutes } from './lab-route';

const ROUTES: LabRoutes = {
  '/api/attacker/loot': {
    GET: () => new Response('shown'),
    POST: async (request) => new Response(`received ${await request.text()}`, { status: 201 }),
  },
};
const call = (path: string, init?: RequestInit) =>
  dispatchLabRoute(ROUTES, new Request(`http://localhost:3000${path}`, init));

describe('the attack lab’s catch-all dispatch', () => {
  it('calls the handler of the path and method', async () => {
    expect(await (await call('/api/attacker/loot')).text()).toBe('shown');
    const posted = await call('/api/attacker/loot?x=1', { method: 'POST', body: 'code=abc' });
    expect([posted.status, await posted.text()]).toEqual([201, 'received code=abc']);
  });

  it('answers an unknown path with a 404 in OAuth’s error form, whatever the table’s object has', async () => {
    for (const path of [
      '/api/attacker/nothing-here',
      '/api/attacker/constructor',
      '/api/attacker/__proto__',
    ]) {
      const response = await call(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: 'not_found',
        error_description: `The attack lab has no route at ${path}`,
      });
    }
  });

  it('answers another method with a 405 that names the methods the path takes', async () => {
    const response = await call('/api/attacker/loot', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect((await response.json()).error).toBe('method_not_allowed');
  });
});
