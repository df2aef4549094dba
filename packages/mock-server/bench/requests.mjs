// Prints how fast the built mock starts, answers and closes. Figures only, no pass/fail:
//   npm run build -w @iodm-northbound/mock-server && node packages/mock-server/bench/requests.mjs
import { startMockServer } from '../dist/index.js';

const headers = { app_key: '3RQ9UnhymV409MfKPuiin75XroQa', authorization: 'Bearer 6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b' };
const ms = (start) => (performance.now() - start).toFixed(1);

let start = performance.now();
const first = await startMockServer();
console.log(`first start (loads the spec): ${ms(start)} ms`);
start = performance.now();
await first.close();
console.log(`close: ${ms(start)} ms`);

start = performance.now();
const mock = await startMockServer();
console.log(`later start: ${ms(start)} ms`);

async function measure(label, path, total, concurrency) {
  const url = `${mock.url}${path}`;
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status}`);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  console.log(`${label}: ${total} requests, concurrency ${concurrency}: ${(total / seconds).toFixed(0)} req/s, ${((seconds * 1000 * concurrency) / total).toFixed(2)} ms each`);
}

const subtasks = '/iodm/northbound/v1.5.0/operations/5bf3a8c7e1d2f40001a3b4c5/subOperations';
await measure('example page', subtasks, 500, 1);
await measure('example page', subtasks, 2000, 16);
await measure('paged-10000 page of 100', '/iodm/northbound/v1.5.0/operations/paged-10000/subOperations?pageNo=50&pageSize=100', 1000, 16);
await mock.close();

const dynamic = await startMockServer({ dynamic: true });
const dynamicUrl = dynamic.url;
const began = performance.now();
for (let i = 0; i < 200; i++) await (await fetch(`${dynamicUrl}${subtasks}?pageSize=100`, { headers })).arrayBuffer();
console.log(`dynamic page of up to 100: ${((performance.now() - began) / 200).toFixed(2)} ms each (sequential)`);
await dynamic.close();
