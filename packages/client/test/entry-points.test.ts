// The main entry point must not load the Redis library (an optional peer dependency); only the
// `./redis` subpath does; and loading it must not load Node's bundled undici. Checked in a fresh
// Node process against the built package.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function loadsIoredis(specifiers: string[]): Promise<boolean> {
  const script = `
    import { createRequire } from 'node:module';
    for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(cache.some((path) => path.includes('/node_modules/ioredis/')));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url).pathname });
  return stdout.trim() === 'true';
}

describe('entry points', () => {
  it('importing @iodm-northbound/client does not load ioredis', async () => {
    expect(await loadsIoredis(['@iodm-northbound/client'])).toBe(false);
  });

  it('importing @iodm-northbound/client/redis does (so the check above can tell)', async () => {
    expect(await loadsIoredis(['@iodm-northbound/client/redis'])).toBe(true);
  });
});

describe('the fetch the client sends with', () => {
  // Touching a fetch global (Response, Request, Headers) while the client loads would load Node's
  // bundled undici first, and its Agent would become the global dispatcher that the undici
  // package's fetch then drives: two undici versions in one request.
  it('importing @iodm-northbound/client leaves the Agent of the undici package as the global dispatcher', async () => {
    const script = `
      await import('@iodm-northbound/client');
      const { getGlobalDispatcher, Agent } = await import('undici');
      console.log(getGlobalDispatcher() instanceof Agent);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url).pathname });
    expect(stdout.trim()).toBe('true');
  });
});
