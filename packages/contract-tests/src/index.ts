// The northbound contract suite, for this repository and for any team that wants to verify a
// client-facing server (or its own mock) against the contract.
export { defineContractSuite, contractExamples, ERROR_CLASS_BY_EXAMPLE, type ContractSuiteOptions, type ContractExample } from './suite/index.js';
export { createResponseValidator, loadBundledSpec, type ResponseValidator, type ResponseCheck, type ResponseToCheck } from './schema.js';
export { createRecordingFetch, type RecordedExchange, type RecordingFetch, type RecordingFetchOptions } from './recording-fetch.js';
export { contractTargetFromEnv, CONTRACT_ENV, ContractTargetError, MOCK_PAGED_TASK_ID, type ContractTarget } from './target.js';
