import { describe, expect, it } from 'vitest';
import {
  ApplicationFrozenError,
  BadRequestError,
  ConnectionError,
  createNorthboundClient,
  InvalidTokenError,
  NorthboundError,
  type NorthboundLogEntry,
  PageOutOfRangeError,
  RequiredParameterEmptyError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
  UnexpectedResponseError,
} from '../src/index.js';
import { appId, baseUrl, errorResponse, operationId, platformErrors, secret, tokenResponse } from './support/platform-fixtures.js';
import { isLogin, recordingFetch, type Handler } from './support/recording-fetch.js';

const staticToken = 'caller-managed-token-0123456789';

// maxRetries 0: these tests are about which error comes out, not about retrying.
function clientAnswering(handler: Handler, credentials: 'token' | 'secret' = 'token') {
  const recorder = recordingFetch(handler);
  const client = createNorthboundClient(
    credentials === 'token' ? { baseUrl, appId, accessToken: staticToken } : { baseUrl, appId, secret },
    { fetch: recorder.fetch, maxRetries: 0 },
  );
  return { client, requests: recorder.requests };
}

async function failureOf(promise: Promise<unknown>): Promise<NorthboundError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NorthboundError);
  return error as NorthboundError;
}

describe('each documented error code becomes its own error class', () => {
  const documented = [
    ['badRequest', BadRequestError],
    ['pageOutOfRange', PageOutOfRangeError],
    ['invalidToken', InvalidTokenError],
    ['throttled', ThrottledError],
    ['taskNotFound', TaskNotFoundError],
    ['serverError', ServerError],
  ] as const;

  it.each(documented)('%s → %o, carrying status, errorCode, errorDesc and the operation', async (name, ErrorClass) => {
    const { status, body } = platformErrors[name];
    const { client } = clientAnswering(() => errorResponse(platformErrors[name]));

    const error = await failureOf(client.querySubTasks(operationId));

    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.errorCode).toBe(body.error_code);
    expect(error.errorDesc).toBe(body.error_desc);
    expect(error.operation).toBe('queryUpgradeSubTask');
    expect(error.message).toContain(body.error_code);
    expect(error.message).toContain(body.error_desc);
    // One kind each: a TaskNotFoundError is not also, say, a BadRequestError.
    for (const [, OtherClass] of documented) {
      if (OtherClass !== ErrorClass) expect(error).not.toBeInstanceOf(OtherClass);
    }
  });

  it.each([
    ['applicationFrozen', ApplicationFrozenError],
    ['requiredParameterEmpty', RequiredParameterEmptyError],
  ] as const)('login answering %s → %o of the query, the login (getAuthToken) as its cause', async (name, ErrorClass) => {
    const { client, requests } = clientAnswering(() => errorResponse(platformErrors[name]), 'secret');

    const error = await failureOf(client.querySubTasks(operationId));

    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.operation).toBe('queryUpgradeSubTask');
    expect(error.cause).toBeInstanceOf(ErrorClass);
    expect(error.cause).toMatchObject({ operation: 'getAuthToken', errorCode: platformErrors[name].body.error_code });
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe(platformErrors[name].body.error_code);
    // The query itself is never sent without a token.
    expect(requests).toHaveLength(1);
  });
});

