// One request up front, before any test: a provider that cannot be reached gets one clear line,
// not fifty failing tests.
import { ContractTargetError } from './target.js';

/** Throws a ContractTargetError naming the cause when nothing answers HTTP at `baseUrl`. */
export async function assertReachable(baseUrl: string, timeoutMs = 10_000): Promise<void> {
  try {
    // Any HTTP answer, whatever its status, proves the server is there.
    const response = await fetch(baseUrl, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    throw new ContractTargetError(`Cannot reach ${baseUrl}: ${reason(error, timeoutMs)}`);
  }
}

function reason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code && cause.message) return `${cause.code} (${cause.message})`;
  return cause?.message ?? (error as Error)?.message ?? String(error);
}
