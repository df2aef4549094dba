// `npm start`: after the build, starts the mock of the northbound API on 127.0.0.1:4010 (or the
// next free port), runs one real query through the client against it, prints the answer and how
// to call the mock, then keeps serving until Ctrl-C.
import { createNorthboundClient } from '@iodm-northbound/client';
import { MockServerStartError, startMockServer } from '@iodm-northbound/mock-server';

const FIRST_PORT = 4010;
const PORTS_TO_TRY = 20;
const APP_ID = '3RQ9UnhymV409MfKPuiin75XroQa';
const SECRET = '9zsPMbVqUe6pQe4eaWHG8DaeR6oa';
const OPERATION_ID = '5bf3a8c7e1d2f40001a3b4c5';
const SUBTASKS = (operationId) => `/iodm/northbound/v1.5.0/operations/${operationId}/subOperations`;

const logger = {
  info: (message) => console.log(`  [mock] ${message}`),
  warn: (message) => console.warn(`  [mock] warning: ${message}`),
  error: (message) => console.error(`  [mock] error: ${message}`),
};

async function startOnFirstFreePort() {
  for (let port = FIRST_PORT; port < FIRST_PORT + PORTS_TO_TRY; port++) {
    try {
      return await startMockServer({ port, logger });
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
try {
  const page = await client.querySubTasks(OPERATION_ID, { pageNo: 0, pageSize: 10 });
  console.log(`\nclient.querySubTasks('${OPERATION_ID}') returned ${page.data.length} of ${page.totalCount} subtasks:\n`);
  for (const subtask of page.data) {
    console.log(`  ${subtask.deviceId}  ${subtask.status.padEnd(10)}  ${subtask.createTime}  ${subtask.detailInfo ?? ''}`);
  }
  console.log(`\n${JSON.stringify(page, null, 2)}`);
  const all = await client.listSubTasks('paged-23', { pageSize: 10 }).toArray();
  console.log(`\nclient.listSubTasks('paged-23', { pageSize: 10 }).toArray() walked the pages: ${all.length} subtasks`);
} catch (error) {
  console.error(`\nThe query through the client failed: ${error?.name}: ${error?.message}`);
  await stop('error', 1);
}

console.log(`
How to call it
--------------
curl (the example token below is accepted because this mock never issued it; a token a login
here returns works until the next login or refresh of the same appId, as on the platform):

  curl -s -X POST ${mock.url}/iocm/app/sec/v1.1.0/login -d 'appId=${APP_ID}&secret=${SECRET}'

  curl -s '${mock.url}${SUBTASKS(OPERATION_ID)}?pageNo=0&pageSize=10' \\
    -H 'app_key: ${APP_ID}' -H 'Authorization: Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b'

  # any documented answer, by name or status (see packages/mock-server/README.md):
  curl -s -i '${mock.url}${SUBTASKS(OPERATION_ID)}' \\
    -H 'app_key: ${APP_ID}' -H 'Authorization: Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' \\
    -H 'Prefer: example=TaskNotFound'

  # the platform's own errors: no token -> 403/1010005, pageSize=101 -> 400/123029
  curl -s '${mock.url}${SUBTASKS(OPERATION_ID)}' -H 'app_key: ${APP_ID}'
  curl -s '${mock.url}${SUBTASKS(OPERATION_ID)}?pageSize=101' \\
    -H 'app_key: ${APP_ID}' -H 'Authorization: Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b'

  # a task of 23 subtasks to page through: operationId paged-23
  curl -s '${mock.url}${SUBTASKS('paged-23')}?pageNo=2&pageSize=10' \\
    -H 'app_key: ${APP_ID}' -H 'Authorization: Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b'

client (TypeScript / Node ESM):

  import { createNorthboundClient } from '@iodm-northbound/client';

  const client = createNorthboundClient({ baseUrl: '${mock.url}', appId: '${APP_ID}', secret: '${SECRET}' });
  const page = await client.querySubTasks('${OPERATION_ID}', { pageNo: 0, pageSize: 10 });
  for await (const subtask of client.listSubTasks('paged-23')) console.log(subtask.deviceId, subtask.status);

in a test setup:

  import { startMockServer } from '@iodm-northbound/mock-server';
  const mock = await startMockServer();   // 127.0.0.1, a free port; mock.url
  await mock.close();

Serving until Ctrl-C.
`);
