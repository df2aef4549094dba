// Proxy mode against hostile upstreams on loopback: it only ever talks to the configured upstream
// (no redirect is followed, no credential or body goes elsewhere), bounds the time and the decoded
// size of an upstream answer, and never forwards a request body cut short.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { call, credentials, loginPath, rawExchange, refreshPath, statusOf, subtasksPath, validRefreshBody, exampleTaskId } from './support.js';

// The caller must see what the proxy answered, so it never follows a redirect itself.
const manual = { redirect: 'manual' } as const;
const login = (baseUrl: string) =>
  call(baseUrl, loginPath, { ...manual, method: 'POST', body: 'appId=a&secret=s3cr3t', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const refresh = (baseUrl: string, body: string) => call(baseUrl, refreshPath, { ...manual, method: 'POST', body, headers: { 'content-type': 'application/json' } });
const getSubtasks = (baseUrl: string, taskId: string) => call(baseUrl, subtasksPath(taskId), { ...manual, headers: credentials });

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of started.splice(0).reverse()) await server.close();
});

/** A loopback server that records what reaches it and answers with `answer`. */
async function startUpstream(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen };
}

async function startProxy(upstream: string, options: Partial<Parameters<typeof startMockServer>[0]> = {}): Promise<MockServer> {
  const proxy = await startMockServer({ proxy: upstream, ...options });
  started.push(proxy);
  return proxy;
}

