// Where one application's shared state lives. Every key of an application carries the same
// hash tag {…}, so a Redis Cluster keeps them in one slot and the Lua scripts may touch them all.
import { createHash } from 'node:crypto';

export interface ApplicationKeys {
  /** Hash: fp (fingerprint of the access token), box (sealed tokens), fence, life (ms). */
  token: string;
  /** String: "<fence>:<owner>" while a process logs in or refreshes. */
  lock: string;
  /** Counter: the fencing number of the last lock taken. */
  fence: string;
  /** Sorted set: the answered calls of the sliding window, scored by when the answer came. */
  budget: string;
  /** Sorted set: the calls sent and not answered yet, scored by when their lease ends. */
  budgetInFlight: string;
  /** Counter: member names of the budget. */
  budgetSequence: string;
}

export const defaultKeyPrefix = 'iodm-northbound';

export function applicationKeys(keyPrefix: string, baseUrl: string, appId: string): ApplicationKeys {
  // The URL is hashed (it may be long, or carry a port and path); the appId is kept readable but
  // encoded, so that its braces or colons cannot break the hash tag or the key layout.
  const urlHash = createHash('sha256').update(baseUrl).digest('hex').slice(0, 16);
  const base = `${keyPrefix}:{${urlHash}:${encodeURIComponent(appId)}}`;
  return {
    token: `${base}:token`,
    lock: `${base}:login-lock`,
    fence: `${base}:fence`,
    budget: `${base}:budget`,
    budgetInFlight: `${base}:budget-in-flight`,
    budgetSequence: `${base}:budget-seq`,
  };
}
