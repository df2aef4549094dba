// `--mock`: the simulator-backed mock server started in this process on loopback (a free port),
// and the CLI's usual client over it, so every command takes the same path as against a platform.
import type { MockServer } from '@iodm-northbound/mock-server';
import { ClientUpgradeApi } from '../api/client-api.js';
import type { UpgradeApi } from '../api/upgrade-api.js';
import type { CliIo } from '../io.js';

/** Any credentials do: the mock issues a token to whoever logs in. */
const MOCK_APP_ID = 'iodm-northbound-embedded-mock';
const MOCK_SECRET = 'embedded-mock-secret';

/** The usual client over the embedded mock: every call as against a platform; closing it stops the mock too. */
class EmbeddedMockApi extends ClientUpgradeApi {
  readonly #server: MockServer;

  constructor(server: MockServer) {
    super({ baseUrl: server.url, appId: MOCK_APP_ID, secret: MOCK_SECRET });
    this.#server = server;
  }

  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      await this.#server.close();
    }
  }
}

export async function openEmbeddedMock(io: CliIo): Promise<UpgradeApi> {
  const { startMockServer } = await import('@iodm-northbound/mock-server');
  const server = await startMockServer({ host: '127.0.0.1', port: 0 });
  io.stderr.write(`iodm-northbound: --mock: using an embedded simulator-backed mock at ${server.url}, not a platform\n`);
  return new EmbeddedMockApi(server);
}
