// A stand-in platform for the CLI's tests: node:http on 127.0.0.1 (port 0) that answers every
// request with the handler given. The recording, runaway and hostile platforms are built on it.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cliEnvFor } from './support.js';

/** A login answer the client accepts. */
export const LOGIN_ANSWER = { scope: 'default', tokenType: 'bearer', expiresIn: 3600, accessToken: '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b', refreshToken: '1d8f3e0b2b6a4c1f9e7d5c3b1a0f8e2c' };

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface LoopbackPlatform {
  readonly url: string;
  /** The NORTHBOUND_* environment that points the CLI at it. */
  readonly env: Record<string, string>;
  /** Stops it, dropping any request still waiting for its answer. */
  close(): Promise<void>;
}

export async function startLoopbackPlatform(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<LoopbackPlatform> {
  const server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    env: cliEnvFor(url),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