describe('answers outside the documented set still give a typed error', () => {
  it('an unknown error code on a 403 → UnexpectedResponseError with the code', async () => {
    const { client } = clientAnswering(() => Response.json({ error_code: '1010010', error_desc: 'Something new.' }, { status: 403 }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(403);
    expect(error.errorCode).toBe('1010010');
    expect(error.message).toMatch(/unknown error code/);
  });

  it('an unknown error code on a 400 → BadRequestError (it is still a bad request)', async () => {
    const { client } = clientAnswering(() => Response.json({ error_code: '120099', error_desc: 'Another bad request.' }, { status: 400 }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errorCode).toBe('120099');
  });

  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'an error code named %s on a 400 → BadRequestError, not retried (codes are not looked up on Object.prototype)',
    async (errorCode) => {
      const recorder = recordingFetch(() => new Response(`{"error_code":${JSON.stringify(errorCode)},"error_desc":"odd"}`, { status: 400 }));
      const client = createNorthboundClient({ baseUrl, appId, accessToken: staticToken }, { fetch: recorder.fetch, maxRetries: 3 });
      const error = await failureOf(client.querySubTasks(operationId));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).not.toBeInstanceOf(ConnectionError);
      expect([error.status, error.errorCode]).toEqual([400, errorCode]);
      expect(error.message).toContain('(unknown error code)');
      expect(recorder.requests).toHaveLength(1);
    },
  );

  it('an error code sent as a JSON number is read as its digits', async () => {
    const { client } = clientAnswering(() => Response.json({ error_code: 123009, error_desc: 'The requested task does not exist.' }, { status: 404 }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error.errorCode).toBe('123009');
  });

  it("a gateway's HTML 502 page → ServerError with the status and a short excerpt", async () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>${'<p>padding</p>'.repeat(100)}</body></html>`;
    const { client } = clientAnswering(() => new Response(html, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.errorCode).toBeUndefined();
    expect(error.bodyExcerpt).toContain('502 Bad Gateway');
    expect(error.bodyExcerpt!.length).toBeLessThanOrEqual(201);
    expect(error.message).toContain('502 Bad Gateway');
  });

  it('an HTML 404 from a proxy (not the platform) → UnexpectedResponseError, not TaskNotFoundError', async () => {
    const { client } = clientAnswering(() => new Response('<html><body>Not Found</body></html>', { status: 404 }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(404);
    expect(error.bodyExcerpt).toBe('<html><body>Not Found</body></html>');
  });

  it('an empty 401 → UnexpectedResponseError naming the empty body', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 401 }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/empty body/);
  });

  it('HTTP 429 from a gateway → ThrottledError', async () => {
    const { client } = clientAnswering(() => new Response('Too Many Requests', { status: 429 }));
    expect(await failureOf(client.querySubTasks(operationId))).toBeInstanceOf(ThrottledError);
  });

  it('a redirect is not followed → UnexpectedResponseError', async () => {
    const { client, requests } = clientAnswering(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(302);
    expect(requests).toHaveLength(1);
  });

  it('a 200 that is not JSON → UnexpectedResponseError with an excerpt', async () => {
    const { client } = clientAnswering(() => new Response('<html>maintenance</html>', { status: 200 }));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(200);
    expect(error.bodyExcerpt).toBe('<html>maintenance</html>');
  });

  it('a 200 JSON body that is not a subtask page → UnexpectedResponseError', async () => {
    const { client } = clientAnswering(() => Response.json({ data: 'nope', totalCount: 1, pageNo: 0, pageSize: 10 }));
    expect(await failureOf(client.querySubTasks(operationId))).toBeInstanceOf(UnexpectedResponseError);
  });

  it('a malformed token response → UnexpectedResponseError that does not show the body', async () => {
    const leaked = { ...tokenResponse(7), expiresIn: 'soon' };
    const { client } = clientAnswering(() => Response.json(leaked), 'secret');
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.operation).toBe('queryUpgradeSubTask');
    expect(error.cause).toMatchObject({ operation: 'getAuthToken' });
    expect(error.message).toMatch(/expiresIn/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(leaked.accessToken);
  });

  it('a network failure → ConnectionError keeping the cause and its code', async () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 203.0.113.10:8743'), { code: 'ECONNREFUSED' }) });
    const { client } = clientAnswering(() => Promise.reject(refused));
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.cause).toBe(refused);
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('ECONNREFUSED');
    expect((error as ConnectionError).code).toBe('ECONNREFUSED');
  });
});

describe('no token or secret ever appears in an error', () => {
  const issued = tokenResponse(3);

  it('redacts the token when a gateway echoes the request headers into its error page', async () => {
    const { client } = clientAnswering((request) =>
      isLogin(request)
        ? Response.json(issued)
        : new Response(`<pre>app_key: ${appId}\nAuthorization: ${request.headers.authorization}\nbody: secret=${secret}</pre>`, { status: 400 }),
    'secret');
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error.status).toBe(400);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain(issued.accessToken);
    expect(everything).not.toContain(secret);
    expect(error.bodyExcerpt).toContain('[redacted]');
  });

  it('redacts a caller-managed token echoed in a platform error description', async () => {
    const { client } = clientAnswering(() =>
      Response.json({ error_code: '1010005', error_desc: `App_key or access_token ${staticToken} is invalid.` }, { status: 403 }),
    );
    const error = await failureOf(client.querySubTasks(operationId));
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(error.errorDesc).not.toContain(staticToken);
    expect(error.message).not.toContain(staticToken);
  });

  it('redacts login-issued tokens echoed bare (no "Bearer", no field name) in errors and in the log', async () => {
    const entries: NorthboundLogEntry[] = [];
    const leaked = `${issued.accessToken} / ${issued.refreshToken}`;
    let queries = 0;
    const recorder = recordingFetch((request) => {
      if (isLogin(request)) return Response.json(issued);
      queries += 1;
      // A platform error description, then a network error, that repeat both tokens as is.
      if (queries === 1) return Response.json({ error_code: '120015', error_desc: `Bad request for token ${leaked}.` }, { status: 400 });
      throw new TypeError('fetch failed', { cause: new Error(`socket hang up after sending ${leaked}`) });
    });
    const client = createNorthboundClient(
      { baseUrl, appId, secret },
      { fetch: recorder.fetch, maxRetries: 0, logger: (entry) => entries.push(entry) },
    );

    const platformError = await failureOf(client.querySubTasks(operationId));
    const networkError = await failureOf(client.querySubTasks(operationId));

    expect(platformError).toBeInstanceOf(BadRequestError);
    expect(networkError).toBeInstanceOf(ConnectionError);
    expect(recorder.requests.filter(isLogin)).toHaveLength(1);
    for (const error of [platformError, networkError]) {
      expect(error.message).toContain('[redacted] / [redacted]');
      const { cause: _cause, ...fields } = error;
      const everything = JSON.stringify({ ...fields, message: error.message, stack: error.stack });
      expect(everything).not.toContain(issued.accessToken);
      expect(everything).not.toContain(issued.refreshToken);
    }
    const logged = JSON.stringify(entries);
    expect(logged).toContain('[redacted] / [redacted]');
    expect(logged).not.toContain(issued.accessToken);
    expect(logged).not.toContain(issued.refreshToken);
  });

  it('redacts credentials it never saw when they follow "Bearer" or a token field name', async () => {
    const { client } = clientAnswering(() =>
      new Response('{"note":"Authorization: Bearer someOtherToken123","refreshToken":"r-456789","x":"secret=s3cr3tvalue"}', { status: 502 }),
    );
    const error = await failureOf(client.querySubTasks(operationId));
    for (const hidden of ['someOtherToken123', 'r-456789', 's3cr3tvalue']) expect(error.bodyExcerpt).not.toContain(hidden);
  });
});
