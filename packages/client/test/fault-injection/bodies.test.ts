// Item 3 of issue 9: response bodies are bounded while they stream, whatever the content coding,
// error bodies included; too large is ResponseTooLargeError, never retried.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNorthboundClient, ResponseTooLargeError, TimeoutError, UnexpectedResponseError } from '../../src/index.js';
import { appId, operationId, page } from '../support/platform-fixtures.js';
import { sendJson, startHttpServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server.js';
import { compressionBomb, trickle, writeEndlessly, type Coding } from './support/hostile-bodies.js';
import { measure, mebibytes } from './support/measure.js';

const accessToken = 'caller-managed-token';
const defaultLimit = mebibytes(4);
let server: LoopbackServer | undefined;
const bombs = new Map<Coding, Buffer>();

beforeAll(async () => {
  for (const coding of ['gzip', 'deflate', 'br'] as const) bombs.set(coding, await compressionBomb(coding, 256));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handle: LoopbackHandler) {
  server = await startHttpServer(handle);
  return server;
}

function clientFor(origin: string, options: Parameters<typeof createNorthboundClient>[1] = {}) {
  return createNorthboundClient({ baseUrl: origin, appId, accessToken }, { maxRetries: 2, ...options });
}

describe('compression bombs', () => {
  it.each(['gzip', 'deflate', 'br'] as const)('a %s bomb of 256 MiB stops at the 4 MiB limit, once, without the memory', async (coding) => {
    const bomb = bombs.get(coding)!;
    expect(bomb.length).toBeLessThan(mebibytes(1));
    const { origin, seen } = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding, 'content-length': bomb.length });
      response.end(bomb);
    });
    const outcome = await measure(() => clientFor(origin).querySubTasks(operationId));

    expect(outcome.error).toBeInstanceOf(ResponseTooLargeError);
    expect(outcome.error).toBeInstanceOf(UnexpectedResponseError);
    expect((outcome.error as ResponseTooLargeError).limitBytes).toBe(defaultLimit);
    expect((outcome.error as Error).message).toContain(`${defaultLimit} bytes`);
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it('bounds error bodies too: a 500 with a gzip bomb is too large, not a retried ServerError', async () => {
    const bomb = bombs.get('gzip')!;
    const { origin, seen } = await serve((_, response) => {
      response.writeHead(500, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    const outcome = await measure(() => clientFor(origin).querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(ResponseTooLargeError);
    expect((outcome.error as ResponseTooLargeError).status).toBe(500);
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it('takes its limit from maxResponseBytes', async () => {
    const bomb = bombs.get('br')!;
    const { origin, seen } = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
      response.end(bomb);
    });
    const outcome = await measure(() => clientFor(origin, { maxResponseBytes: 64 * 1024 }).querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(ResponseTooLargeError);
    expect((outcome.error as ResponseTooLargeError).limitBytes).toBe(64 * 1024);
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });
});

describe('plain oversized bodies', () => {
  it('refuses a declared 100 MB body before reading it', async () => {
    const { origin, seen } = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100_000_000 });
      writeEndlessly(response, Buffer.alloc(64 * 1024, 0x20), 100_000_000);
    });
    const outcome = await measure(() => clientFor(origin).querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(ResponseTooLargeError);
    expect((outcome.error as Error).message).toContain('declares 100000000 bytes');
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it('stops an endless chunked body at the limit', async () => {
    const { origin, seen } = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      writeEndlessly(response, Buffer.alloc(64 * 1024, 0x20));
    });
    const outcome = await measure(() => clientFor(origin).querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(ResponseTooLargeError);
    expect(seen).toHaveLength(1);
    expect(outcome.elapsedMs).toBeLessThan(10_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });

  it('still reads an ordinary 100-subtask page', async () => {
    const { origin, seen } = await serve((_request, response) => sendJson(response, 200, page(0, 100, 250)));
    const outcome = await measure(() => clientFor(origin).querySubTasks(operationId, { pageSize: 100 }));
    expect(outcome.error).toBeUndefined();
    expect(seen).toHaveLength(1);
  });
});

describe('trickled bodies', () => {
  it('a body that arrives a byte at a time ends as a TimeoutError per attempt', async () => {
    const { origin, seen } = await serve((_, response) => trickle(response, 20));
    const outcome = await measure(() => clientFor(origin, { timeoutMs: 400, maxRetries: 1 }).querySubTasks(operationId));
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(2);
    expect(outcome.elapsedMs).toBeLessThan(5_000);
    expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
  });
});

describe("a caller's fetch whose Content-Length is not its body's length", () => {
  // A caller's fetch may hand back any Response: its Content-Length is no promise about the body,
  // so the body is streamed and counted all the same (no loopback server: the fetch is the fault).
  const limit = 64 * 1024;
  const chunk = new Uint8Array(16 * 1024).fill(0x20);

  /** A JSON-ish body of `totalBytes` served in 16 KiB chunks as they are pulled; counts what was pulled. */
  function fetchAnswering(declaredLength: number, totalBytes: number) {
    const pulled = { bytes: 0 };
    const fetch = async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled.bytes >= totalBytes) return controller.close();
          pulled.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(declaredLength) } });
    };
    return { fetch, pulled };
  }

  it('declares 100 bytes, sends 8 MiB: ResponseTooLargeError once the counted bytes pass the limit', async () => {
    const { fetch, pulled } = fetchAnswering(100, mebibytes(8));
    const client = clientFor('https://platform.invalid', { fetch, maxResponseBytes: limit, maxRetries: 0 });

    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).message).toContain('exceeds');
    // Stopped within a chunk or two of the limit, not after the whole body (the stream may buffer one ahead).
    expect(pulled.bytes).toBeLessThanOrEqual(limit + 2 * chunk.byteLength);
  });

  it('declares less than it sends, within the limit: the real body is read whole', async () => {
    const json = new TextEncoder().encode(JSON.stringify(page(0, 10, 10)));
    const fetch = async () =>
      new Response(json, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(json.byteLength - 40) } });
    const client = clientFor('https://platform.invalid', { fetch, maxResponseBytes: limit, maxRetries: 0 });
    await expect(client.querySubTasks(operationId)).resolves.toMatchObject({ totalCount: 10 });
  });

  it('declares more than it sends, within the limit: the shorter body is read as it is', async () => {
    const json = new TextEncoder().encode(JSON.stringify(page(0, 10, 10)));
    const fetch = async () =>
      new Response(json, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(json.byteLength + 4_000) } });
    const client = clientFor('https://platform.invalid', { fetch, maxResponseBytes: limit, maxRetries: 0 });
    await expect(client.querySubTasks(operationId)).resolves.toMatchObject({ totalCount: 10 });
  });

  it('declares more than the limit: refused before reading, whatever the body', async () => {
    const { fetch, pulled } = fetchAnswering(limit + 1, 1024);
    const client = clientFor('https://platform.invalid', { fetch, maxResponseBytes: limit, maxRetries: 0 });
    const error = await client.querySubTasks(operationId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).message).toContain(`declares ${limit + 1} bytes`);
    expect(pulled.bytes).toBeLessThanOrEqual(chunk.byteLength);
  });
});
