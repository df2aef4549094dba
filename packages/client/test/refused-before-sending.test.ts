// Input the client refuses with a ValidationError before anything goes on the wire. Moved here
// from the contract suite (packages/contract-tests), where they needed no server at all.
import { describe, expect, it } from 'vitest';
import { createNorthboundClient, NorthboundError, ValidationError, type SubTaskQuery } from '../src/index.js';
import { appId, baseUrl, operationId, page, secret } from './support/platform-fixtures.js';
import { recordingFetch } from './support/recording-fetch.js';

function recordingClient() {
  const recorder = recordingFetch(() => Response.json(page(0, 10, 0)));
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch, maxRetries: 0 });
  return { client, requests: recorder.requests };
}

async function rejectionOf(promise: Promise<unknown>): Promise<NorthboundError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(NorthboundError);
  return outcome.error as NorthboundError;
}

describe('refused before sending', () => {
  it.each<[string, SubTaskQuery, string]>([
    ['an oversized pageSize', { pageSize: 101 }, 'pageSize'],
    ['a pageSize of 0', { pageSize: 0 }, 'pageSize'],
    ['a fractional pageSize', { pageSize: 2.5 }, 'pageSize'],
    ['a negative pageNo', { pageNo: -1 }, 'pageNo'],
    ["the task list's status spelling", { status: 'failed' as 'fail' }, 'status'],
  ])('the client refuses %s before sending anything', async (_label, query, parameter) => {
    const { client, requests } = recordingClient();
    const error = await rejectionOf(client.querySubTasks(operationId, query));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect(requests).toEqual([]);
  });

  it.each(['', '..'])('the client refuses the operationId %j before sending anything', async (badId) => {
    const { client, requests } = recordingClient();
    expect(await rejectionOf(client.querySubTasks(badId))).toBeInstanceOf(ValidationError);
    expect(requests).toEqual([]);
  });
});
