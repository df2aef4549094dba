// The client as a consumer gets it, from the pack harness's scratch project (every package
// installed from its tarball): a program compiles against it with `tsc --strict`, skipLibCheck
// off, and runs; wrong calls do not compile, each on its own line.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject } from '../../src/harness.mjs';

const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const consumerSource = `
import {
  createNorthboundClient,
  NorthboundError,
  TaskNotFoundError,
  parsePlatformTimestamp,
  type QueryUpgradeSubTaskOutDTO,
  type SubOperationInfo,
} from '@iodm-northbound/client';

const answers = (request: Request): Promise<Response> => {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/login')) {
    return Promise.resolve(Response.json({ scope: 'default', tokenType: 'bearer', expiresIn: 3600, accessToken: 'packed-token', refreshToken: 'packed-refresh' }));
  }
  if (url.pathname.includes('/missing/')) {
    return Promise.resolve(Response.json({ error_code: '123009', error_desc: 'The requested task does not exist.' }, { status: 404 }));
  }
  const pageNo = Number(url.searchParams.get('pageNo'));
  const data: SubOperationInfo[] = pageNo === 0
    ? [{ subOperationId: 's1', createTime: '20181126T080000Z', operateType: 'firmware_upgrade', deviceId: 'd1', status: 'fail', detailInfo: 'timeout' }]
    : [];
  return Promise.resolve(Response.json({ data, pageNo, pageSize: 100, totalCount: 1 }));
};

const client = createNorthboundClient({ baseUrl: 'https://203.0.113.10:8743', appId: 'app', secret: 'packed-secret' }, { fetch: answers, maxRetries: 1 });

const failed: SubOperationInfo[] = [];
for await (const subtask of client.listSubTasks('task-1', { status: 'fail' })) failed.push(subtask);
const page: QueryUpgradeSubTaskOutDTO = await client.queryUpgradeSubTask({ pageNo: 0, pageSize: 10 }, 'task-1', 'packed-token');
let caught = '';
try {
  await client.querySubTasks('missing');
} catch (error) {
  if (error instanceof TaskNotFoundError && error instanceof NorthboundError) caught = \`\${error.name} \${error.status} \${error.errorCode}\`;
}
const created: Date = parsePlatformTimestamp(failed[0]!.createTime);
console.log(JSON.stringify({ failed: failed.map((subtask) => subtask.detailInfo), totalCount: page.totalCount, caught, created: created.toISOString() }));
`;

// Each line must fail to compile on its own.
const wrongCalls = [
  `client.listSubTasks('task-1', { status: 'failed' });`,
  `client.querySubTasks(42);`,
  `createNorthboundClient({ baseUrl: 'https://x', appId: 'a', secret: 's', accessToken: 't' });`,
  `const wrongPage: string = await client.querySubTasks('task-1');`,
  `client.queryUpgradeSubTask({ pageNumber: 1 }, 'task-1', 'token');`,
];
const wrongSource = `
import { createNorthboundClient } from '@iodm-northbound/client';
const client = createNorthboundClient({ baseUrl: 'https://x', appId: 'a', accessToken: 't' });
${wrongCalls.join('\n')}
export {};
`;

// No @types: the client's declarations must stand on ES2022 and DOM alone.
const tsconfig = (file: string) =>
  JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], outDir: 'out', skipLibCheck: false },
    files: [file],
  });

let project: Awaited<ReturnType<typeof createScratchProject>>;

beforeAll(async () => {
  project = await createScratchProject();
  const install = await project.install();
  if (install.code !== 0) throw new Error(`npm install of the tarballs failed:\n${install.output}`);
  await writeFile(join(project.dir, 'main.ts'), consumerSource);
  await writeFile(join(project.dir, 'wrong.ts'), wrongSource);
  await writeFile(join(project.dir, 'tsconfig.json'), tsconfig('main.ts'));
  await writeFile(join(project.dir, 'tsconfig.wrong.json'), tsconfig('wrong.ts'));
}, 600_000);

afterAll(async () => {
  await project?.dispose();
});

describe('the packed client in a scratch project', () => {
  it('compiles a consumer with tsc --strict and runs it', async () => {
    const compiled = await project.node(tscBin, '-p', 'tsconfig.json');
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);
    const ran = await project.node('out/main.js');
    expect(ran.code, ran.output).toBe(0);
    expect(JSON.parse(ran.output)).toEqual({
      failed: ['timeout'],
      totalCount: 1,
      caught: 'TaskNotFoundError 404 123009',
      created: '2018-11-26T08:00:00.000Z',
    });
  }, 120_000);

  it('refuses to compile wrong calls, each on its own line', async () => {
    const compiled = await project.node(tscBin, '-p', 'tsconfig.wrong.json');
    expect(compiled.code).not.toBe(0);
    const firstWrongLine = wrongSource.split('\n').indexOf(wrongCalls[0]!) + 1;
    const failingLines = new Set([...compiled.output.matchAll(/wrong\.ts\((\d+),\d+\): error TS\d+/g)].map((match) => Number(match[1])));
    expect([...failingLines].sort((a, b) => a - b)).toEqual(wrongCalls.map((_, i) => firstWrongLine + i));
  }, 120_000);
});
