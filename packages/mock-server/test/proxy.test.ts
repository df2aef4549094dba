// Validation-proxy mode: the mock forwards to a real server and reports every contract violation.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type ContractViolation, type MockServer } from '../src/index.js';
import { getSubtasks, login, portIsFree, exampleTaskId } from './support.js';

/** A provider that breaks the contract: no totalCount, the task list's status spelling, a numeric error_code. */
function startViolatingProvider(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/iocm/')) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 102202, error_desc: 'empty' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ pageNo: 0, pageSize: 10, data: [{ subOperationId: 'a', createTime: '2018-11-26T08:00:00Z', operateType: 'firmware_upgrade', deviceId: 'd', status: 'failed' }] }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;

describe('proxy in front of a provider that breaks the contract', () => {
  let provider: Server;
  let proxy: MockServer;
  const violations: ContractViolation[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeAll(async () => {
    provider = await startViolatingProvider();
    proxy = await startMockServer({ proxy: urlOf(provider), logger, onViolation: (v) => violations.push(v) });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => provider.close(resolve));
  });

  it("passes the provider's answer through and lists every violation in sl-violations", async () => {
    violations.length = 0;
    const answer = await getSubtasks(proxy.url, exampleTaskId);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ pageNo: 0, data: [{ status: 'failed' }] });
    const reported = JSON.parse(answer.headers.get('sl-violations') ?? '[]') as { location: string[]; message: string }[];
    const where = reported.map((v) => v.location.join('.'));
    expect(where).toEqual(
      expect.arrayContaining(['response.body', 'response.body.data.0.createTime', 'response.body.data.0.status']),
    );
    expect(reported.find((v) => v.location.join('.') === 'response.body')?.message).toMatch(/totalCount/);
    expect(violations.map((v) => v.location.join('.'))).toEqual(where);
    expect(violations.every((v) => v.method === 'GET' && v.path === `/iodm/northbound/v1.5.0/operations/${exampleTaskId}/subOperations`)).toBe(true);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(`Violation: GET /iodm/northbound/v1.5.0/operations/${exampleTaskId}/subOperations: response.body.data.0.status`));
  });

  it('reports violations of error bodies too', async () => {
    const answer = await login(proxy.url);
    expect(answer.status).toBe(400);
    const reported = JSON.parse(answer.headers.get('sl-violations') ?? '[]') as { location: string[] }[];
    expect(reported.map((v) => v.location.join('.'))).toContain('response.body.error_code');
  });

  it('reports request violations and still forwards the request', async () => {
    const answer = await getSubtasks(proxy.url, exampleTaskId, '?pageSize=500');
    expect(answer.status).toBe(200);
    const reported = JSON.parse(answer.headers.get('sl-violations') ?? '[]') as { location: string[] }[];
    expect(reported.map((v) => v.location.join('.'))).toContain('request.query.pagesize');
  });
});

describe('proxy in front of a conforming provider (another mock)', () => {
  it('reports nothing', async () => {
    const upstream = await startMockServer();
    const proxy = await startMockServer({ proxy: upstream.url });
    try {
      for (const answer of [await getSubtasks(proxy.url, exampleTaskId), await login(proxy.url), await getSubtasks(proxy.url, exampleTaskId, '', { prefer: 'example=TaskNotFound' })]) {
        expect(answer.headers.get('sl-violations')).toBeNull();
      }
      expect((await getSubtasks(proxy.url, exampleTaskId, '', { prefer: 'example=TaskNotFound' })).status).toBe(404);
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });
});

describe('proxy with the upstream down', () => {
  it('answers 502 with a problem that names the upstream', async () => {
    const upstream = await startMockServer();
    const deadUrl = upstream.url;
    await upstream.close();
    expect(await portIsFree(upstream.port)).toBe(true);
    const proxy = await startMockServer({ proxy: deadUrl });
    try {
      const answer = await getSubtasks(proxy.url, exampleTaskId);
      expect(answer.status).toBe(502);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect((answer.body as { title: string }).title).toContain(deadUrl);
    } finally {
      await proxy.close();
    }
  });
});
