// The newest-token rule under concurrency: of many logins of one app answered at once, exactly
// one token (the last issued) is valid afterwards, whatever order the answers arrive in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { credentials, getSubtasks, login, exampleTaskId } from './support.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server?.close());

it('leaves exactly one of 20 concurrent logins valid, and counts each answer', async () => {
  const answers = await Promise.all(Array.from({ length: 20 }, () => login(server.url)));
  const tokens = answers.map((answer) => (answer.body as { accessToken: string }).accessToken);
  expect(new Set(tokens).size).toBe(20);
  const uses = await Promise.all(tokens.map((token) => getSubtasks(server.url, exampleTaskId, '', { app_key: credentials.app_key, authorization: `Bearer ${token}` })));
  expect(uses.filter((use) => use.status === 200)).toHaveLength(1);
  expect(uses.filter((use) => use.status === 403)).toHaveLength(19);
  expect(server.stats()).toMatchObject({ logins: 20, invalidToken: 19 });
});
