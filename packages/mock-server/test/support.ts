// Shared helpers of the mock server tests: raw HTTP against a running mock, and the spec itself
// (read from the spec package, the same file the mock serves from).
import { followRefs } from '@iodm-northbound/spec/pointer';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { bundledSpecPath } from '../src/spec-path.js';

export const subtasksPath = (operationId: string) => `/iodm/northbound/v1.5.0/operations/${operationId}/subOperations`;
export const loginPath = '/iocm/app/sec/v1.1.0/login';
export const refreshPath = '/iocm/app/sec/v1.1.0/refreshToken';

/** The spec's example firmware task: the mock serves the spec's example subtask pages for it (any id it does not know is 404/123009). */
export const exampleTaskId = '5bf3a8c7e1d2f40001a3b4c5';

export const credentials = { app_key: '3RQ9UnhymV409MfKPuiin75XroQa', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One request; the body is parsed as JSON when it is JSON, else kept as text. */
export async function call(baseUrl: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  return { status: response.status, headers: response.headers, body: isJson && text !== '' ? JSON.parse(text) : text };
}

export const getSubtasks = (baseUrl: string, operationId: string, query = '', headers: Record<string, string> = {}) =>
  call(baseUrl, `${subtasksPath(operationId)}${query}`, { headers: { ...credentials, ...headers } });

export const login = (baseUrl: string, form = 'appId=3RQ9UnhymV409MfKPuiin75XroQa&secret=9zsPMbVqUe6pQe4eaWHG8DaeR6oa', headers: Record<string, string> = {}) =>
  call(baseUrl, loginPath, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

export const refresh = (baseUrl: string, body: string, headers: Record<string, string> = {}) =>
  call(baseUrl, refreshPath, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

export const validRefreshBody = JSON.stringify({
  appId: '3RQ9UnhymV409MfKPuiin75XroQa',
  secret: '9zsPMbVqUe6pQe4eaWHG8DaeR6oa',
  refreshToken: '1d8f3e0b2b6a4c1f9e7d5c3b1a0f8e6d',
});

type Json = Record<string, any>;
export const spec: Json = JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));

/** Follows a local `$ref` of the bundled spec (a dangling one throws SpecPointerError). */
export function deref(node: Json): Json {
  return followRefs(spec, node).value as Json;
}

/** The value of one of the spec's named examples (components.examples), e.g. `TaskNotFound`. */
export const exampleValue = (name: string) => deref(spec.components.examples[name]).value;

export interface SpecExample {
  operationId: string;
  method: string;
  path: string;
  status: number;
  key: string;
  value: unknown;
}

/** Every named response example of the spec, with the operation it belongs to. */
export function specExamples(): SpecExample[] {
  const examples: SpecExample[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      if (!operation.responses) continue;
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        for (const content of Object.values<Json>(deref(response).content ?? {})) {
          for (const [key, example] of Object.entries<Json>(content.examples ?? {})) {
            examples.push({ operationId: operation.operationId, method, path, status: Number(status), key, value: deref(example).value });
          }
        }
      }
    }
  }
  return examples;
}

/** Whether something can listen on host:port right now (i.e. nothing holds it). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Sends bytes as they are over a raw socket and returns everything the server wrote back. */
export function rawExchange(baseUrl: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // Written, not ended: the request says "Connection: close" and the server ends the exchange.
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => resolve(received)).on('error', reject);
  });
}

/** The status code of the first response in raw HTTP/1.1 text. */
export const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);

/** A request body the spec gives as an example of the operation's request, if it has one. */
function requestBodyExample(operation: Json): unknown {
  const content = deref(operation.requestBody ?? {}).content?.['application/json'];
  const first = Object.values<Json>(content?.examples ?? {})[0];
  return first ? deref(first).value : undefined;
}

/**
 * A valid request of the example's own operation (credentials, path parameters, the spec's
 * request example as the body), with extra headers such as a Prefer.
 */
export function callOperation(baseUrl: string, example: Pick<SpecExample, 'method' | 'path'>, headers: Record<string, string> = {}): Promise<Answer> {
  if (example.path === loginPath) return login(baseUrl, undefined, headers);
  if (example.path === refreshPath) return refresh(baseUrl, validRefreshBody, headers);
  const operation = spec.paths[example.path][example.method];
  const path = example.path.replace(/\{(\w+)\}/g, (_match, name: string) => (name === 'fileId' ? '5bd7e1a2c3f40001a2b3c4d5' : 'abc'));
  const body = requestBodyExample(operation);
  return call(baseUrl, path, {
    method: example.method.toUpperCase(),
    headers: { ...credentials, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}
