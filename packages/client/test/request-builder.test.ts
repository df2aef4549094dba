// The client builds its requests itself (src/internal/request-builder.ts) the way openapi-fetch
// builds them, for speed; this holds the two together, so an openapi-fetch upgrade that changes a
// URL, a header or a body fails here rather than on the wire. The calls are the endpoint rows'
// shapes: path and query parameters, a JSON body, the login's own-serialized form, a DELETE.
import type { paths } from '@iodm-northbound/types';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createRequestBuilder } from '../src/internal/request-builder.js';
import { createPathSerializer, querySerializer } from '../src/internal/url-serializers.js';

// A trailing slash and an odd id: both must be handled as openapi-fetch handles them. No
// Content-Type among the headers: a body's own (JSON) must be added as openapi-fetch adds it.
const baseUrl = 'https://203.0.113.10:8743/';
const headers = { Accept: 'application/json', app_key: 'app', Authorization: 'Bearer t' };
const oddId = 'a b/ü?#%';

type Send = (api: ReturnType<typeof createClient<paths>>, init: { headers?: Record<string, string>; signal: AbortSignal; fetch: (request: Request) => Promise<Response> }) => Promise<unknown>;

const calls: Array<[string, Send]> = [
  [
    'GET with a path id and a query',
    (api, init) =>
      api.GET('/iodm/northbound/v1.5.0/operations/{operationId}/subOperations', { params: { path: { operationId: oddId }, query: { subOperationStatus: 'fail', pageNo: 0, pageSize: 100 } }, ...init }),
  ],
  ['GET with text filters', (api, init) => api.GET('/iodm/northbound/v1.5.0/category', { params: { query: { version: 'v 1&2=3', manufacturerName: 'Hua wei/ü', pageNo: 2 } }, ...init })],
  ['GET with an empty query', (api, init) => api.GET('/iodm/northbound/v1.5.0/operations', { params: { query: {} }, ...init })],
  [
    'POST with a JSON body',
    (api, init) => api.POST('/iodm/northbound/v1.5.0/operations/firmwareUpgrade', { body: { fileId: 'f-1', targets: { devices: ['d-1', 'd-2'] }, policy: { executeType: 'now' } }, ...init }),
  ],
  [
    "POST with the login's form body",
    (api, init) =>
      api.POST('/iocm/app/sec/v1.1.0/login', {
        body: { appId: 'app', secret: 's&=cret ü' },
        bodySerializer: (form) => new URLSearchParams(form as Record<string, string>).toString(),
        ...init,
      }),
  ],
  ['DELETE with a path id', (api, init) => api.DELETE('/iodm/northbound/v1.5.0/category/{fileId}', { params: { path: { fileId: oddId } }, ...init })],
];

async function described(request: Request) {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { method: request.method, url: request.url, redirect: request.redirect, headers, body: await request.text() };
}

/** The request `send` hands to the fetch it is given, built by `api`. */
async function requestOf(api: ReturnType<typeof createClient<paths>>, send: Send, withHeaders: boolean): Promise<Request> {
  let sent: Request | undefined;
  const fetch = async (request: Request) => {
    sent = request;
    return new Response(null, { status: 204 });
  };
  await send(api, { headers: withHeaders ? { ...headers } : undefined, signal: new AbortController().signal, fetch });
  expect(sent).toBeDefined();
  return sent!;
}

describe('createRequestBuilder builds the requests openapi-fetch builds', () => {
  const openapiFetch = createClient<paths>({ baseUrl, redirect: 'manual', querySerializer, pathSerializer: createPathSerializer() });
  const builder = createRequestBuilder(baseUrl, Request);

  it.each(calls)('%s, with the headers in the request (a caller-given fetch)', async (_, send) => {
    const expected = await described(await requestOf(openapiFetch, send, true));
    expect(expected.redirect).toBe('manual');
    expect(await described(await requestOf(builder, send, true))).toEqual(expected);
  });

  // Without a caller's fetch the transport sets the headers itself: only the rest must match.
  it.each(calls)('%s, without headers: the same method, URL and body', async (_, send) => {
    const { headers: _built, ...built } = await described(await requestOf(builder, send, false));
    const { headers: _expected, ...expected } = await described(await requestOf(openapiFetch, send, false));
    expect(built).toEqual(expected);
  });
});
