// The built bin end to end, as a user runs it (a child process): what only the executable adds to
// runCli — the streams, the environment, the exit code. Everything else is tested in-process.
import { startMockServer } from '@iodm-northbound/mock-server';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runBin, useRealMockEnv } from './support.js';

const env = useRealMockEnv();

describe('the iodm-northbound executable', () => {
  it('--help: the usage, every command listed, on stdout with exit 0', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Usage: iodm-northbound');
    for (const command of ['tasks', 'task', 'subtasks', 'watch', 'create', 'mock']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('exports subtasks from the platform its environment names (the real mock) as CSV', async () => {
    const result = await runBin(['subtasks', 'paged-150', '--format', 'csv'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(parse(result.stdout, { columns: true })).toHaveLength(150);
  });

  it('exits 3 with one line when the platform cannot be reached', async () => {
    const closed = await startMockServer();
    const url = closed.url;
    await closed.close();
    const result = await runBin(['subtasks', 'paged-3'], { ...env, NORTHBOUND_BASE_URL: url });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/could not reach the platform/);
  });
});
