// One import starts a mock of the northbound API that answers like the platform:
//   const mock = await startMockServer();   ...   await mock.close();
export {
  startMockServer,
  isLoopbackHost,
  type MockServer,
  type MockServerOptions,
  type MockLogger,
  type ContractViolation,
} from './server.js';
export { MockServerError, MockServerOptionsError, MockServerStartError } from './errors.js';
export { PLATFORM_ERROR_CODES } from './platform.js';
export { PAGED_TASK_MAX_SUBTASKS, pagedTaskSize } from './paged-task.js';
export { bundledSpecPath } from './spec.js';
