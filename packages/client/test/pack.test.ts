// The package as a consumer gets it: `npm pack` the client and the types, install both tarballs
// into a scratch project outside the workspace, compile against them with `tsc --strict`, check
// that a wrong call does not compile, and run the result.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const typesDir = fileURLToPath(new URL('../../types', import.meta.url));
const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// The npm_* variables of an enclosing `npm run` would point the nested npm at this workspace.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));

let scratch: string;

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function pack(packageDir: string): Promise<string> {
  const [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', scratch], packageDir)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return join(scratch, packed!.filename);
}

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tscBin, '-p', project], { cwd: scratch });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

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

const tsconfig = (file: string) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM'],
      types: [],
      outDir: 'out',
      skipLibCheck: false,
    },
    files: [file],
  });

describe('packed tarball in a scratch project', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'northbound-pack-'));
    const tarballs = [await pack(typesDir), await pack(clientDir)];
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch-consumer', private: true, type: 'module' }));
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', ...tarballs], scratch);
    await writeFile(join(scratch, 'main.ts'), consumerSource);
    await writeFile(join(scratch, 'wrong.ts'), wrongSource);
    await writeFile(join(scratch, 'tsconfig.json'), tsconfig('main.ts'));
    await writeFile(join(scratch, 'tsconfig.wrong.json'), tsconfig('wrong.ts'));
  }, 240_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('ships only dist, src (the sources its maps name), README, LICENSE and package.json, with ESM, .d.ts and an exports map', async () => {
    const installed = join(scratch, 'node_modules/@iodm-northbound/client');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.type).toBe('module');
    expect(manifest.exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './redis': { types: './dist/redis/index.d.ts', default: './dist/redis/index.js' },
      './package.json': './package.json',
    });
    expect((await readdir(installed)).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json', 'src']);
    expect(await readdir(join(installed, 'dist'))).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'client.js', 'client.d.ts']));
  });

  it('imports nothing at runtime that package.json does not declare', async () => {
    const installed = join(scratch, 'node_modules/@iodm-northbound/client');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    // ioredis, for the ./redis subpath only: an optional peer dependency.
    expect(manifest.peerDependenciesMeta).toEqual({ ioredis: { optional: true } });
    const files = (await readdir(join(installed, 'dist'), { recursive: true })).filter((file) => /\.(js|d\.ts)$/.test(file));
    const imported = new Set<string>();
    for (const file of files) {
      const source = await readFile(join(installed, 'dist', file), 'utf8');
      for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!;
        if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].sort()).toEqual([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)].sort());
  });

  it('compiles a consumer with tsc --strict and runs it', async () => {
    const compiled = await tsc('tsconfig.json');
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);
    const { stdout } = await run(process.execPath, [join(scratch, 'out/main.js')], { cwd: scratch });
    expect(JSON.parse(stdout)).toEqual({
      failed: ['timeout'],
      totalCount: 1,
      caught: 'TaskNotFoundError 404 123009',
      created: '2018-11-26T08:00:00.000Z',
    });
  });

  it('refuses to compile wrong calls, each on its own line', async () => {
    const compiled = await tsc('tsconfig.wrong.json');
    expect(compiled.code).not.toBe(0);
    const firstWrongLine = wrongSource.split('\n').indexOf(wrongCalls[0]!) + 1;
    const failingLines = new Set([...compiled.output.matchAll(/wrong\.ts\((\d+),\d+\): error TS\d+/g)].map((match) => Number(match[1])));
    expect([...failingLines].sort((a, b) => a - b)).toEqual(wrongCalls.map((_, i) => firstWrongLine + i));
  });
});
