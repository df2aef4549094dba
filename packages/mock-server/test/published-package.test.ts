// What another team installs: the files `npm pack` puts in the tarball. Its source maps must point
// at files the tarball holds, and its types must compile in a consumer under `tsc --strict` with
// skipLibCheck off, without reaching Prism's or pino's types (pino ships none).
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let packed: string[];
let scratch: string;

beforeAll(async () => {
  // The build is the test's input (turbo builds before it tests); pack lists what would ship.
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir });
  packed = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
  scratch = await mkdtemp(join(tmpdir(), 'mock-server-consumer-'));
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the packed mock-server', () => {
  it('ships the sources its source maps name', async () => {
    const maps = packed.filter((path) => path.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(await readFile(join(packageDir, map), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const path = posix.normalize(posix.join(posix.dirname(map), source));
        if (!packed.includes(path)) missing.push(`${map} -> ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('compiles in a strict consumer with skipLibCheck off and no dependencies installed', async () => {
    const installed = join(scratch, 'node_modules', '@iodm-northbound', 'mock-server');
    for (const path of packed) {
      await mkdir(dirname(join(installed, path)), { recursive: true });
      await cp(join(packageDir, path), join(installed, path));
    }
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], types: [] },
        include: ['consumer.ts'],
      }),
    );
    await writeFile(
      join(scratch, 'consumer.ts'),
      [
        "import { startMockServer, isLoopbackHost, MockServerOptionsError, PLATFORM_ERROR_CODES, pagedTaskSize, bundledSpecPath, type MockServer, type MockServerOptions, type ContractViolation } from '@iodm-northbound/mock-server';",
        "const options: MockServerOptions = { port: 0, upstreamTimeoutMs: 1000, onViolation: (v: ContractViolation) => void v.location.join('.') };",
        'export async function start(): Promise<MockServer> { return startMockServer(options); }',
        "export const facts: [boolean, string, number | undefined, string] = [isLoopbackHost('::1'), PLATFORM_ERROR_CODES.badRequest, pagedTaskSize('paged-3'), bundledSpecPath()];",
        "export const isOptionsError = (error: unknown): boolean => error instanceof MockServerOptionsError && error.option === 'port';",
        "import { createManualClock, type MockSimulationOptions } from '@iodm-northbound/mock-server';",
        "import { CampaignSimulator, type OperationInfo } from '@iodm-northbound/mock-server/simulation';",
        'const simulation: MockSimulationOptions = { speed: 60, seed: 1, clock: createManualClock() };',
        'export const simulated = (): Promise<MockServer> => startMockServer({ simulation });',
        "export const task: OperationInfo | undefined = new CampaignSimulator(simulation).getTask('campaign-3');",
      ].join('\n'),
    );
    const result = await run(process.execPath, [tsc, '-p', join(scratch, 'tsconfig.json')], { cwd: scratch }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe('');
  }, 120_000);
});
