// One import starts a mock of the northbound API that answers like the platform:
//   const mock = await startMockServer();   ...   await mock.close();
// Only modules whose declarations stay clear of Prism's types are re-exported here (see types.ts).
export { startMockServer } from './server.js';
export { isLoopbackHost } from './loopback.js';
export type {
  MockServer,
  MockServerOptions,
  MockLogger,
  ContractViolation,
  MockStats,
  MockSimulationOptions,
  MockApp,
  SimulationClock,
} from './types.js';
export { parseThrottleOption, THROTTLED_ANSWER, type ThrottleOptions } from './traffic/throttle.js';
// The clock tests drive a simulated mock with; the whole simulator is the `./simulation` subpath.
export { createManualClock, type ManualClock } from './simulation/clock.js';
export { MockServerError, MockServerOptionsError, MockServerStartError } from './errors.js';
export { PLATFORM_ERROR_CODES } from './platform-codes.js';
export { PAGED_TASK_MAX_SUBTASKS, pagedTaskSize } from './paged-task.js';
export { bundledSpecPath } from './spec-path.js';
