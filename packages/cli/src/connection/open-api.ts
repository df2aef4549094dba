// Connection → UpgradeApi: a platform through the client, or `--mock`'s embedded mock.
import { ClientUpgradeApi } from '../api/client-api.js';
import type { UpgradeApi } from '../api/upgrade-api.js';
import type { CliIo } from '../io.js';
import type { ConnectionFlags } from './connection-options.js';
import { openEmbeddedMock } from './embedded-mock.js';
import { resolveConnection } from './resolve-connection.js';

export async function openApi(flags: ConnectionFlags, io: CliIo): Promise<UpgradeApi> {
  const connection = resolveConnection(flags, io.env);
  if (connection.kind === 'mock') return openEmbeddedMock(io);
  return new ClientUpgradeApi(connection);
}
