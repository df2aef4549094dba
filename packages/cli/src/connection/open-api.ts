// Connection → UpgradeApi. The test hook IODM_NORTHBOUND_API_MODULE names an ES module whose
// default export returns an UpgradeApi (the CLI's own tests use it to drive commands against
// the simulator before `--mock` is wired); it is not a user-facing option.
import { pathToFileURL } from 'node:url';
import { ClientUpgradeApi } from '../api/client-api.js';
import type { UpgradeApi } from '../api/upgrade-api.js';
import { NotWiredError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { ConnectionFlags } from './connection-options.js';
import { resolveConnection } from './resolve-connection.js';

export const API_MODULE_HOOK = 'IODM_NORTHBOUND_API_MODULE';

export async function openApi(flags: ConnectionFlags, io: CliIo): Promise<UpgradeApi> {
  const hook = io.env[API_MODULE_HOOK];
  if (hook) {
    const module = (await import(pathToFileURL(hook).href)) as { default: (flags: ConnectionFlags) => UpgradeApi | Promise<UpgradeApi> };
    return module.default(flags);
  }
  const connection = resolveConnection(flags, io.env);
  if (connection.kind === 'mock') {
    io.stderr.write('iodm-northbound: --mock: using an embedded simulator, not a platform\n');
    throw new NotWiredError('--mock is not wired yet (the embedded simulator waits for the mock-server wiring)');
  }
  return new ClientUpgradeApi(connection);
}
