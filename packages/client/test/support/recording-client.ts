// A client with a recording fetch that answers every call as the platform answers an empty one:
// a token to the login, an operationId to a create, an empty page to anything else. For the tests
// of what is sent, or refused before sending.
import { createNorthboundClient } from '../../src/index.js';
import { appId, baseUrl, secret, tokenResponse } from './platform-fixtures.js';
import { isLogin, recordingFetch } from './recording-fetch.js';

const emptyPage = { data: [], pageNo: 0, pageSize: 100, totalCount: 0 };

export function recordingClient() {
  const recorder = recordingFetch((request) => Response.json(isLogin(request) ? tokenResponse(1) : request.method === 'POST' ? { operationId: 'op-1' } : emptyPage));
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
  /** The requests but the login. */
  const calls = () => recorder.requests.filter((request) => !isLogin(request));
  /** Each request's query (but the login's), by name. */
  const queries = () => calls().map((request) => Object.fromEntries(request.url.searchParams));
  return { client, calls, queries };
}
