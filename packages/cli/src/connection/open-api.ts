// Connection → UpgradeApi: a platform through the client, or `--mock`'s embedded mock. The test
// hook IODM_NORTHBOUND_API_MODULE names an ES module whose default export returns an UpgradeApi
// (the CLI's own tests use it to drive commands against an in-process simulator); it is not a
// user-facing option.
import { pathToFileURL } from 'node:url';
import { ClientUpgradeApi } from '../api/client-api.js';
import type { UpgradeApi } from '../api/upgrade-api.js';
import type { CliIo } from '../io.js';
import type { ConnectionFlags } from './connection-options.js';
import { openEmbeddedMock } from './embedded-mock.js';
import { resolveConnection } from './resolve-connection.js';

export const API_MODULE_HOOK = 'IODM_NORTHBOUND_API_MODULE';

export async function openApi(flags: ConnectionFlags, io: CliIo): Promise<UpgradeApi> {
  const hook = io.env[API_MODULE_HOOK];
  if (hook) {
    const module = (await import(pathToFileURL(hook).href)) as { default: (flags: ConnectionFlags) => UpgradeApi | Promise<UpgradeApi> };
    return module.default(flags);
  }
  const connection = resolveConnection(flags, io.env);
  if (connection.kind === 'mock') return openEmbeddedMock(io);
  return new ClientUpgradeApi(connection);
}
