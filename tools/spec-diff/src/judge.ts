// The gate's decision on two bundled documents, without git or files: the field-level findings,
// openapi-diff's second opinion folded in, the version and changelog check, the exit code.
import { isDeepStrictEqual } from 'node:util';
import { type ConsumerReview, type RegisteredPact, reviewConsumers } from '@iodm-northbound/consumer-contracts';
import { compareDocuments } from './compare/index.js';
import type { Finding } from './findings.js';
import { runOpenapiDiff, type SecondOpinionLimits } from './openapi-diff.js';
import { mergeSecondOpinion } from './second-opinion.js';
import type { JsonObject } from './sources.js';
import { checkVersions, type VerdictCode, verdictCode, type VersionCheck } from './verdict.js';

export interface JudgeInput {
  before: JsonObject;
  after: JsonObject;
  /** The changelog's text, undefined when the file does not exist. */
  changelog: string | undefined;
  /** The changelog's text at the base, undefined when it did not exist there. */
  baseChangelog: string | undefined;
  changelogPath: string;
  /** Time and memory openapi-diff may take (default: defaultSecondOpinionLimits). */
  secondOpinionLimits?: SecondOpinionLimits;
  /** The registered consumer contracts (consumers/): each is checked against `after`. */
  consumers?: readonly RegisteredPact[];
}

export interface Judgement {
  exitCode: VerdictCode;
  specChanged: boolean;
  findings: Finding[];
  versions: VersionCheck;
  /** Remarks for the report that are not changes: openapi-diff's failure to compare, say. */
  notes: string[];
  /** The registered consumers against the changed spec, when consumers were given. */
  consumers?: ConsumerReview<Finding>;
}

export async function judge(input: JudgeInput): Promise<Judgement> {
  const { before, after } = input;
  const specChanged = !isDeepStrictEqual(before, after);
  const notes: string[] = [];
  let findings: Finding[] = [];
  if (specChanged) {
    const secondOpinion = await runOpenapiDiff(before, after, input.secondOpinionLimits);
    findings = mergeSecondOpinion(compareDocuments(before, after), secondOpinion.findings);
    if (secondOpinion.failure !== undefined) notes.push(secondOpinion.failure);
  }
  const versions = checkVersions({ ...input, specChanged, findings });
  const rulesVerdict = verdictCode(versions);
  if (!specChanged || input.consumers === undefined) return { exitCode: rulesVerdict, specChanged, findings, versions, notes };
  const breaking = findings.filter((finding) => finding.severity === 'breaking');
  const consumers = await reviewConsumers(after, input.consumers, breaking);
  // A broken pact fails the gate whatever the rules and the version say: the pact is the stronger fact.
  const exitCode = consumers.broken && rulesVerdict === 0 ? 1 : rulesVerdict;
  return { exitCode, specChanged, findings, versions, notes, consumers };
}
