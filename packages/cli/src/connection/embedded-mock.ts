// `--mock`: the simulator-backed mock server started in this process on loopback (a free port),
// and the CLI's usual client over it, so every command takes the same path as against a platform.
import { ClientUpgradeApi } from '../api/client-api.js';
import type { UpgradeApi } from '../api/upgrade-api.js';
import type { CliIo } from '../io.js';

/** Any credentials do: the mock issues a token to whoever logs in. */
const MOCK_APP_ID = 'iodm-northbound-embedded-mock';
const MOCK_SECRET = 'embedded-mock-secret';

export async function openEmbeddedMock(io: CliIo): Promise<UpgradeApi> {
  const { startMockServer } = await import('@iodm-northbound/mock-server');
  const server = await startMockServer({ host: '127.0.0.1', port: 0 });
  io.stderr.write(`iodm-northbound: --mock: using an embedded simulator-backed mock at ${server.url}, not a platform\n`);
  const api = new ClientUpgradeApi({ baseUrl: server.url, appId: MOCK_APP_ID, secret: MOCK_SECRET });
  return {
    listTasks: (query, signal) => api.listTasks(query, signal),
    getTask: (operationId, signal) => api.getTask(operationId, signal),
    listSubTasks: (operationId, query, signal) => api.listSubTasks(operationId, query, signal),
    createTask: (kind, input, signal) => api.createTask(kind, input, signal),
    listPackages: (query, signal) => api.listPackages(query, signal),
    getPackage: (fileId, signal) => api.getPackage(fileId, signal),
    deletePackage: (fileId, signal) => api.deletePackage(fileId, signal),
    async close() {
      try {
        await api.close?.();
      } finally {
        await server.close();
      }
    },
  };
}
