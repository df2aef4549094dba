// Item 6 of issue 9: a baseUrl that cannot work fails at creation, never echoing a password, and
// nothing is ever sent with it.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNorthboundClient, ValidationError } from '../../src/index.js';
import { appId, page } from '../support/platform-fixtures.js';
import { sendJson, startHttpServer, type LoopbackServer } from '../support/loopback-server.js';

let server: LoopbackServer;
beforeEach(async () => {
  server = await startHttpServer((_request, response) => sendJson(response, 200, page(0, 10, 1)));
});
afterEach(() => server.close());

function creationError(baseUrl: string): ValidationError {
  try {
    createNorthboundClient({ baseUrl, appId, secret: 'application-secret-01' });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('baseUrl');
    return error as ValidationError;
  }
  throw new Error(`baseUrl ${JSON.stringify(baseUrl)} was accepted`);
}

const hostPort = () => server.origin.slice('http://'.length);

describe('baseUrl with credentials', () => {
  it.each([
    ['a password only', (host: string) => `http://:hunter2pw@${host}`],
    ['a user and a password', (host: string) => `http://admin:hunter2pw@${host}`],
    ['a user name only', (host: string) => `http://hunter2pw@${host}`],
  ])('%s is refused, and the error never shows it', (_, build) => {
    const error = creationError(build(hostPort()));
    const everything = `${error.message}\n${error.stack}\n${inspect(error)}`;
    expect(everything).not.toContain('hunter2pw');
    expect(error.message).toContain(`"http://${hostPort()}"`);
    expect(error.message).toMatch(/user name or password/);
    expect(server.seen).toHaveLength(0);
  });
});

describe('baseUrl with a query or fragment, bare ones included', () => {
  it.each(['?', '#', '/?', '?x=1', '#top'])('%j at the end is refused', (suffix) => {
    const error = creationError(`${server.origin}${suffix}`);
    expect(error.message).toMatch(/query or fragment/);
    expect(server.seen).toHaveLength(0);
  });
});

describe('baseUrl with whitespace or without a scheme', () => {
  it.each([' ', '\n', '\t'])('refuses %j around it', (space) => {
    const error = creationError(`${space}${server.origin}${space}`);
    expect(error.message).toMatch(/spaces or line breaks/);
  });

  it.each(['203.0.113.10:8743', 'platform.example:8743', 'localhost'])('hints at a missing https:// for %j', (value) => {
    const error = creationError(value);
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.message).toContain('https://');
  });

  it('hides credentials in a value without a scheme too', () => {
    const error = creationError('admin:hunter2pw@203.0.113.10:8743');
    expect(error.message).not.toContain('hunter2pw');
    expect(error.message).toContain('"203.0.113.10:8743"');
  });

  it('still accepts a plain origin, a trailing slash and a path prefix', () => {
    for (const value of [server.origin, `${server.origin}/`, `${server.origin}/oc/`]) {
      expect(() => createNorthboundClient({ baseUrl: value, appId, secret: 'application-secret-01' })).not.toThrow();
    }
  });
});
