// One process of a fleet: a client of the built package making `calls` subtask queries against
// one appId. Started by run-fleet.mjs with fork(); told when to start ("go") so that the fleet
// starts together; reports every call's outcome back over IPC.
import { createNorthboundClient } from '@iodm-northbound/client';
import { createRedisCoordinator } from '@iodm-northbound/client/redis';

const config = JSON.parse(process.argv[2]);
const send = (message) => new Promise((resolve) => process.send(message, resolve));

// mode "hang-in-login": the login goes to the mock, but its answer never reaches the client,
// so this process holds the shared login lock until the parent kills it.
const hangInLogin = async (request) => {
  const response = await fetch(request);
  if (new URL(request.url).pathname.endsWith('/login')) {
    await send({ event: 'in-login' });
    return new Promise(() => {});
  }
  return response;
};

const coordinator = config.redisUrl
  ? createRedisCoordinator({ url: config.redisUrl, ...(config.lockTtlMs && { lockTtlMs: config.lockTtlMs }) })
  : undefined;
const client = createNorthboundClient(
  { baseUrl: config.baseUrl, appId: config.appId, secret: config.secret },
  {
    ...(coordinator && { coordinator }),
    ...(config.rateLimit && { rateLimit: config.rateLimit }),
    ...(config.mode === 'hang-in-login' && { fetch: hangInLogin }),
    timeoutMs: config.timeoutMs ?? 30_000,
  },
);

const go = new Promise((resolve) => process.once('message', resolve));
await send({ event: 'ready' });
await go;
const results = [];
let next = 0;
// `concurrency` calls at a time (default 4), so that the fleet's demand exceeds the budget even
// when a loaded machine makes each call slow.
async function lane() {
  while (next < config.calls) {
    next++;
    const startedAt = Date.now();
    try {
      await client.querySubTasks(config.operationId, { pageSize: 10 });
      results.push({ ok: true, startedAt, endedAt: Date.now() });
    } catch (error) {
      results.push({ ok: false, error: error?.name ?? String(error), message: String(error?.message ?? error), startedAt, endedAt: Date.now() });
    }
    if (config.pauseMs) await new Promise((resolve) => setTimeout(resolve, config.pauseMs));
  }
}
await Promise.all(Array.from({ length: config.concurrency ?? 4 }, lane));
await send({ event: 'done', results });
await client.close();
await coordinator?.close();
process.exit(0);
