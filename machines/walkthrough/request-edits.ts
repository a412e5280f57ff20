import type { RequestEdits, RequestSpec, StepAction } from '../../lib/walkthrough/types';

/**
 * The learner's request editor: any parameter of the next request may be changed, added or left out,
 * and the step sends what the learner made of it (the server then answers that request, refusals
 * included). A front-channel request's parameters are its query; a back-channel one's are its form,
 * or its query where it has no form (a GET).
 */

const NO_EDITS: RequestEdits = { set: {}, removed: [] };

function editedQuery(path: string, { set, removed }: RequestEdits): string {
  const [pathname, query = ''] = path.split(/\?(.*)/s, 2) as [string, string?];
  const params = new URLSearchParams(query);
  for (const name of removed) params.delete(name);
  for (const [name, value] of Object.entries(set)) params.set(name, value);
  const written = params.toString();
  return written ? `${pathname}?${written}` : pathname!;
}

function editedForm(form: Record<string, string>, { set, removed }: RequestEdits): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(form).filter(([name]) => !removed.includes(name)));
  return { ...kept, ...set };
}

const hasEdits = (edits: RequestEdits | undefined): edits is RequestEdits =>
  !!edits && (edits.removed.length > 0 || Object.keys(edits.set).length > 0);

function editedRequest(request: RequestSpec, edits: RequestEdits): RequestSpec {
  if (request.form || request.method === 'POST')
    return { ...request, form: editedForm(request.form ?? {}, edits) };
  return { ...request, path: editedQuery(request.path, edits) };
}

/** The step's action with the learner's edits applied to the request it sends. */
export function applyEdits(action: StepAction, edits: RequestEdits | undefined): StepAction {
  if (!hasEdits(edits)) return action;
  if (action.kind === 'navigate') return { ...action, path: editedQuery(action.path, edits) };
  if (action.kind === 'send') return { ...action, request: editedRequest(action.request, edits) };
  return action;
}

/** The parameters of the request an action sends, as they stand, in order; none for other actions. */
export function parametersOf(action: StepAction): Array<[string, string]> {
  const fromQuery = (path: string) => [...new URL(path, 'http://path.invalid').searchParams];
  if (action.kind === 'navigate') return fromQuery(action.path);
  if (action.kind !== 'send') return [];
  const { request } = action;
  return request.form || request.method === 'POST'
    ? Object.entries(request.form ?? {})
    : fromQuery(request.path);
}

/** Sets a parameter (adding it, or changing its value), and no longer leaves it out. */
export const setParameter = (edits = NO_EDITS, name: string, value: string): RequestEdits => ({
  set: { ...edits.set, [name]: value },
  removed: edits.removed.filter((removed) => removed !== name),
});

/** Leaves a parameter out of the request, whether the step wrote it or the learner added it. */
export const removeParameter = (edits = NO_EDITS, name: string): RequestEdits => ({
  set: Object.fromEntries(Object.entries(edits.set).filter(([set]) => set !== name)),
  removed: edits.removed.includes(name) ? edits.removed : [...edits.removed, name],
});

/** Puts back a parameter the step writes, as the step writes it. */
export const restoreParameter = (edits = NO_EDITS, name: string): RequestEdits => ({
  set: edits.set,
  removed: edits.removed.filter((removed) => removed !== name),
});
