// Types of redis-server.mjs, for the TypeScript tests that use it.
export interface RunningRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (an empty database). */
  restart(): Promise<void>;
}
export function startRedisServer(): Promise<RunningRedis>;
