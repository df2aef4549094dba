// What hostile servers send: compression bombs built by streaming zeros through a compressor (so
// building one never holds its decoded size), and bodies that never end or arrive a byte at a time.
import type { ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib';

export type Coding = 'gzip' | 'deflate' | 'br';

const mebibyte = 1024 * 1024;

function compressor(coding: Coding) {
  if (coding === 'gzip') return createGzip({ level: 9 });
  if (coding === 'deflate') return createDeflate({ level: 9 });
  return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
}

/** `decodedMiB` MiB of zeros, compressed with `coding` (a few hundred KB for 256 MiB). */
export async function compressionBomb(coding: Coding, decodedMiB: number): Promise<Buffer> {
  const stream = compressor(coding);
  const output: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const zeros = Buffer.alloc(mebibyte);
  for (let i = 0; i < decodedMiB; i++) {
    if (!stream.write(zeros)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await finished;
  return Buffer.concat(output);
}

/** Writes `chunk` until the client goes away, respecting back-pressure (at most `maxBytes`). */
export function writeEndlessly(response: ServerResponse, chunk: Buffer, maxBytes = Number.POSITIVE_INFINITY): void {
  let written = 0;
  const pump = () => {
    while (written < maxBytes && !response.destroyed) {
      written += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  response.on('close', () => response.removeAllListeners('drain'));
  pump();
}

/** One byte every `intervalMs`, never finishing, until the client goes away. */
export function trickle(response: ServerResponse, intervalMs: number): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{');
  const timer = setInterval(() => {
    if (response.destroyed) clearInterval(timer);
    else response.write(' ');
  }, intervalMs);
  response.on('close', () => clearInterval(timer));
}
