// startMockServer: options, listen and close, and the glue between the HTTP adapter (http.ts) and
// the handler that decides (mock-handler.ts or proxy-handler.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockServerStartError } from './errors.js';
import { headerSafe, problemAnswer, readCall, writeAnswer } from './http.js';
import { createMockHandler } from './mock-handler.js';
import { isLoopbackHost } from './loopback.js';
import { resolveOptions } from './options.js';
import { createProxyHandler } from './proxy-handler.js';
import { loadSpec } from './spec.js';
import { AnswerStats } from './traffic/answer-stats.js';
import type { MockServer, MockServerOptions } from './types.js';

/**
 * Starts the mock of the northbound API, answering from the bundled spec the way the platform
 * does. `await using`-free on purpose: call `close()` in `afterAll` or a global teardown.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const resolved = resolveOptions(options);
  const spec = await loadSpec();
  const handle = resolved.proxy ? createProxyHandler(spec, resolved, resolved.proxy) : createMockHandler(spec, resolved);
  const { logger } = resolved;
  // [traffic hook] counts every answer, for stats()
  const answers = new AnswerStats();

  const server = createServer((req, res) => {
    const label = `${req.method} ${headerSafe(req.url ?? '', 200)}`;
    const respond = async () => {
      const read = await readCall(req);
      if (read.kind === 'gone') {
        logger.info(`${label}: the client went away before its request was read`);
        return;
      }
      if (read.kind === 'malformed') {
        logger.info(`${label} -> 400 (${read.reason})`);
        res.setHeader('connection', 'close');
        return writeAnswer(res, problemAnswer(400, 'MALFORMED_REQUEST_TARGET', 'The request target is malformed', read.reason));
      }
      // An unread body leaves the connection unusable.
      if (read.call.bodyTooLarge) res.setHeader('connection', 'close');
      const { answer, operationId } = await handle(read.call);
      answers.count(operationId, answer); // [traffic hook]
      writeAnswer(res, answer);
    };
    respond().catch((error: unknown) => {
      logger.error(`${label}: mock server failure: ${String((error as Error)?.stack ?? error)}`);
      if (!res.headersSent) writeAnswer(res, problemAnswer(500, 'MOCK_SERVER_FAILURE', 'The mock server failed', String(error)));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.close();
      reject(new MockServerStartError(resolved.host, resolved.port, error.code, { cause: error }));
    };
    server.once('error', onError);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(address.address)}:${address.port}`;
  if (!isLoopbackHost(resolved.host)) {
    logger.warn(`Listening on ${address.address}:${address.port}, which other machines can reach (host was set explicitly)`);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    stats: () => answers.stats(), // [traffic hook]
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold the port until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function urlHost(address: string): string {
  // A wildcard bind is reached through loopback from this machine.
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
