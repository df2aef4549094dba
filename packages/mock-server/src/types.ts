// The package's public types, written out here so that the published .d.ts files never reach
// Prism's or pino's types (a consumer compiling with skipLibCheck off must not need them).
import type { ThrottleOptions } from './traffic/throttle.js';

/** Where the mock writes what it does. The library is silent unless given one; the CLI logs to the console. */
export interface MockLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One way a request or a response departs from the contract (proxy mode reports these). */
export interface ContractViolation {
  /** `request` or `response`, then the path inside it, e.g. `['response', 'body', 'totalCount']`. */
  readonly location: readonly string[];
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string | number | undefined;
  readonly message: string;
  readonly method: string;
  readonly path: string;
}

/** Where the simulation reads time; tests pass one they move by hand (see `createManualClock`). */
export interface SimulationClock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
}

/** How the upgrade campaigns of the mock (created tasks, `campaign-<N>`) move over time. */
export interface MockSimulationOptions {
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** The same seed gives the same rollout (default 1; a non-negative integer). */
  seed?: number;
  /** Where time comes from (default the system clock). */
  clock?: SimulationClock;
}

/** An application the mock lets log in (see `MockServerOptions.apps`). */
export interface MockApp {
  appId: string;
  secret: string;
  /** Its logins and refreshes are refused with 400/100247, the application is frozen. */
  frozen?: boolean;
}

export interface MockServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind. Loopback by default; anything else must be asked for here. */
  host?: string;
  /** Generate bodies from the schemas instead of serving the spec's examples. */
  dynamic?: boolean;
  /**
   * Validation-proxy mode: forward every request to this upstream (a real server) and report
   * every contract violation of the request or of the upstream's answer instead of mocking.
   * A string or a `URL` (typed by its `href`, so these types need neither the DOM lib nor @types/node).
   */
  proxy?: string | { readonly href: string };
  /** Proxy mode: how long the upstream may take to answer completely (default 30 000 ms); then 504. */
  upstreamTimeoutMs?: number;
  /** Proxy mode: the largest upstream body accepted, after decompression (default 8 MiB); beyond it 502. */
  maxUpstreamBodyBytes?: number;
  logger?: MockLogger;
  /** The campaign simulator behind the task operations. */
  simulation?: MockSimulationOptions;
  /** Called for every contract violation found (proxy mode, or a mock answer that broke the spec). */
  onViolation?: (violation: ContractViolation) => void;
  /** Per-application flow control: at most `limit` calls of one app_key in any `windowMs` (sliding), then 403/1010009. Off by default; mock mode only. */
  throttle?: ThrottleOptions;
  /**
   * The applications that may log in. When given, a login or refresh with an appId not listed or
   * a wrong secret is answered 400/100208 (inferred: no platform page documents the refusal), one
   * of a `frozen` app 400/100247. Left out, any appId and secret log in. Mock mode only.
   */
  apps?: readonly MockApp[];
}

export interface MockServer {
  /** Base URL to give a client, e.g. `http://127.0.0.1:43127`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Counts of what the server answered since it started (logins, 1010005, 1010009...). */
  stats(): MockStats;
  /** Stops listening and drops open connections; resolves once the port is free. Safe to call twice. */
  close(): Promise<void>;
}

/** What a mock server answered since it started. */
export interface MockStats {
  /** Every request answered (a malformed target or a client gone before its request was read is not). */
  requests: number;
  /** Logins answered 200. */
  logins: number;
  /** Token refreshes answered 200. */
  refreshes: number;
  /** Answers 403 / 1010005 (invalid or superseded token). */
  invalidToken: number;
  /** Answers 403 / 1010009 (flow control), from the throttle or a scenario. */
  throttled: number;
}
