// Requests a careless or hostile client sends: odd integer spellings, empty and repeated
// parameters, methods the path does not have, malformed request targets, clients that go away.
// The mock must answer what it validated, in the platform's terms, and log nothing as a failure.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { call, credentials, getSubtasks, loginPath, rawExchange, statusOf, subtasksPath, exampleTaskId } from './support.js';

const badRequest = { error_code: '120015', error_desc: 'Bad request error.' };
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ logger });
});
afterAll(() => mock.close());

describe('integers are read exactly as they are validated', () => {
  it.each(['0x10', '0b101', '0o7', '1e1', '1E1', '+5', ' 5', '5 ', '5.0', '1_0', 'Infinity', '٣', '５'])(
    'pageSize=%s is 400/120015, not a page of another size',
    async (spelling) => {
      const answer = await getSubtasks(mock.url, 'paged-23', `?pageSize=${encodeURIComponent(spelling)}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(badRequest);
      expect(answer.headers.get('x-mock-reason')).toMatch(/^invalid: .*pageSize/);
    },
  );

  it.each(['0x1', '1e0', '-0x1'])('pageNo=%s is 400/120015 too', async (spelling) => {
    const answer = await getSubtasks(mock.url, 'paged-23', `?pageNo=${encodeURIComponent(spelling)}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(badRequest);
  });

  it('serves plain decimals, with the value validated', async () => {
    const answer = await getSubtasks(mock.url, 'paged-23', '?pageNo=1&pageSize=7');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ pageNo: 1, pageSize: 7, totalCount: 23 });
  });

  // The spec package's reading of integer text, as the client, the CLI and the simulation read it.
  it.each([
    ['pageNo', '01'],
    ['pageSize', '007'],
    ['pageNo', '-0'],
    ['pageSize', '10.0'],
  ])('%s=%s (a leading zero, -0 or a fraction) is 400/120015', async (name, spelling) => {
    const answer = await getSubtasks(mock.url, 'paged-23', `?${name}=${spelling}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(badRequest);
    expect(answer.headers.get('x-mock-reason')).toBe(`invalid: the query parameter ${name} must be a plain decimal integer, got "${spelling}"`);
  });

  it.each(['pageNo', 'pageSize', 'subOperationStatus'])('an empty %s is 400/120015 (inferred)', async (name) => {
    const answer = await getSubtasks(mock.url, exampleTaskId, `?${name}=`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(badRequest);
    expect(answer.headers.get('x-mock-reason')).toContain(`${name} is empty`);
  });

  it('a repeated parameter is 400/120015, not "the first one wins"', async () => {
    const answer = await getSubtasks(mock.url, 'paged-23', '?pageSize=5&pageSize=500');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(badRequest);
    expect(answer.headers.get('x-mock-reason')).toContain('pageSize is given 2 times');
  });

  it('a parameter name in another case is not the parameter: neither validated nor served', async () => {
    const answer = await getSubtasks(mock.url, 'paged-23', '?PAGESIZE=500&pageno=-1');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ pageNo: 0, pageSize: 10 });
  });

  it('still answers a value outside the range 400/123029', async () => {
    const answer = await getSubtasks(mock.url, 'paged-23', '?pageSize=101');
    expect(answer.status).toBe(400);
    expect((answer.body as { error_code: string }).error_code).toBe('123029');
  });
});

describe('methods and request targets', () => {
  it.each([
    ['DELETE', subtasksPath('abc'), 'GET'],
    ['GET', loginPath, 'POST'],
    ['PUT', loginPath, 'POST'],
  ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
    const answer = await call(mock.url, path, { method, headers: credentials });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
  });

  // The contract's router decides: a path parameter is one whole, non-empty segment.
  it.each([
    ['GET', '/iodm/northbound/v1.5.0/operations/'],
    ['POST', '/iodm/northbound/v1.5.0/operations/'],
    ['GET', '/iodm/northbound/v1.5.0/operations//subOperations'],
    ['DELETE', '/iodm/northbound/v1.5.0/category/'],
  ])('%s %s (an empty path parameter) is 404: no operation fits', async (method, path) => {
    const answer = await call(mock.url, path, { method, headers: credentials });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR', status: 404 });
  });

  it.each(['//[', '//[::1]:1/x', '*', '/iodm/northbound/v1.5.0/operations/a"b/subOperations', '/a\\b', '/{x}'])(
    'GET %s is 400, logged as routine, with no stack',
    async (target) => {
      logger.error.mockClear();
      const raw = await rawExchange(mock.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(raw)).toBe(400);
      expect(raw).toContain('application/problem+json');
      expect(logger.error).not.toHaveBeenCalled();
      expect(JSON.stringify(logger.info.mock.calls)).not.toMatch(/\n\s+at /);
    },
  );

  it('a client that goes away in the middle of its body is not a failure', async () => {
    logger.error.mockClear();
    logger.info.mockClear();
    const { hostname, port } = new URL(mock.url);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST ${loginPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nappId=a&se`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await vi.waitFor(() => expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('the client went away')), { timeout: 30_000 });
    expect(logger.error).not.toHaveBeenCalled();
  });
});
