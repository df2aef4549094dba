// Folds openapi-diff's findings into the field-level ones. The field-level checks decide: a line
// of openapi-diff that agrees with one of theirs (same place, same verdict) marks it as confirmed;
// one that does not is listed as unclassified for the reviewer, never as a verdict of its own.
import type { Finding } from './findings.js';
import { bodyScopeCodes, type OpenapiDiffFinding } from './openapi-diff.js';

export function mergeSecondOpinion(own: Finding[], library: OpenapiDiffFinding[]): Finding[] {
  const merged: Finding[] = own.map((finding) => ({ ...finding }));
  for (const { code, ...finding } of library) {
    const body = bodyScopeCodes.has(code);
    const samePlace = (candidate: Finding) => candidate.where === finding.where && (body || candidate.subject === finding.subject);
    const agreeing = merged.filter(
      (candidate) => candidate.source === 'spec-diff' && candidate.severity === finding.severity && samePlace(candidate)
    );
    if (agreeing.length > 0) {
      for (const candidate of agreeing) candidate.alsoFlaggedByOpenapiDiff = true;
      continue;
    }
    if (finding.severity === 'unclassified') {
      merged.push(finding);
      continue;
    }
    const ownSay = merged.some((candidate) => candidate.source === 'spec-diff' && samePlace(candidate))
      ? 'the field-level checks rate this place differently'
      : 'no field-level check found a change here';
    const sets = body ? ' (it compares the schemas as sets of values)' : '';
    const detail = `openapi-diff rates it ${finding.severity}${sets}; ${ownSay}: compare by hand`;
    merged.push({ ...finding, severity: 'unclassified', detail });
  }
  return merged;
}