describe('redirects are never followed', () => {
  it.each([301, 302, 303, 307, 308])('a %i goes back to the caller as it came; the other server gets nothing', async (status) => {
    const elsewhere = await startUpstream((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"stolen":true}'));
    const upstream = await startUpstream((req, res) => res.writeHead(status, { location: `${elsewhere.url.replace('127.0.0.1', 'localhost')}${req.url}` }).end());
    const proxy = await startProxy(upstream.url);

    const answers = [await login(proxy.url), await refresh(proxy.url, validRefreshBody), await getSubtasks(proxy.url, exampleTaskId)];

    expect(answers.map((a) => a.status)).toEqual([status, status, status]);
    expect(answers[0]!.headers.get('location')).toBe(`${elsewhere.url.replace('127.0.0.1', 'localhost')}/iocm/app/sec/v1.1.0/login`);
    expect(elsewhere.seen).toEqual([]);
    expect(upstream.seen.map((s) => s.method)).toEqual(['POST', 'POST', 'GET']);
    // The caller hears that a redirect is not in the contract.
    expect(answers[2]!.headers.get('sl-violations')).not.toBeNull();
  });

  it('a path that looks like an authority stays a path on the upstream', async () => {
    const elsewhere = await startUpstream((_req, res) => res.writeHead(200).end());
    const upstream = await startUpstream((_req, res) => res.writeHead(404).end());
    const proxy = await startProxy(upstream.url);
    const raw = await rawExchange(proxy.url, `GET //${new URL(elsewhere.url).host}/x HTTP/1.1\r\nHost: x\r\napp_key: k\r\nConnection: close\r\n\r\n`);
    expect(statusOf(raw), raw).toBe(404);
    expect(elsewhere.seen).toEqual([]);
    expect(upstream.seen.map((s) => s.url)).toEqual([`/${new URL(elsewhere.url).host}/x`]);
  });

  it('forwards the body byte for byte, not re-serialised', async () => {
    const upstream = await startUpstream((_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error_code":"102202","error_desc":"Required parameter is empty."}'));
    const proxy = await startProxy(upstream.url);
    const body = '{ "appId" : "a",\n  "secret": "s", "refreshToken": "r" }';
    await refresh(proxy.url, body);
    expect(upstream.seen[0]!.body).toBe(body);
    expect(upstream.seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });
});

describe('bounded in time', () => {
  it.each([
    ['never answers', (_req: IncomingMessage, _res: ServerResponse) => {}],
    ['trickles its body', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    }],
  ])('an upstream that %s is answered 504 with x-mock-reason once the time limit passes', async (_label, answer) => {
    const upstream = await startUpstream(answer);
    const proxy = await startProxy(upstream.url, { upstreamTimeoutMs: 300 });
    const before = performance.now();
    const result = await getSubtasks(proxy.url, exampleTaskId).catch((error: unknown) => error);
    const took = performance.now() - before;
    expect(result).toMatchObject({ status: 504 });
    expect((result as { headers: Headers }).headers.get('x-mock-reason')).toMatch(/^upstream timeout: .*within 300 ms/);
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
  });
});

describe('bounded in size', () => {
  const MiB = 1024 * 1024;
  // 256 MiB of JSON whitespace compresses to a few hundred KB.
  const bomb = (compress: (input: Buffer) => Buffer) => compress(Buffer.alloc(256 * MiB, ' '));
  const gzipBomb = bomb((input) => gzipSync(input, { level: 9 }));
  const brotliBomb = bomb((input) => brotliCompressSync(input));

  it.each([
    ['gzip', gzipBomb],
    ['br', brotliBomb],
    ['identity', Buffer.alloc(20 * MiB, ' ')],
  ])('a %s body beyond the limit is 502 too-large, and memory stays near the limit', async (encoding, payload) => {
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...(encoding !== 'identity' && { 'content-encoding': encoding }) });
      res.end(payload);
    });
    const proxy = await startProxy(upstream.url, { maxUpstreamBodyBytes: 4 * MiB });
    const rssBefore = process.memoryUsage().rss;
    const before = performance.now();
    const answer = await getSubtasks(proxy.url, exampleTaskId);
    const took = performance.now() - before;
    const growth = process.memoryUsage().rss - rssBefore;
    expect(answer.status).toBe(502);
    expect(answer.headers.get('x-mock-reason')).toMatch(/^upstream too-large: .*4194304 bytes/);
    expect(growth).toBeLessThan(64 * MiB);
    expect(took).toBeLessThan(10_000);
    console.info(`proxy, ${encoding} body of ${(payload.length / MiB).toFixed(2)} MiB on the wire: 502 in ${took.toFixed(0)} ms, RSS growth ${(growth / MiB).toFixed(1)} MiB`);
  });

  it('a request body over 1 MiB is answered 413 and not forwarded at all', async () => {
    const upstream = await startUpstream((_req, res) => res.writeHead(200).end());
    const proxy = await startProxy(upstream.url);
    const answer = await call(proxy.url, '/iocm/app/sec/v1.1.0/refreshToken', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: 'a', secret: 's', refreshToken: 'x'.repeat(2 * 1024 * 1024) }),
    }).catch((error: unknown) => error);
    // The proxy may close before the client has sent everything; either way nothing was forwarded.
    if ((answer as { status?: number }).status !== undefined) {
      expect((answer as { status: number }).status).toBe(413);
      expect((answer as { headers: Headers }).headers.get('x-mock-reason')).toMatch(/larger than 1048576 bytes/);
    }
    expect(upstream.seen).toEqual([]);
  });

  it('a body just under the limit is forwarded whole', async () => {
    const upstream = await startUpstream((_req, res) => res.writeHead(204).end());
    const proxy = await startProxy(upstream.url);
    const body = JSON.stringify({ appId: 'a', secret: 's', refreshToken: 'x'.repeat(1024 * 1024 - 100) });
    const answer = await refresh(proxy.url, body);
    expect(answer.status).toBe(204);
    expect(upstream.seen[0]!.body.length).toBe(body.length);
  });
});

describe('credentials go to the upstream only', () => {
  it('sends app_key and Authorization to the upstream and to nothing else', async () => {
    const upstream = await startUpstream((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end());
    const proxy = await startProxy(upstream.url);
    const answer = await getSubtasks(proxy.url, exampleTaskId);
    expect(answer.status).toBe(302);
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]!.headers).toMatchObject({ app_key: credentials.app_key, authorization: credentials.authorization });
  });
});
