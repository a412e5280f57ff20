import { MastodonError } from './errors';

export type Params = Record<string, string | string[] | undefined>;

function add(params: Params, rawName: string, value: string) {
  // Rails-style arrays: `redirect_uris[]=a&redirect_uris[]=b`.
  const isArray = rawName.endsWith('[]');
  const name = isArray ? rawName.slice(0, -2) : rawName;
  const existing = params[name];
  if (isArray || existing !== undefined) {
    params[name] = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      value,
    ];
  } else {
    params[name] = value;
  }
}

/**
 * A request's parameters as Mastodon (Rails) reads them: the query string merged with a JSON, form or
 * multipart body. Values are kept as strings; arrays stay arrays.
 */
export async function readParams(request: Request): Promise<Params> {
  const params: Params = {};
  new URL(request.url).searchParams.forEach((value, name) => add(params, name, value));
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const text = await request.text();
    if (!text.trim()) return params;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new MastodonError(400, 'The request body is not valid JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new MastodonError(400, 'The request body must be a JSON object');
    }
    for (const [name, value] of Object.entries(body)) {
      if (value === null || value === undefined) continue;
      params[name] = Array.isArray(value)
        ? value.map(String)
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    }
    return params;
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new MastodonError(400, 'The request body could not be read as a form');
    }
    form.forEach((value, name) => {
      if (typeof value === 'string') add(params, name, value);
    });
  }
  return params;
}

/** The first value of a parameter, as a string. */
export const one = (params: Params, name: string): string | undefined => {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
};
