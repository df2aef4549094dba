// The registry of consumer contracts (consumers/), the check of a spec against them (the spec
// review), their verification against a running mock, and the recorder a team writes its pact with.
export { CONSUMERS_DIR, loadRegisteredPacts, type PactFile, type RegisteredPact } from './registry.js';
export { type ConsumerReview, type RuleFinding, reviewConsumers } from './review.js';
export type { ConsumerCheck, ConsumerProblem } from './spec-check.js';
export { type InteractionVerification, verifyPactsAgainstMock } from './mock-verification.js';
export { createPactRecorder, type PactRecorder, type PactRecorderOptions, type RecordedCall } from './recording/pact-recorder.js';
export { type RecordingProxy, startRecordingProxy } from './recording/recording-proxy.js';
