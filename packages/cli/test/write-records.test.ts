// The formats stream: rows are pulled from the async iterable only as fast as the output takes
// them (backpressure), so an export of 100 000 rows holds a bounded number of rows at any time.
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SUBTASK_COLUMNS } from '../src/output/columns.js';
import { writeRecords, type Format } from '../src/output/write-records.js';
import type { SubtaskInfo } from '../src/api/upgrade-api.js';

function subtask(n: number): SubtaskInfo {
  return {
    subOperationId: `sub-${n}`,
    createTime: '20260101T080000Z',
    operateType: 'firmware_upgrade',
    deviceId: `device-${n}`,
    status: n % 10 === 0 ? 'fail' : 'success',
    detailInfo: n % 10 === 0 ? 'Timeout: "quoted", with a comma\nand a newline' : 'Upgrade succeeded.',
  };
}

/** A slow consumer that counts what it got; records how far the producer ever ran ahead. */
function slowSink() {
  const state = { produced: 0, consumedBytes: 0, lines: 0, maxAhead: 0, text: '' as string | undefined };
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      state.consumedBytes += chunk.length;
      state.lines += chunk.toString().split('\n').length - 1;
      setImmediate(done); // asynchronous: lets backpressure build
    },
  });
  return { sink, state };
}

describe('writeRecords', () => {
  it.each<Format>(['csv', 'ndjson', 'json'])('%s: streams 100 000 rows with backpressure', async (format) => {
    const { sink, state } = slowSink();
    let written = 0;
    const counting = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, encoding, done) {
        written = state.lines;
        sink.write(chunk, encoding, done as () => void);
      },
    });
    async function* rows() {
      for (let n = 0; n < 100_000; n++) {
        state.produced++;
        state.maxAhead = Math.max(state.maxAhead, state.produced - written);
        yield subtask(n);
      }
    }
    const count = await writeRecords(rows(), SUBTASK_COLUMNS, format, counting);
    expect(count).toBe(100_000);
    // The producer never ran more than a few buffers ahead of the consumer (not 100 000 rows).
    expect(state.maxAhead).toBeLessThan(2_000);
  });

  it('csv: quotes what needs quoting, so a parser reads back the same values', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => {
      chunks.push(chunk);
      done();
    } });
    async function* rows() {
      for (let n = 0; n < 25; n++) yield subtask(n);
    }
    await writeRecords(rows(), SUBTASK_COLUMNS, 'csv', sink);
    const parsed = parse(Buffer.concat(chunks), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(25);
    expect(parsed[0]).toMatchObject({ deviceId: 'device-0', status: 'fail', detailInfo: subtask(0).detailInfo, startTime: '' });
    expect(parsed[1]!.detailInfo).toBe('Upgrade succeeded.');
  });

  it('no rows: json [], a table (none), csv only its header, ndjson nothing', async () => {
    for (const [format, expected] of [['json', '[]\n'], ['table', '(none)\n'], ['ndjson', ''], ['csv', 'deviceId,status,detailInfo,subOperationId,operateType,createTime,startTime,stopTime\n']] as const) {
      const chunks: string[] = [];
      const sink = new Writable({ write: (chunk: Buffer, _e, done) => {
        chunks.push(chunk.toString());
        done();
      } });
      await writeRecords((async function* () {})(), SUBTASK_COLUMNS, format, sink);
      expect(chunks.join('')).toBe(expected);
    }
  });
});
