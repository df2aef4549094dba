// TLS against real HTTPS servers on loopback, with certificates generated for this run.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createNorthboundClient, type NorthboundClient, type NorthboundTlsOptions } from '../src/index.js';
import { generateTestPki, type TestPki } from './support/certificates.js';
import { sendJson, startHttpsServer, type LoopbackServer } from './support/loopback-server.js';
import { appId, operationId, page, secret, tokenResponse } from './support/platform-fixtures.js';

let pki: TestPki;
const servers: LoopbackServer[] = [];
const clients: NorthboundClient[] = [];

beforeAll(() => {
  pki = generateTestPki();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function platformServer(options: { mutualTls?: boolean; localhostOnly?: boolean } = {}): Promise<LoopbackServer> {
  const server = await startHttpsServer(
    {
      key: options.localhostOnly ? pki.localhostKey : pki.serverKey,
      cert: options.localhostOnly ? pki.localhostCert : pki.serverCert,
      ca: pki.caCert,
      requestCert: options.mutualTls ?? false,
      rejectUnauthorized: options.mutualTls ?? false,
    },
    (request, response) => {
      if (request.rawUrl.startsWith('/iocm/app/sec/v1.1.0/login')) sendJson(response, 200, tokenResponse(1));
      else sendJson(response, 200, page(0, 10, 2));
    },
  );
  servers.push(server);
  return server;
}

function clientFor(server: LoopbackServer, tls?: NorthboundTlsOptions) {
  const client = createNorthboundClient({ baseUrl: server.origin, appId, secret }, { maxRetries: 0, timeoutMs: 5_000, ...(tls ? { tls } : {}) });
  clients.push(client);
  return client;
}

async function connectionFailure(promise: Promise<unknown>): Promise<ConnectionError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the TLS handshake to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectionError);
  return error as ConnectionError;
}

describe('tls option (undici Agent), certificate verification on', () => {
  it('trusts the platform through tls.ca and completes login and query over HTTPS', async () => {
    const server = await platformServer();
    const result = await clientFor(server, { ca: pki.caCert }).querySubTasks(operationId);
    expect(result.totalCount).toBe(2);
    expect(server.seen.map((request) => request.rawUrl.split('?')[0])).toEqual([
      '/iocm/app/sec/v1.1.0/login',
      `/iodm/northbound/v1.5.0/operations/${operationId}/subOperations`,
    ]);
    expect(server.seen[1]!.headers.app_key).toBe(appId);
  });

  it('accepts the CA as bytes', async () => {
    const server = await platformServer();
    const result = await clientFor(server, { ca: new TextEncoder().encode(pki.caCert) }).querySubTasks(operationId);
    expect(result.totalCount).toBe(2);
  });

  it('rejects the self-signed platform certificate without tls.ca (default fetch, default trust store)', async () => {
    const server = await platformServer();
    const error = await connectionFailure(clientFor(server).querySubTasks(operationId));
    expect(error.message).toMatch(/certificate/i);
    expect(error.code).toMatch(/^(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
    expect(server.seen).toHaveLength(0);
  });

  it('rejects a certificate signed by a CA other than tls.ca', async () => {
    const server = await platformServer();
    const error = await connectionFailure(clientFor(server, { ca: pki.otherCaCert }).querySubTasks(operationId));
    expect(error.message).toMatch(/certificate/i);
    expect(server.seen).toHaveLength(0);
  });

  it('checks the host name: a trusted certificate for another name is rejected', async () => {
    const server = await platformServer({ localhostOnly: true });
    const error = await connectionFailure(clientFor(server, { ca: pki.caCert }).querySubTasks(operationId));
    expect(error.message).toMatch(/altnames|ERR_TLS_CERT_ALTNAME_INVALID/i);
  });

  it('presents the client certificate for mutual TLS', async () => {
    const server = await platformServer({ mutualTls: true });
    const result = await clientFor(server, { ca: pki.caCert, cert: pki.clientCert, key: pki.clientKey }).querySubTasks(operationId);
    expect(result.totalCount).toBe(2);
    expect(server.seen.map((request) => request.clientCertificate)).toEqual(['northbound-app', 'northbound-app']);
  });

  it('fails with ConnectionError when a mutual-TLS server gets no client certificate', async () => {
    const server = await platformServer({ mutualTls: true });
    await connectionFailure(clientFor(server, { ca: pki.caCert }).querySubTasks(operationId));
    expect(server.seen).toHaveLength(0);
  });
});
