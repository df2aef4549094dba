// Item 4 of issue 9: the pager checks the server's paging and stops, with an error saying what
// was inconsistent, instead of walking for ever.
import { afterEach, describe, expect, it } from 'vitest';
import { createNorthboundClient, UnexpectedResponseError } from '../../src/index.js';
import { appId, operationId, page, subtask } from '../support/platform-fixtures.js';
import { sendJson, startHttpServer, type LoopbackServer, type SeenRequest } from '../support/loopback-server.js';
import { measure, mebibytes } from './support/measure.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pageNoOf = (request: SeenRequest) => Number(new URL(request.rawUrl, 'http://x').searchParams.get('pageNo'));
const fullPage = (pageNo: number, size: number, totalCount: number) => ({
  data: Array.from({ length: size }, (_, i) => subtask(pageNo * size + i)),
  pageNo,
  pageSize: size,
  totalCount,
});

async function walk(answer: (pageNo: number) => unknown, pageSize = 100) {
  server = await startHttpServer((request, response) => sendJson(response, 200, answer(pageNoOf(request))));
  const client = createNorthboundClient({ baseUrl: server.origin, appId, accessToken: 'caller-managed-token' });
  let items = 0;
  const outcome = await measure(async () => {
    for await (const _ of client.listSubTasks(operationId, { pageSize })) items++;
  });
  return { ...outcome, items, requests: server.seen.length };
}

function expectStopped(outcome: Awaited<ReturnType<typeof walk>>, requests: number, says: RegExp) {
  expect(outcome.error).toBeInstanceOf(UnexpectedResponseError);
  expect((outcome.error as Error).message).toMatch(says);
  expect(outcome.requests).toBe(requests);
  expect(outcome.elapsedMs).toBeLessThan(10_000);
  expect(outcome.rssGrowthBytes).toBeLessThan(mebibytes(96));
}

describe('a server that pages wrongly', () => {
  it('ignores pageNo (always answers page 0 of a huge task): stopped at the second page', async () => {
    const outcome = await walk(() => fullPage(0, 100, 1_000_000));
    expectStopped(outcome, 2, /asked for page 1, the server answered page 0/);
    expect(outcome.items).toBe(100);
  });

  it('echoes pageNo but raises totalCount on every page: no more pages than the first totalCount allows', async () => {
    const outcome = await walk((pageNo) => fullPage(pageNo, 100, (pageNo + 2) * 100));
    expectStopped(outcome, 3, /totalCount allows 2 page\(s\) of 100/);
    expect(outcome.items).toBe(200);
  });

  it('sends 500 items for pageSize 100: refused, nothing of that page yielded', async () => {
    const outcome = await walk((pageNo) => fullPage(pageNo, 500, 5_000));
    expectStopped(outcome, 1, /page 0 holds 500 items, more than pageSize 100/);
    expect(outcome.items).toBe(0);
  });

  it('lies that the page it answers is a later one', async () => {
    const outcome = await walk((pageNo) => ({ ...page(pageNo, 10, 100), pageNo: pageNo + 1 }), 10);
    expectStopped(outcome, 1, /asked for page 0, the server answered page 1/);
  });
});

describe('a server that pages rightly', () => {
  it('is walked to the end, one request per page', async () => {
    const outcome = await walk((pageNo) => page(pageNo, 100, 250));
    expect(outcome.error).toBeUndefined();
    expect(outcome.items).toBe(250);
    expect(outcome.requests).toBe(3);
  });

  it('a totalCount that shrinks while walking ends the walk early, without an error', async () => {
    const outcome = await walk((pageNo) => ({ ...page(pageNo, 100, 300), totalCount: pageNo === 0 ? 300 : 150 }));
    expect(outcome.error).toBeUndefined();
    expect(outcome.items).toBe(200);
    expect(outcome.requests).toBe(2);
  });
});
