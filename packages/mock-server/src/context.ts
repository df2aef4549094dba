// What every step of the mock handler reads: the request as validated, the operation it is for,
// and the state this mock instance keeps.
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { IHttpRequest } from '@stoplight/prism-http';
import type { IncomingCall } from './http.js';
import type { DeclaredQuery } from './query.js';
import type { SimulationOptions } from './simulation/index.js';
import type { LoadedOperation, LoadedSpec } from './spec.js';
import type { MockApp } from './types.js';
import { AppRegistry } from './state/app-registry.js';
import { PackageStore } from './state/package-store.js';
import { TaskStore } from './state/task-store.js';
import { TokenLedger } from './tokens.js';
import { AppThrottle, type ThrottleOptions } from './traffic/throttle.js';

/** State one mock instance keeps between requests (two mocks share nothing; a restart forgets all). */
export interface MockState {
  /** Only the newest token of an application is valid: what this instance issued, per appId. */
  readonly tokens: TokenLedger;
  /** The per-app_key flow control, when `throttle` is set. */
  readonly throttle: AppThrottle | undefined;
  /** The version packages, seeded from the spec's examples; deletes stick. */
  readonly packages: PackageStore;
  /** The example tasks and the simulator's live campaigns. */
  readonly tasks: TaskStore;
  /** The applications that may log in, when `apps` is set (else any appId and secret do). */
  readonly apps: AppRegistry | undefined;
}

export function createMockState(spec: LoadedSpec, simulation: SimulationOptions, throttle?: ThrottleOptions, apps?: readonly MockApp[]): MockState {
  return {
    tokens: new TokenLedger(),
    throttle: throttle && new AppThrottle(throttle),
    packages: PackageStore.fromSpec(spec),
    tasks: TaskStore.fromSpec(spec, simulation),
    apps: apps && new AppRegistry(apps),
  };
}

/** One request on its way through reject -> scenario -> produce -> normalise. */
export interface RequestContext {
  readonly call: IncomingCall;
  /** What Prism validated (the declared query only, see query.ts): serve from this, never from `call`. */
  readonly input: IHttpRequest;
  readonly loaded: LoadedOperation;
  /** The spec's operationId, e.g. `queryUpgradeSubTask`. */
  readonly operationId: string;
  /** Decoded path parameters. */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: DeclaredQuery;
  /** What Prism's security and input validation found. */
  readonly diagnostics: readonly IPrismDiagnostic[];
  readonly state: MockState;
  /** `GET /path`, for log lines. */
  readonly label: string;
}
