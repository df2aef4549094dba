// A loopback HTTP proxy in front of a provider that records a pact: for a consumer that cannot
// hand our client a `fetch` (another language, or a program like the CLI that builds its own
// client), point it at the proxy's URL instead of the mock's.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PactRecorder } from './pact-recorder.js';

export interface RecordingProxy {
  readonly url: string;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string, recorder: PactRecorder): Promise<RecordingProxy> {
  const server = createServer((incoming, outgoing) => {
    forward(target, incoming, recorder)
      .then(async (response) => {
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          // The body is sent whole and decoded: the framing headers are this server's own.
          if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
        });
        outgoing.writeHead(response.status, headers);
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`recording proxy: ${String(error)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function forward(target: string, incoming: IncomingMessage, recorder: PactRecorder): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding'].includes(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return recorder.fetch(new Request(new URL(incoming.url ?? '/', target), { method, headers, ...(body ? { body } : {}) }));
}
