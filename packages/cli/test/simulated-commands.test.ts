// The commands that read through the UpgradeApi, run in-process with the mock-server's real campaign
// simulator injected as the platform (controllable; `--mock` itself goes through HTTP, see
// mock-command.test.ts).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CampaignSimulator } from '@iodm-northbound/mock-server/simulation';
import { runCli } from '../src/main.js';
import { runInProcess, simulatedApi, testIo } from './support.js';

const run = (args: readonly string[], simulation: Parameters<typeof simulatedApi>[0] = {}) => runInProcess(args, { api: simulatedApi(simulation) });

/** The final state of ready-made campaign `id` for a seed, straight from the simulator. */
function finalTask(id: string, seed: number) {
  const clock = { now: () => 0 };
  const simulator = new CampaignSimulator({ seed, clock });
  clock.now = () => 10 * 3_600_000;
  return simulator.getTask(id)!;
}

describe('commands over the UpgradeApi (simulated platform)', () => {
  it('task: shows counts that add up, as JSON and as a table', async () => {
    const json = await run(['task', 'campaign-500', '--format', 'json'], { speed: 5 });
    expect(json.code).toBe(0);
    const task = JSON.parse(json.stdout) as { staResult: Record<string, number>; status: string };
    const { total, wait, processing, success, fail, stop } = task.staResult;
    expect(total).toBe(500);
    expect(wait! + processing! + success! + fail! + stop!).toBe(500);
    const table = await run(['task', 'campaign-500']);
    expect(table.stdout).toMatch(/operationId\s*│\s*campaign-500/);
    const missing = await run(['task', 'campaign-x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('iodm-northbound: no upgrade task has the operationId campaign-x\n');
  });

  it('tasks: lists and filters by type, in CSV and ndjson', async () => {
    const api = simulatedApi({ precreate: 5, speed: 0.0001 });
    const csv = await runInProcess(['tasks', '--format', 'csv'], { api });
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.total === '20' && row.status === 'wait')).toBe(true);
    const software = await runInProcess(['tasks', '--type', 'software_upgrade', '--format', 'ndjson'], { api });
    const records = software.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { operateType: string });
    expect(records.map((record) => record.operateType)).toEqual(['software_upgrade', 'software_upgrade']);
  });

  it('create: prints the new operationId on stdout', async () => {
    const result = await run(['create', 'firmware', '--file-id', 'fw-9', '--devices', 'a,b', '--devices', 'c']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{24}\n$/);
    const group = await run(['create', 'software', '--file-id', 'sw', '--device-group', 'g1,g2', '--device-type', 'Meter', '--model', 'M', '--manufacturer-name', 'Acme']);
    expect(group.code).toBe(0);
  });

  it('watch (not a terminal): plain progress lines on stderr, the failure summary on stdout, exit 1 when any failed', async () => {
    const expected = finalTask('campaign-400', 1);
    expect(expected.status).toBe('failed');
    const result = await run(['watch', 'campaign-400', '--interval', '200ms'], { speed: 300 });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('\u001b'); // no ANSI
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toMatch(/campaign-400 failed: 400\/400 ended, success \d+ fail \d+ \(timeout \d+\) stop \d+ processing 0 wait 0/);
    expect(lines.some((line) => / processing: /.test(line) && /\d+(\.\d)?\/min, ETA \w+/.test(line))).toBe(true);
    const failed = expected.staResult.fail + expected.staResult.stop;
    expect(result.stdout).toContain(`${failed} subtask(s) of campaign-400 did not succeed:`);
    expect(result.stdout).toMatch(/│ fail\s+│ Timeout\s+│ \d+/);
    expect(result.stdout).toContain('iodm-northbound subtasks campaign-400 --status fail --format csv');
  });

  it('watch: exit 0 when every subtask succeeded', async () => {
    let seed = 1;
    while (finalTask('campaign-3', seed).status !== 'success') seed++;
    const result = await run(['watch', 'campaign-3', '--interval', '100ms'], { speed: 600, seed });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Every subtask of campaign-3 succeeded.\n');
  });

  it('subtasks: the failures of a finished campaign export as CSV', async () => {
    const expected = finalTask('campaign-300', 2);
    // 10 simulated hours pass in the first milliseconds at this speed: the campaign has ended.
    const result = await run(['subtasks', 'campaign-300', '--status', 'fail', '--format', 'csv'], { speed: 100_000_000, seed: 2 });
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(expected.staResult.fail);
    expect(rows.filter((row) => (row.detailInfo ?? '').startsWith('Timeout'))).toHaveLength(expected.staResult.timeout);
  });

  it('watch: Ctrl-C (not a terminal) stops at once with exit 130 and a line on stderr', async () => {
    const streams = testIo();
    // A poll an hour away: only the interruption can end this run before the test's time limit.
    const running = runCli(['watch', 'campaign-5000', '--interval', '1h'], streams.io, { api: simulatedApi() });
    await streams.written('stderr', /campaign-5000/);
    streams.interrupt(); // mid-wait
    expect(await running).toBe(130);
    expect(streams.stderr()).toMatch(/iodm-northbound: interrupted\n$/);
    expect(streams.stdout()).toBe('');
  });
});
