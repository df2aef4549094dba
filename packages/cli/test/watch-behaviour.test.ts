// What people expect of watch: durations with units, --timeout with its own exit code, plain
// lines only on change plus a heartbeat, a progress line that fits 80 and 120 columns with its
// ETA and no placeholders, colour that NO_COLOR removes and FORCE_COLOR forces, and an export
// hint for every status that did not succeed.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SubtaskInfo, TaskInfo, TaskStatus, UpgradeApi } from '../src/api/upgrade-api.js';
import { EXIT } from '../src/errors.js';
import { colourEnabled, paintStatus } from '../src/output/colour.js';
import { duration } from '../src/program/parsers.js';
import { specSchema } from '../src/program/spec-options.js';
import { renderFailureSummary, summarizeFailures } from '../src/watch/failure-summary.js';
import { fitProgressLine, HEARTBEAT_MS, plainRenderer } from '../src/watch/progress-renderer.js';
import { FINISHED } from '../src/watch/watch-task.js';
import { runInProcess, simulatedApi } from './support.js';

function task(ended: number, status: TaskInfo['status'] = 'processing', total = 200_000): TaskInfo {
  const fail = Math.floor(ended / 5);
  return { operationId: 'campaign-200000', status, staResult: { total, success: ended - fail - 7, fail, stop: 7, timeout: 12_345, processing: 12_000, wait: total - ended - 12_000 } };
}

describe('the states a watch ends on', () => {
  it("are the spec's task states, by type (tsc checks this file) and by value", () => {
    // A set of plain strings would let a state renamed in openapi/ pass tsc and the watch never end.
    expectTypeOf(FINISHED).toEqualTypeOf<ReadonlySet<TaskStatus>>();
    const states = specSchema('queryUpgradeTaskList', 'operationStatus').enum;
    for (const state of FINISHED) expect(states).toContain(state);
  });
});

describe('durations', () => {
  it('take a unit; a bare number is refused with a message saying to add one', () => {
    expect([duration('5s'), duration('500ms'), duration('2m'), duration('1.5h')]).toEqual([5_000, 500, 120_000, 5_400_000]);
    expect(() => duration('5000')).toThrow("'5000' has no unit: add one (e.g. 5000s, 5000ms, 5000m).");
    expect(() => duration('50ms')).toThrow(/at least 100ms/);
  });

  it('--interval 5000 is a usage error, and --help shows the default as written', async () => {
    const result = await runInProcess(['watch', 'campaign-3', '--interval', '5000'], { api: simulatedApi() });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/'5000' has no unit/);
    expect((await runInProcess(['watch', '--help'])).stdout).toMatch(/--interval <duration>\s+time between polls, with a unit: 5s, 500ms, 1m\s+\(default: 5s\)/);
  });
});

describe('watch --timeout', () => {
  it('a task that has not ended in time: its own exit code and a line with the status, no summary', async () => {
    const result = await runInProcess(['watch', 'campaign-5000', '--interval', '100ms', '--timeout', '300ms'], { api: simulatedApi({ speed: 0.001 }) });
    expect(result.code).toBe(EXIT.watchTimedOut);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/^iodm-northbound: watch: campaign-5000 has not ended after 300ms \(--timeout\): (wait|processing), \d+\/5000 ended; the task goes on$/);
    expect(result.stdout).toBe('');
  });
});

describe('plain progress (not a terminal)', () => {
  it('a line when something changes, otherwise at most one a minute', () => {
    let written = '';
    let clock = 0;
    const out = {
      write(text: string) {
        written += text;
        return true;
      },
    };
    const renderer = plainRenderer(out as unknown as NodeJS.WritableStream, () => clock);
    const lines = () => written.trimEnd().split('\n').length;
    renderer.update(task(0), { perMinute: undefined, etaMs: undefined });
    expect(written).toBe('00:00:00 campaign-200000 processing: 0/200000 ended, success -7 fail 0 (timeout 12345) stop 7 processing 12000 wait 188000\n');
    for (clock = 5_000; clock < HEARTBEAT_MS; clock += 5_000) renderer.update(task(0), { perMinute: 10, etaMs: clock });
    expect(lines()).toBe(1); // the same counts, a new rate: not a change
    renderer.update(task(0), { perMinute: 10, etaMs: 1_000 });
    expect(lines()).toBe(2); // the heartbeat, a minute on
    clock += 1_000;
    renderer.update(task(10), { perMinute: 10, etaMs: 60_000 });
    expect(written.trimEnd().split('\n').at(-1)).toMatch(/10\/200000 ended, .*, 10\/min, ETA 1m00s$/);
  });
});

