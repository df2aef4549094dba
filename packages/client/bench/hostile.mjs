// How the client fares against hostile servers: RSS growth and time to fail for a compressed bomb
// and a 100 MB body, and the requests a runaway pager makes before it stops. Not a test: it prints
// figures. Run `npm run build` first, then `node bench/hostile.mjs`.
// The servers run in this process; each client case runs in a fresh child process, so that its
// RSS growth is its own.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const appId = '3RQ9UnhymV409MfKPuiin75XroQa';
const accessToken = '6d2b5a8e0c9f4e1d8b7a6c5d4e3f2a1b';
const operationId = '5bf3a8c7e1d2f40001a3b4c5';
const mebibyte = 1024 * 1024;

if (process.argv[2] === 'client') await runClientCase(process.argv[3], process.argv[4]);
else await main();

async function runClientCase(scenario, origin) {
  const { createNorthboundClient } = await import('../dist/index.js');
  const client = createNorthboundClient({ baseUrl: origin, appId, accessToken }, { maxRetries: 2 });
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = performance.now();
  let error;
  try {
    if (scenario === 'runaway-pager' || scenario === 'lying-total') {
      for await (const _ of client.listSubTasks(operationId)) {
        // consume
      }
    } else {
      await client.querySubTasks(operationId, { pageSize: 100 });
    }
  } catch (caught) {
    error = caught;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  process.stdout.write(JSON.stringify({ error: error ? `${error.name}: ${error.message.slice(0, 110)}` : 'none', ms, growthMiB: (peak - before) / mebibyte }));
}

async function compress(stream, decodedMiB) {
  const out = [];
  stream.on('data', (chunk) => out.push(chunk));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const zeros = Buffer.alloc(mebibyte);
  for (let i = 0; i < decodedMiB; i++) if (!stream.write(zeros)) await new Promise((resolve) => stream.once('drain', resolve));
  stream.end();
  await done;
  return Buffer.concat(out);
}

function writeEndlessly(response, chunk, maxBytes) {
  let written = 0;
  const pump = () => {
    while (written < maxBytes && !response.destroyed) {
      written += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

function page(pageNo, totalCount) {
  const data = Array.from({ length: 100 }, (_, i) => ({ subOperationId: `s${pageNo}-${i}`, status: 'fail', deviceId: `d${i}` }));
  return JSON.stringify({ data, pageNo, pageSize: 100, totalCount });
}

async function main() {
  const gzipBomb = await compress(createGzip({ level: 9 }), 1024);
  const brBomb = await compress(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), 1024);
  let requests = 0;
  let scenario = '';
  const server = createServer((request, response) => {
    requests++;
    const pageNo = Number(new URL(request.url, 'http://x').searchParams.get('pageNo') ?? 0);
    if (scenario === 'gzip-bomb' || scenario === 'br-bomb') {
      const bomb = scenario === 'gzip-bomb' ? gzipBomb : brBomb;
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': scenario === 'gzip-bomb' ? 'gzip' : 'br', 'content-length': bomb.length });
      response.end(bomb);
    } else if (scenario === 'body-100mb-declared') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100_000_000 });
      writeEndlessly(response, Buffer.alloc(64 * 1024, 0x20), 100_000_000);
    } else if (scenario === 'body-100mb-chunked') {
      response.writeHead(200, { 'content-type': 'application/json' });
      writeEndlessly(response, Buffer.alloc(64 * 1024, 0x20), 100_000_000);
    } else if (scenario === 'runaway-pager') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(page(0, 1_000_000));
    } else {
      // lying-total: echoes pageNo, raises totalCount on every page
      response.writeHead(200, { 'content-type': 'application/json' }).end(page(pageNo, (pageNo + 2) * 100));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`bombs: gzip ${(gzipBomb.length / 1024).toFixed(0)} KiB and br ${(brBomb.length / 1024).toFixed(0)} KiB, each 1 GiB decoded; default limit 4 MiB`);
  console.log('| case | error | requests | time to fail (ms) | client RSS growth (MiB) |');
  console.log('|---|---|---|---|---|');
  for (const name of ['gzip-bomb', 'br-bomb', 'body-100mb-declared', 'body-100mb-chunked', 'runaway-pager', 'lying-total']) {
    scenario = name;
    requests = 0;
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'client', name, origin], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    await new Promise((resolve) => child.on('exit', resolve));
    const result = JSON.parse(output);
    console.log(`| ${name} | ${result.error} | ${requests} | ${result.ms.toFixed(0)} | ${result.growthMiB.toFixed(1)} |`);
  }
  server.closeAllConnections();
  server.close();
}
