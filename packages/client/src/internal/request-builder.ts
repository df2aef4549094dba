// Builds each request the way openapi-fetch 0.17 does for the calls this client makes (path and
// query parameters, a JSON or own-serialized body, redirect: 'manual') and hands it to the
// pipeline's fetch, without the rest of openapi-fetch's per-call work (option merging,
// middleware, reading the answer, which the pipeline does itself, bounded). The endpoint rows
// stay typed against openapi-fetch's Client<paths>, so a path or parameter the spec lacks is
// still a compile error.
import { defaultBodySerializer, mergeHeaders, removeTrailingSlash, type Client } from 'openapi-fetch';
import type { paths } from '@iodm-northbound/types';
import { createPathSerializer, querySerializer } from './url-serializers.js';

interface BuildInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  bodySerializer?: (body: never) => BodyInit;
  headers?: Record<string, string>;
  signal: AbortSignal;
  fetch: (request: Request) => Promise<Response>;
}

export function createRequestBuilder(baseUrl: string, RequestClass: typeof Request): Client<paths> {
  const base = removeTrailingSlash(baseUrl);
  const pathSerializer = createPathSerializer();
  const send = (method: string) => (path: string, init: BuildInit) => {
    const { params = {}, body, bodySerializer, headers, signal, fetch } = init;
    let url = `${base}${path}`;
    if (params.path) url = pathSerializer(url, params.path);
    let search = querySerializer(params.query ?? {});
    if (search.startsWith('?')) search = search.substring(1);
    if (search) url += `?${search}`;
    // JSON unless the row serializes its body itself (the login's form).
    const serializedBody = body === undefined ? undefined : bodySerializer ? bodySerializer(body as never) : defaultBodySerializer(body);
    const requestHeaders = headers === undefined ? undefined : mergeHeaders(serializedBody === undefined ? {} : { 'Content-Type': 'application/json' }, headers);
    // Redirects are not followed: the platform does not redirect, and following one would send
    // app_key to wherever a misconfigured gateway points.
    return fetch(new RequestClass(url, { redirect: 'manual', method, signal, body: serializedBody, headers: requestHeaders }));
  };
  return { GET: send('GET'), POST: send('POST'), DELETE: send('DELETE') } as unknown as Client<paths>;
}
