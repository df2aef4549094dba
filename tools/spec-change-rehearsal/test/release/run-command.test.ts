import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/run-command.js';

describe('runCommand', () => {
  it('keeps stdout and stderr and the exit code', async () => {
    const result = await runCommand(process.execPath, ['-e', "process.stdout.write('out;'); process.stderr.write('err'); process.exitCode = 3"], { cwd: process.cwd() });
    expect(result).toEqual({ code: 3, output: expect.stringMatching(/^(out;err|errout;)$/) });
  });

  it('ends the whole process group when the hang guard fires', async () => {
    // The child starts a grandchild that holds the same pipes: the result comes only once both are
    // gone (a guard that killed the child alone would leave this test waiting).
    const script = "require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' }); setInterval(() => {}, 1000)";
    const result = await runCommand(process.execPath, ['-e', script], { cwd: process.cwd(), timeoutMs: 300 });
    expect(result.code).toBeNull();
  });
});
