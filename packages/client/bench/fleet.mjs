// Fleet benchmark: N worker processes, one appId, M subtask queries each, against the mock with
// its flow control on (scaled down from the platform's 100/60 s). Counted at the mock, for:
//   1. no coordination (each process on its own),
//   2. a per-process rateLimit of limit/N (budget kept, tokens not shared),
//   3. the Redis coordinator with rateLimit = the limit (shared token and budget).
// Run after a build: npm run bench:fleet -w @iodm-northbound/client  [-- --workers 8 --calls 50 --limit 100 --window-ms 10000]
import { parseArgs } from 'node:util';
import { startMockServer } from '@iodm-northbound/mock-server';
import { callsPerWindow, failuresByKind, runFleet } from './fleet/run-fleet.mjs';
import { startRedisServer } from './fleet/redis-server.mjs';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '8' },
    calls: { type: 'string', default: '50' },
    limit: { type: 'string', default: '100' },
    'window-ms': { type: 'string', default: '10000' },
  },
});
const workers = Number(values.workers);
const calls = Number(values.calls);
const throttle = { limit: Number(values.limit), windowMs: Number(values['window-ms']) };
const application = { appId: 'fleet-bench-app', secret: 'fleet-bench-secret', operationId: 'paged-1000' };

async function scenario(name, options) {
  const mock = await startMockServer({ throttle });
  try {
    const run = await runFleet({ workers, calls, baseUrl: mock.url, ...application, ...options });
    const stats = mock.stats();
    const ok = run.calls.filter((call) => call.ok).length;
    const { perWindow } = callsPerWindow(run.calls, throttle.windowMs);
    return { name, stats, ok, total: run.calls.length, perWindow, seconds: (run.endedAt - run.startedAt) / 1000, failures: failuresByKind(run.calls) };
  } finally {
    await mock.close();
  }
}

const redis = await startRedisServer();
const rows = [];
try {
  rows.push(await scenario('no coordination', {}));
  rows.push(await scenario(`rateLimit ${Math.floor(throttle.limit / workers)}/${throttle.windowMs} ms per process`, { rateLimit: { limit: Math.floor(throttle.limit / workers), windowMs: throttle.windowMs } }));
  rows.push(await scenario('Redis coordinator + rateLimit', { redisUrl: redis.url, rateLimit: throttle }));
} finally {
  await redis.stop();
}

console.log(`fleet: ${workers} processes x ${calls} queries, one appId; mock throttle ${throttle.limit} calls / ${throttle.windowMs} ms (Node ${process.version})\n`);
console.log(`| setup | logins | 1010005 | 1010009 | calls ok | ok calls per window (limit ${throttle.limit}) | run time | failed calls by kind |`);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const failures = Object.entries(row.failures).map(([kind, n]) => `${kind} ${n}`).join(', ') || '-';
  console.log(`| ${row.name} | ${row.stats.logins} | ${row.stats.invalidToken} | ${row.stats.throttled} | ${row.ok}/${row.total} | ${row.perWindow.toFixed(1)} (${((row.perWindow / throttle.limit) * 100).toFixed(0)} %) | ${row.seconds.toFixed(1)} s | ${failures} |`);
}
