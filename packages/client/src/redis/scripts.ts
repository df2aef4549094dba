// The Lua scripts: each runs atomically in Redis, which is what makes the lock, the
// compare-and-set of the token and the shared sliding window exact across processes.
// Time comes from Redis (TIME), so the processes' clocks do not have to agree.

const nowMs = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: budget (settled calls, scored by when their answer came), inFlight (calls not answered
 * yet, scored by when their lease ends), budgetSequence. ARGV: limit, windowMs, leaseMs.
 * A call in flight holds its place however long it takes (the platform counts it when it
 * arrives, which may be late), up to its lease: a process that died never settles.
 * → {1, member} or {0, ms until a place can free up}.
 */
export const takeBudget = `${nowMs}
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lapsed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'WITHSCORES')
for i = 1, #lapsed, 2 do redis.call('ZADD', KEYS[1], lapsed[i + 1], lapsed[i]) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
if count < limit then
  local member = redis.call('INCR', KEYS[3])
  local ttl = window + tonumber(ARGV[3]) + 60000
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), member)
  for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ttl) end
  return {1, member}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #oldest == 0 then return {0, window} end
return {0, math.min(tonumber(oldest[2]) + window - now, window)}`;

/** KEYS: budget, inFlight. ARGV: member. The call's answer is in: it counts from now for a window. */
export const settleBudget = `${nowMs}
if redis.call('ZREM', KEYS[2], ARGV[1]) == 1 then redis.call('ZADD', KEYS[1], now, ARGV[1]) end
return 1`;

/** KEYS: token. → {fp, box, life, pttl} (fp false when there is no token). */
export const readToken = `local fields = redis.call('HMGET', KEYS[1], 'fp', 'box', 'life')
return {fields[1], fields[2], fields[3], redis.call('PTTL', KEYS[1])}`;

/** KEYS: lock, fence. ARGV: owner, ttlMs. → the fencing number, or 0 when someone holds the lock. */
export const takeLock = `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], fence .. ':' .. ARGV[1], 'PX', ARGV[2])
return fence`;

/** KEYS: lock. ARGV: the lock's value. Frees the lock only if it is still this holder's. */
export const releaseLock = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * KEYS: token, lock. ARGV: lock value, expected fp ('' = no token), fp, box, fence, ttlMs, lifeMs.
 * Stores a new token only while holding the lock (fencing: a holder whose lock expired is refused)
 * and only if the stored token is still the one it set out to replace (compare-and-set).
 * → 1 stored; 0 lock lost or older fence; -1 another token is there now.
 */
export const storeToken = `if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
local current = redis.call('HGET', KEYS[1], 'fp')
if current and current ~= ARGV[2] then return -1 end
local stored = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')
if stored and stored >= tonumber(ARGV[5]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'fp', ARGV[3], 'box', ARGV[4], 'fence', ARGV[5], 'life', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('DEL', KEYS[2])
return 1`;