describe('the progress bar line', () => {
  it.each([80, 120])('fits %i columns with its ETA, as counts grow', (columns) => {
    for (const ended of [0, 1_234, 99_999, 200_000]) {
      const { text, barSize } = fitProgressLine(task(ended), { perMinute: 4_321, etaMs: 3_725_000 }, columns, false);
      expect(barSize + 1 + text.length).toBeLessThan(columns);
      expect(barSize).toBeGreaterThanOrEqual(10);
      expect(text).toMatch(/ETA 1h02m$/);
    }
  });

  it('shows the most detail that fits', () => {
    expect(fitProgressLine(task(1_234), { perMinute: 60, etaMs: 65_000 }, 180, false).text).toBe(
      '0% 1234/200000 | processing | success 981 fail 246 (timeout 12345) stop 7 processing 12000 wait 186766 | 60/min | ETA 1m05s',
    );
    expect(fitProgressLine(task(1_234), { perMinute: 60, etaMs: 65_000 }, 80, false).text).toBe('0% 1234/200000 processing | ok 981 fail 246 stop 7 | ETA 1m05s');
  });

  it('the first frame: no rate or ETA until they are known', () => {
    const { text } = fitProgressLine(task(0), { perMinute: undefined, etaMs: undefined }, 120, false);
    expect(text).not.toMatch(/\?|ETA|\/min/);
  });

  it('colours the status, leaving the width as it was', () => {
    const plain = fitProgressLine(task(5), { perMinute: 1, etaMs: 1_000 }, 80, false);
    const painted = fitProgressLine(task(5), { perMinute: 1, etaMs: 1_000 }, 80, true);
    expect(painted.text).toBe(plain.text.replace('processing', '\u001b[36mprocessing\u001b[39m'));
    expect(painted.barSize).toBe(plain.barSize);
  });
});

describe('colour', () => {
  it('on a terminal; NO_COLOR removes it, FORCE_COLOR forces it, TERM=dumb has none', () => {
    const terminal = { isTTY: true };
    expect(colourEnabled(terminal, {})).toBe(true);
    expect(colourEnabled(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(terminal, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled(terminal, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(terminal, { FORCE_COLOR: '0' })).toBe(true);
    expect(colourEnabled(terminal, { FORCE_COLOR: '0', NO_COLOR: '1' })).toBe(false);
    expect(paintStatus('fail', true)).toBe('\u001b[31mfail\u001b[39m');
    expect(paintStatus('fail', false)).toBe('fail');
  });
});

describe('the export hint', () => {
  it('names every status that did not succeed', () => {
    const text = renderFailureSummary('op-1', [
      { status: 'fail', cause: 'Timeout', count: 2, examples: ['d1', 'd2'] },
      { status: 'stop', cause: 'Stopped', count: 1, examples: ['d3'] },
    ]);
    expect(text).toContain('Export them: iodm-northbound subtasks op-1 --status fail --format csv --output fail.csv\n');
    expect(text).toContain('             iodm-northbound subtasks op-1 --status stop --format csv --output stop.csv\n');
  });
});

describe('the failure summary of a hostile platform', () => {
  it('keeps at most 20 causes of at most 80 characters, the rest counted under (other causes)', async () => {
    const asked: string[] = [];
    const api = {
      async *listSubTasks(_operationId: string, query: { status?: string }) {
        asked.push(query.status ?? '');
        if (query.status !== 'fail') return;
        for (let n = 0; n < 1_000; n++) yield { deviceId: `d${n}`, status: 'fail', detailInfo: `cause ${n % 50} ${'x'.repeat(200)}` } as SubtaskInfo;
      },
    } as unknown as UpgradeApi;
    const groups = await summarizeFailures(api, 'op-1');
    expect(asked).toEqual(['wait', 'processing', 'fail', 'stop']); // every status of the contract but success
    expect(groups).toHaveLength(21);
    expect(groups.every((group) => group.cause.length <= 80 && group.examples.length <= 3)).toBe(true);
    expect(groups.find((group) => group.cause === '(other causes)')!.count).toBe(600);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(1_000);
  });
});
