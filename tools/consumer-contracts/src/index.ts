// What the spec review (tools/spec-diff) uses: the registry of consumer contracts and the check
// of the changed spec against them.
export { CONSUMERS_DIR, loadRegisteredPacts, type PactFile, type RegisteredPact } from './registry.js';
export { type ConsumerReview, type RuleFinding, reviewConsumers } from './review.js';
export type { ConsumerCheck, ConsumerProblem } from './spec-check.js';
