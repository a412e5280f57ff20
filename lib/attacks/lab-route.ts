import { errorResponse } from '../http/errors';

/** A handler of the attack lab's server side, as a route file would export it. */
export type LabHandler = (request: Request, context: undefined) => Promise<Response> | Response;

/** The lab's routes by path (`/api/attacker/loot`, `/attacks/implicit-app/callback`), each with its methods. */
export type LabRoutes = Readonly<Record<string, Partial<Record<'GET' | 'POST', LabHandler>>>>;

/**
 * What the lab's catch-all routes do: find the request's path in the table and call its handler; an
 * unknown path is a 404 and a known path asked with another method a 405 naming those it takes, both
 * in OAuth's JSON error form like the lab's other answers.
 */
export async function dispatchLabRoute(routes: LabRoutes, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
  if (!route) return errorResponse(404, 'not_found', `The attack lab has no route at ${pathname}`);
  const handler = request.method === 'GET' || request.method === 'POST' ? route[request.method] : undefined;
  if (handler) return handler(request, undefined);
  const allowed = Object.keys(route).join(', ');
  return errorResponse(405, 'method_not_allowed', `${pathname} takes ${allowed}`, { allow: allowed });
}
