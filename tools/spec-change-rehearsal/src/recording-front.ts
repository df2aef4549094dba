// A loopback HTTP front that forwards every request to a server and keeps each request's target
// (path and query): what a program that builds its own client (the CLI) sent, seen from outside.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingFront {
  /** Base URL to give the program in place of the server's. */
  readonly url: string;
  /** The request targets so far, e.g. `/iodm/northbound/v1.5.0/operations/x/subOperations?pageNo=0&pageSize=150`. */
  readonly targets: readonly string[];
  close(): Promise<void>;
}

export async function startRecordingFront(upstream: string): Promise<RecordingFront> {
  const { hostname, port } = new URL(upstream);
  const targets: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    targets.push(incoming.url ?? '');
    const forwarded = request({ host: hostname, port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => (outgoing.headersSent ? outgoing.destroy() : outgoing.writeHead(502).end()));
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
