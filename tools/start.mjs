// `npm start`: after the build, starts the mock of the northbound API on 127.0.0.1:4010 (or the
// next free port) with simulated upgrade campaigns, runs one real query through the client,
// creates a firmware upgrade task and watches it to the end with the operator CLI (live progress,
// then the failure summary), exports the failures as CSV, shows which registered teams a spec edit
// breaks (the spec review's consumer check), prints how to call the mock, then keeps
// serving until Ctrl-C. The commands it prints are tools/start-guide.mjs's, which
// tools/printed-commands runs against a live mock.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createNorthboundClient } from '@iodm-northbound/client';
import { MockServerStartError, startMockServer } from '@iodm-northbound/mock-server';
import { linkWorkspaceBins } from './link-bins.mjs';
import { printedGuide } from './start-guide.mjs';

const FIRST_PORT = 4010;
const PORTS_TO_TRY = 20;
const APP_ID = '3RQ9UnhymV409MfKPuiin75XroQa';
const SECRET = '9zsPMbVqUe6pQe4eaWHG8DaeR6oa';
const OPERATION_ID = '5bf3a8c7e1d2f40001a3b4c5';
// 30 simulated seconds per real second: a 120-device rollout (about six simulated minutes) takes
// about 12 s to watch.
const SIMULATION = { speed: 30, seed: 7 };
const CAMPAIGN_DEVICES = Array.from({ length: 120 }, (_, index) => `meter-${String(index + 1).padStart(4, '0')}`);
const CLI_BIN = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));

// While a CLI child draws its progress bar on this terminal, the mock's log (same process as the
// mock, another process than the bar) is held back and printed after it ends, so that the two
// never share a line; at most MAX_HELD lines are kept, the rest counted.
const MAX_HELD = 200;
let held; // the lines held while a CLI child runs, else undefined
let heldOver = 0;
function mockLog(write, line) {
  if (held === undefined) write(line);
  else if (held.length < MAX_HELD) held.push(() => write(line));
  else heldOver++;
}
const logger = {
  info: (message) => mockLog(console.log, `  [mock] ${message}`),
  warn: (message) => mockLog(console.warn, `  [mock] warning: ${message}`),
  error: (message) => mockLog(console.error, `  [mock] error: ${message}`),
};

async function startOnFirstFreePort() {
  for (let port = FIRST_PORT; port < FIRST_PORT + PORTS_TO_TRY; port++) {
    try {
      return await startMockServer({ port, logger, simulation: SIMULATION });
    } catch (error) {
      if (error instanceof MockServerStartError && error.code === 'EADDRINUSE') {
        console.log(`port ${port} is in use, trying ${port + 1}`);
        continue;
      }
      throw error;
    }
  }
  throw new Error(`ports ${FIRST_PORT} to ${FIRST_PORT + PORTS_TO_TRY - 1} are all in use`);
}

// The bins the guide runs with `npx -p`: npm ci could not link them before dist/ existed.
await linkWorkspaceBins();
const mock = await startOnFirstFreePort();
const client = createNorthboundClient({ baseUrl: mock.url, appId: APP_ID, secret: SECRET }, { maxRetries: 0 });

let stopping = false;
async function stop(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing the mock on ${mock.url}`);
  await client.close();
  await mock.close();
  console.log('closed; the port is free');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

console.log(`\nMock of the OceanConnect northbound API listening on ${mock.url}\n`);
console.log(`A real query through @iodm-northbound/client (login, then the subtask query):\n`);
let campaignId;
try {
  const page = await client.querySubTasks(OPERATION_ID, { pageNo: 0, pageSize: 5 });
  console.log(`\nclient.querySubTasks('${OPERATION_ID}') returned ${page.data.length} of ${page.totalCount} subtasks:\n`);
  for (const subtask of page.data) {
    console.log(`  ${subtask.deviceId}  ${subtask.status.padEnd(10)}  ${subtask.createTime}  ${subtask.detailInfo ?? ''}`);
  }
  const all = await client.listSubTasks('paged-23', { pageSize: 10 }).toArray();
  console.log(`\nclient.listSubTasks('paged-23', { pageSize: 10 }).toArray() walked the pages: ${all.length} subtasks`);

  const packages = await client.queryPackages({ pageSize: 10 });
  const firmware = packages.data.find((entry) => entry.fileType === 'firmwarePackage') ?? packages.data[0];
  const created = await client.createFirmwareTask({ fileId: firmware.fileId, targets: { devices: CAMPAIGN_DEVICES } });
  campaignId = created.operationId;
  console.log(
    `\nclient.createFirmwareTask({ fileId: '${firmware.fileId}', targets: { devices: [${CAMPAIGN_DEVICES.length} meters] } })` +
      ` -> operationId ${campaignId}\n(a simulated campaign: ${SIMULATION.speed} simulated seconds per second, seed ${SIMULATION.seed})`,
  );
} catch (error) {
  console.error(`\nThe calls through the client failed: ${error?.name}: ${error?.message}`);
  await stop('error', 1);
}

const cliEnv = { ...process.env, NORTHBOUND_BASE_URL: mock.url, NORTHBOUND_APP_ID: APP_ID, NORTHBOUND_SECRET: SECRET };
// A child process, never spawnSync: the mock answering it runs in this process's event loop.
async function cli(...args) {
  held = [];
  try {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env: cliEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    const [code, signal] = await once(child, 'exit');
    return code ?? (signal ? 128 : 1);
  } finally {
    const lines = held;
    held = undefined;
    if (lines.length > 0) console.log(`  [mock] the log while the CLI ran (held back from its progress line):`);
    for (const write of lines) write();
    if (heldOver > 0) console.log(`  [mock] … and ${heldOver} more line(s)`);
    heldOver = 0;
  }
}
console.log(`\nThe operator CLI watches it to the end (progress on stderr, then the failures grouped by cause):\n`);
console.log(`$ iodm-northbound watch ${campaignId} --interval 1s`);
const watched = await cli('watch', campaignId, '--interval', '1s');
console.log(`(exit ${watched}: 0 when every subtask succeeded, 1 when any failed, stopped or timed out)`);
console.log(`\nThe failures as CSV, for whoever goes to the devices:\n`);
console.log(`$ iodm-northbound subtasks ${campaignId} --status fail --format csv`);
await cli('subtasks', campaignId, '--status', 'fail', '--format', 'csv');

// The spec review's answer to "whose client does this edit break", from the pacts in consumers/
// (tools/consumer-contracts, TypeScript run through tsx in a child process).
console.log(`\nWhich teams a spec edit breaks (the spec review's Consumers section, from consumers/):\n`);
await new Promise((resolve) => {
  const scene = fileURLToPath(new URL('./consumer-contracts/src/scene/show-field-removal.ts', import.meta.url));
  spawn(process.execPath, ['--import', 'tsx', scene], { stdio: ['ignore', 'inherit', 'inherit'] }).on('close', resolve);
});

console.log(printedGuide({ url: mock.url, appId: APP_ID, secret: SECRET, operationId: OPERATION_ID, campaignId }));
