// `npm run lint` runs Redocly through scripts/redocly.mjs: no Node 20 banner, everything else
// and the exit code unchanged.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without declarations.
import { withoutNodeBanner } from '../scripts/redocly.mjs';

const wrapper = fileURLToPath(new URL('../scripts/redocly.mjs', import.meta.url));
const run = (args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, [wrapper, ...args], { cwd: fileURLToPath(new URL('..', import.meta.url)) }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });

const banner = `
    ╔═════════════════════════════════════════════════════════════════╗
    ║                                                                 ║
    ║  Deprecation warning: Node.js 20 support is ending              ║
    ║                                                                 ║
    ║  You are using Node.js v20.20.2.                                ║
    ║                                                                 ║
    ╚═════════════════════════════════════════════════════════════════╝

`;

describe('Redocly without its Node 20 banner', () => {
  it('drops the banner and keeps every other line', () => {
    expect(withoutNodeBanner(`${banner}validating openapi.yaml...\nwarning: something real\n`)).toBe('validating openapi.yaml...\nwarning: something real\n');
    expect(withoutNodeBanner('╔══╗\n║ another box ║\n╚══╝\n')).toBe('╔══╗\n║ another box ║\n╚══╝\n');
  });

  it('lints the spec with no banner in the output', async () => {
    const { code, output } = await run(['lint', '--config', '../../redocly.yaml']);
    expect(code, output).toBe(0);
    expect(output).toContain('Your API description is valid');
    expect(output).not.toMatch(/Node\.js 20|╔/);
  }, 120_000);

  it('passes a failure through', async () => {
    const { code, output } = await run(['lint', 'no-such-file.yaml']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/no-such-file\.yaml/);
  }, 120_000);
});
