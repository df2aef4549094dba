// What `npm start` prints under "How to call it": the shell commands as data, so that
// tools/printed-commands runs every one of them against a live mock exactly as printed.
import { operationConstraints, pagingOf } from '@iodm-northbound/spec/constraints';

// The subtask query's path and page-size limit from the spec's table: a spec change reaches the guide.
const SUBTASKS = (operationId) => operationConstraints.queryUpgradeSubTask.path.replace('{operationId}', operationId);
const PAGE_SIZE_OVER = pagingOf('queryUpgradeSubTask').pageSize.maximum + 1;
/** A token the mock never issued: accepted, so fixed test tokens work (packages/mock-server/README.md). */
const EXAMPLE_TOKEN = '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b';

/**
 * The shell part of the guide: each section an introduction and its lines (`#` comments, `\`
 * continuations, `export` lines that set what the later lines read).
 * @param {{ url: string, appId: string, secret: string, operationId: string, campaignId: string }} mock
 * @returns {Array<{ intro: string, lines: string[] }>}
 */
export function shellGuide({ url, appId, secret, operationId, campaignId }) {
  const auth = `-H 'app_key: ${appId}' -H 'Authorization: Bearer ${EXAMPLE_TOKEN}'`;
  return [
    {
      intro: 'the operator CLI against this mock (NORTHBOUND_SECRET, never a flag):',
      lines: [
        `export NORTHBOUND_BASE_URL=${url} NORTHBOUND_APP_ID=${appId} NORTHBOUND_SECRET=${secret}`,
        'npx -p @iodm-northbound/cli iodm-northbound tasks',
        'npx -p @iodm-northbound/cli iodm-northbound watch campaign-500',
        `npx -p @iodm-northbound/cli iodm-northbound subtasks ${campaignId} --status fail --format csv --output failures.csv`,
      ],
    },
    {
      intro:
        'curl (the example token below is accepted because this mock never issued it; a token a login\n' +
        'here returns works until the next login or refresh of the same appId, as on the platform):',
      lines: [
        `curl -s -X POST ${url}/iocm/app/sec/v1.1.0/login -d 'appId=${appId}&secret=${secret}'`,
        '',
        `curl -s '${url}${SUBTASKS(operationId)}?pageNo=0&pageSize=10' \\`,
        `  ${auth}`,
        '',
        '# any documented answer, by name or status (see packages/mock-server/README.md):',
        `curl -s -i '${url}${SUBTASKS(operationId)}' \\`,
        `  ${auth} \\`,
        `  -H 'Prefer: example=TaskNotFound'`,
        '',
        `# the platform's own errors: no token -> 403/1010005, pageSize=${PAGE_SIZE_OVER} -> 400/123029`,
        `curl -s '${url}${SUBTASKS(operationId)}' -H 'app_key: ${appId}'`,
        `curl -s '${url}${SUBTASKS(operationId)}?pageSize=${PAGE_SIZE_OVER}' \\`,
        `  ${auth}`,
        '',
        '# a task of 23 subtasks to page through: operationId paged-23',
        `curl -s '${url}${SUBTASKS('paged-23')}?pageNo=2&pageSize=10' \\`,
        `  ${auth}`,
      ],
    },
  ];
}

/** The guide as printed: the shell sections, then the client and the test-setup snippets. */
export function printedGuide(mock) {
  const shell = shellGuide(mock)
    .map(({ intro, lines }) => `${intro}\n\n${lines.map((line) => (line === '' ? '' : `  ${line}`)).join('\n')}\n`)
    .join('\n');
  return `
How to call it
--------------
${shell}
client (TypeScript / Node ESM):

  import { createNorthboundClient } from '@iodm-northbound/client';

  const client = createNorthboundClient({ baseUrl: '${mock.url}', appId: '${mock.appId}', secret: '${mock.secret}' });
  const page = await client.querySubTasks('${mock.operationId}', { pageNo: 0, pageSize: 10 });
  for await (const subtask of client.listSubTasks('paged-23')) console.log(subtask.deviceId, subtask.status);

in a test setup:

  import { startMockServer } from '@iodm-northbound/mock-server';
  const mock = await startMockServer();   // 127.0.0.1, a free port; mock.url
  await mock.close();

Serving until Ctrl-C.
`;
}
