// Mock servers a test file starts, closed after each test with every CLI the in-process harness
// still runs: a failed assertion must not leave a mock serving.
import { afterEach } from 'vitest';
import { startMockServer, type MockServer, type MockServerOptions } from '../src/index.js';
import { stopAllClis } from './cli-harness.js';

/** Call at the top of a test file: the returned function starts a mock that is closed after the test. */
export function mocksClosedAfterEach(): (options?: MockServerOptions) => Promise<MockServer> {
  const servers: MockServer[] = [];
  afterEach(async () => {
    await Promise.all([...servers.splice(0).map((server) => server.close()), stopAllClis()]);
  });
  return async (options = {}) => {
    const server = await startMockServer(options);
    servers.push(server);
    return server;
  };
}
