import { MockServerOptionsError } from './errors.js';
import { checkAppsOption } from './state/app-registry.js';
import { checkThrottleOptions, type ThrottleOptions } from './traffic/throttle.js';
import { CampaignSimulator, SimulationInputError, type SimulationOptions } from './simulation/index.js';
import type { ContractViolation, MockApp, MockLogger, MockServerOptions } from './types.js';

const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

const silentLogger: MockLogger = { info() {}, warn() {}, error() {} };

export interface ProxyOptions {
  readonly upstream: URL;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly dynamic: boolean;
  readonly proxy: ProxyOptions | undefined;
  readonly logger: MockLogger;
  readonly onViolation: ((violation: ContractViolation) => void) | undefined;
  readonly throttle: ThrottleOptions | undefined;
  readonly simulation: SimulationOptions;
  /** The registered applications, when only they may log in. */
  readonly apps: readonly MockApp[] | undefined;
}

export function resolveOptions(options: MockServerOptions): ResolvedOptions {
  const { port = 0, host = '127.0.0.1', dynamic = false, logger = silentLogger, onViolation } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockServerOptionsError('port', `must be an integer from 0 to 65535, got ${String(port)}`);
  }
  if (typeof host !== 'string' || host.trim() === '') throw new MockServerOptionsError('host', 'must be a non-empty string');
  if (typeof dynamic !== 'boolean') throw new MockServerOptionsError('dynamic', 'must be true or false');
  const proxy = resolveProxy(options);
  const throttle = checkThrottleOptions(options.throttle);
  // The flow control is the platform's: a proxy forwards to a server that applies its own.
  if (proxy && throttle) throw new MockServerOptionsError('throttle', 'simulates the platform in mock mode and cannot be combined with proxy');
  const apps = checkAppsOption(options.apps);
  // The upstream decides who logs in.
  if (proxy && apps) throw new MockServerOptionsError('apps', 'simulates the platform in mock mode and cannot be combined with proxy');
  return { port, host, dynamic, proxy, logger, onViolation, throttle, simulation: resolveSimulation(options), apps };
}

function resolveProxy(options: MockServerOptions): ProxyOptions | undefined {
  const { proxy, upstreamTimeoutMs = DEFAULT_UPSTREAM_TIMEOUT_MS, maxUpstreamBodyBytes = DEFAULT_MAX_UPSTREAM_BODY_BYTES } = options;
  positiveInteger('upstreamTimeoutMs', upstreamTimeoutMs);
  positiveInteger('maxUpstreamBodyBytes', maxUpstreamBodyBytes);
  if (proxy === undefined) return undefined;
  const text = typeof proxy === 'object' && proxy !== null && typeof proxy.href === 'string' ? proxy.href : String(proxy);
  let upstream: URL;
  try {
    upstream = new URL(text);
  } catch {
    throw new MockServerOptionsError('proxy', `must be an absolute http(s) URL, got "${text}"`);
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
    throw new MockServerOptionsError('proxy', `must be an http or https URL, got "${upstream.protocol}"`);
  }
  return { upstream, timeoutMs: upstreamTimeoutMs, maxBodyBytes: maxUpstreamBodyBytes };
}

function positiveInteger(option: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new MockServerOptionsError(option, `must be a positive integer, got ${String(value)}`);
  }
}

/** The simulation options, checked the way the simulator checks them (a bad one starts nothing). */
function resolveSimulation({ simulation = {} }: MockServerOptions): SimulationOptions {
  if (simulation === null || typeof simulation !== 'object') throw new MockServerOptionsError('simulation', 'must be an object');
  const { speed, seed, clock } = simulation;
  if (clock !== undefined && (clock === null || typeof clock.now !== 'function')) {
    throw new MockServerOptionsError('simulation.clock', 'must have a now() method returning epoch milliseconds');
  }
  const resolved: SimulationOptions = { ...(speed !== undefined && { speed }), ...(seed !== undefined && { seed }), ...(clock !== undefined && { clock }) };
  try {
    new CampaignSimulator(resolved);
  } catch (error) {
    if (error instanceof SimulationInputError) throw new MockServerOptionsError(`simulation.${error.parameter}`, error.message.replace(/^[^:]+: /, ''));
    throw error;
  }
  return resolved;
}
