// Real HTTP(S) servers on 127.0.0.1, port 0, answering like the platform, closed after each test.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface SeenRequest {
  method: string;
  /** The request target exactly as it arrived on the wire. */
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Subject CN of the client certificate, when one was presented. */
  clientCertificate: string | undefined;
}

export type LoopbackHandler = (request: SeenRequest, response: ServerResponse) => void;

export interface LoopbackServer {
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

function listen(server: Server, scheme: 'http' | 'https', seen: SeenRequest[]): Promise<LoopbackServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `${scheme}://127.0.0.1:${port}`,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function handlerFor(handle: LoopbackHandler, seen: SeenRequest[]) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const socket = request.socket as Partial<TLSSocket>;
      const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
      const cn = peer?.subject?.CN;
      const entry: SeenRequest = {
        method: request.method ?? '',
        rawUrl: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        clientCertificate: Array.isArray(cn) ? cn[0] : cn,
      };
      seen.push(entry);
      handle(entry, response);
    });
  };
}

export function startHttpServer(handle: LoopbackHandler): Promise<LoopbackServer> {
  const seen: SeenRequest[] = [];
  return listen(createHttpServer(handlerFor(handle, seen)), 'http', seen);
}

export function startHttpsServer(tls: ServerOptions, handle: LoopbackHandler): Promise<LoopbackServer> {
  const seen: SeenRequest[] = [];
  return listen(createHttpsServer(tls, handlerFor(handle, seen)), 'https', seen);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
