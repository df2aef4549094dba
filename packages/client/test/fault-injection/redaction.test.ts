// Item 5 of issue 9: a server that echoes credentials back never gets them into an error or a log
// entry: no value the client holds can be evicted from the redactor, every escaped form counts,
// a caller's token is hidden in its own call, and credentials too short to hide are refused.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNorthboundClient,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
  type NorthboundLogEntry,
} from '../../src/index.js';
import { appId, operationId, page, tokenResponse } from '../support/platform-fixtures.js';
import { sendJson, startHttpServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server.js';
import { measure, mebibytes } from './support/measure.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handle: LoopbackHandler) {
  server = await startHttpServer(handle);
  return server;
}

/** Everything of an error a log collector or a crash report could show. */
const everythingOf = (error: unknown) => `${(error as Error).message}\n${(error as Error).stack}\n${inspect(error, { depth: 5 })}`;

const echoPage = (response: Parameters<LoopbackHandler>[1], text: string) => {
  response.writeHead(502, { 'content-type': 'text/html' });
  response.end(`<html><body><pre>upstream saw: ${text}</pre></body></html>`);
};

const isLogin = (rawUrl: string) => rawUrl.endsWith('/login');

describe('a server echoing credentials', () => {
  it("keeps the client's own token hidden after many calls with callers' tokens", async () => {
    const own = tokenResponse(1);
    let echo = false;
    const { origin, seen } = await serve((request, response) => {
      if (isLogin(request.rawUrl)) return sendJson(response, 200, own);
      const token = String(request.headers.authorization).slice('Bearer '.length);
      if (echo) return echoPage(response, token);
      sendJson(response, 200, page(0, 10, 1));
    });
    const entries: NorthboundLogEntry[] = [];
    const client = createNorthboundClient(
      { baseUrl: origin, appId, secret: 'application-secret-01' },
      { maxRetries: 0, logger: (entry) => entries.push(entry) },
    );
    const outcome = await measure(async () => {
      await client.querySubTasks(operationId);
      for (let i = 0; i < 40; i++) await client.queryUpgradeSubTask({}, operationId, `caller-token-${String(i).padStart(4, '0')}`);
      echo = true;
      await client.querySubTasks(operationId);
    });

    expect(outcome.error).toBeInstanceOf(ServerError);
    expect(everythingOf(outcome.error)).not.toContain(own.accessToken);
    expect(everythingOf(outcome.error)).toContain('upstream saw: [redacted]');
    expect(JSON.stringify(entries)).not.toContain(own.accessToken);
    expect(seen).toHaveLength(43);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  const oddSecret = 'se"cr\\et/&x=1 <ü>';
  const forms: Array<[string, (value: string) => string]> = [
    ['JSON-escaped', (value) => JSON.stringify(value).slice(1, -1)],
    ['URL-encoded', encodeURIComponent],
    ['form-encoded', (value) => new URLSearchParams({ v: value }).toString().slice(2)],
    ['HTML-escaped', (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
  ];

  it.each(forms)('hides a secret echoed %s', async (_, encode) => {
    const { origin, seen } = await serve((_request, response) => echoPage(response, `[${encode(oddSecret)}]`));
    const client = createNorthboundClient({ baseUrl: origin, appId, secret: oddSecret }, { maxRetries: 0 });
    const outcome = await measure(() => client.querySubTasks(operationId));

    expect(outcome.error).toBeInstanceOf(ServerError);
    expect(everythingOf(outcome.error)).toContain('upstream saw: [[redacted]]');
    for (const [, form] of forms) expect(everythingOf(outcome.error)).not.toContain(form(oddSecret));
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it("hides a caller's token in the errors and log entries of its own call", async () => {
    const callerToken = 'caller-supplied-token-0001';
    const { origin, seen } = await serve((request, response) => echoPage(response, String(request.headers.authorization)));
    const entries: NorthboundLogEntry[] = [];
    const client = createNorthboundClient(
      { baseUrl: origin, appId, accessToken: 'client-static-token-01' },
      { maxRetries: 0, logger: (entry) => entries.push(entry) },
    );
    const outcome = await measure(() => client.queryUpgradeSubTask({}, operationId, callerToken));
    expect(outcome.error).toBeInstanceOf(ServerError);
    expect(everythingOf(outcome.error)).not.toContain(callerToken);
    expect(JSON.stringify(entries)).not.toContain(callerToken);
    expect(entries.some((entry) => entry.event === 'failure')).toBe(true);
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });
});

describe('credentials too short to redact safely', () => {
  it.each([
    ['a secret', { secret: 'abc' }, 'secret'],
    ['an access token', { accessToken: 'tok' }, 'accessToken'],
  ])('%s of 3 characters is refused at creation', (_, credential, parameter) => {
    const error = (() => {
      try {
        createNorthboundClient({ baseUrl: 'https://203.0.113.10:8743', appId, ...credential } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect((error as Error).message).toMatch(/too short to redact/);
    expect((error as Error).message).not.toMatch(/abc|tok\b/);
  });

  it("refuses a caller's short token before sending anything", async () => {
    const { origin, seen } = await serve((_request, response) => sendJson(response, 200, page(0, 10, 1)));
    const client = createNorthboundClient({ baseUrl: origin, appId, accessToken: 'client-static-token-01' });
    const outcome = await measure(() => client.queryUpgradeSubTask({}, operationId, 'ab1'));
    expect(outcome.error).toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it('refuses a platform token too short to redact, as a malformed token response', async () => {
    const { origin, seen } = await serve((request, response) =>
      isLogin(request.rawUrl) ? sendJson(response, 200, { ...tokenResponse(1), accessToken: 'abc' }) : sendJson(response, 200, page(0, 10, 1)),
    );
    const client = createNorthboundClient({ baseUrl: origin, appId, secret: 'application-secret-01' }, { maxRetries: 0 });
    const outcome = await measure(() => client.querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(UnexpectedResponseError);
    expect((outcome.error as Error).message).toMatch(/accessToken shorter than 8 characters/);
    expect(seen).toHaveLength(1);
  });
});
