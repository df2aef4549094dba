// Reads a response body with a ceiling on its decoded size, counted while it streams: fetch has
// already undone gzip/deflate/br, so the bytes counted here are the ones that take memory, and a
// small compressed bomb stops at the limit instead of inflating to gigabytes.
import { ResponseTooLargeError, type NorthboundOperation } from '../core/errors.js';

/** Generous for this API: a 100-subtask page is about 40 KB. */
export const defaultMaxResponseBytes = 4 * 1024 * 1024;

// One decoder for every body: decode() without { stream: true } keeps no state between calls.
const utf8 = new TextDecoder();

function tooLarge(operation: NorthboundOperation, status: number, limitBytes: number, what: string): ResponseTooLargeError {
  return new ResponseTooLargeError(`${operation}: HTTP ${status} response body ${what} the limit of ${limitBytes} bytes (maxResponseBytes)`, {
    operation,
    status,
    limitBytes,
  });
}

/**
 * The body as text, at most `limitBytes` of it decoded. `exactDeclaredLength`: the transport reads
 * no byte past a Content-Length (see Transport), so a declared length within the limit is read in
 * one go; otherwise the body is counted chunk by chunk as it streams.
 */
export async function readBoundedText(response: Response, limitBytes: number, operation: NorthboundOperation, exactDeclaredLength: boolean): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const declared = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  // Without a content coding the declared length is the decoded length: refuse before reading.
  if (declared !== null && (encoding === null || encoding.trim().toLowerCase() === 'identity')) {
    if (Number(declared) > limitBytes) {
      body.cancel().catch(() => {});
      throw tooLarge(operation, response.status, limitBytes, `declares ${declared} bytes, over`);
    }
    if (exactDeclaredLength && /^\d+$/.test(declared)) return response.text();
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      reader.cancel().catch(() => {});
      throw tooLarge(operation, response.status, limitBytes, 'exceeds');
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  return utf8.decode(Buffer.concat(chunks, total));
}
