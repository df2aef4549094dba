import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingFront, type RecordingFront } from '../src/recording-front.js';

let upstream: Server;
let front: RecordingFront;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => response.writeHead(201, { 'x-seen': request.url ?? '' }).end(`${request.method} ${body}`));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  front = await startRecordingFront(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await front.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('startRecordingFront', () => {
  it('forwards request and answer as they are, and keeps each target', async () => {
    const answer = await fetch(`${front.url}/a/b?pageSize=150&x=1`, { method: 'POST', body: 'hello' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-seen')).toBe('/a/b?pageSize=150&x=1');
    expect(await answer.text()).toBe('POST hello');
    expect(front.targets).toEqual(['/a/b?pageSize=150&x=1']);
  });
});
