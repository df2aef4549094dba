// The gate's own field-level comparison of two bundled OpenAPI 3.x documents: a structural walk
// (document → paths → operation → parameters, request body, responses → media types → schemas)
// whose modules sort each difference under a rule of rules.ts, and a safety net (uncovered.ts)
// that reports whatever difference no module looked at. Direction decides each verdict: clients
// *send* requests (a narrower request schema breaks them) and *receive* responses (a wider
// response schema can break them).
import type { Finding } from '../findings.js';
import type { JsonObject } from '../sources.js';
import { Comparison } from './context.js';
import { compareDocument } from './document.js';
import { uncoveredChanges } from './uncovered.js';

/** Every difference between the two documents, each classified by a rule or left unclassified. */
export function compareDocuments(before: JsonObject, after: JsonObject): Finding[] {
  const comparison = new Comparison(before, after);
  compareDocument(comparison);
  return [...comparison.findings, ...uncoveredChanges(before, after, comparison.covered)];
}
