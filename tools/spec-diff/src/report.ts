// Renders the gate's result as Markdown to paste into a pull request.
import type { ConsumerReview } from '@iodm-northbound/consumer-contracts';
import { code, type Finding, type Severity, severities, versionText } from './findings.js';
import { inertLine } from './markdown-safety.js';
import type { VerdictCode, VersionCheck } from './verdict.js';

export interface ReportInput {
  base: string;
  commit: string;
  specPath: string;
  changelogPath: string;
  specChanged: boolean;
  findings: Finding[];
  versions: VersionCheck;
  exitCode: VerdictCode;
  /** Remarks that are not changes (openapi-diff could not compare, say). */
  notes: string[];
  /** The registered consumers against the changed spec (section "Consumers"), when checked. */
  consumers?: ConsumerReview<Finding>;
}

const headings: Record<Severity, string> = {
  breaking: 'Breaking changes',
  'non-breaking': 'Non-breaking changes',
  unclassified: 'Unclassified changes',
};

const explanations: Record<Severity, string> = {
  breaking: 'A client written against the base spec can fail against this one.',
  'non-breaking': 'Existing clients keep working.',
  unclassified: 'Neither openapi-diff nor the field-level checks can tell: read these by hand.',
};

export function renderReport(input: ReportInput): string {
  const { base, commit, specPath, specChanged, findings, versions, exitCode, notes, consumers } = input;
  const lines: string[] = [];
  lines.push('## OpenAPI spec diff', '');
  lines.push(`${code(specPath)} at ${code(base)} (${code(commit.slice(0, 12))}) → working tree`, '');
  if (!specChanged) {
    lines.push(
      `**Verdict: ✅ pass** — the bundled spec is the same as at ${code(base)} (\`info.version\` ${versionText(versions.head)}); nothing to review.`,
      ''
    );
    return finish(lines);
  }

  const grouped = Object.fromEntries(
    severities.map((severity) => [severity, groupFindings(findings.filter((finding) => finding.severity === severity))])
  ) as Record<Severity, string[]>;
  // Counted as the report lists them: one change to a shared schema is one change, wherever it shows.
  const counts = Object.fromEntries(severities.map((severity) => [severity, grouped[severity].length])) as Record<Severity, number>;
  const tally = `${counts.breaking} breaking, ${counts['non-breaking']} non-breaking, ${counts.unclassified} unclassified`;
  const verdict =
    consumers?.broken
      ? `**Verdict: ❌ fail** — ${tally}; the change breaks registered consumers: ${brokenConsumers(consumers)} (see Consumers).`
      : exitCode === 0
      ? `**Verdict: ✅ pass** — ${tally}.`
      : exitCode === 1
      ? `**Verdict: ❌ fail** — ${tally}: breaking changes need a major bump of \`info.version\` ` +
        `(${versionText(versions.base)} → ${versionText(versions.head)}).`
      : `**Verdict: ❌ fail** — ${tally}; the version or its record in the changelog is missing (see below).`;
  lines.push(verdict, '');
  if (counts.unclassified > 0 && exitCode === 0)
    lines.push('Unclassified changes do not fail the gate: the reviewer decides about them.', '');

  for (const severity of severities) {
    const group = grouped[severity];
    lines.push(`### ${headings[severity]} (${counts[severity]})`, '');
    if (group.length === 0) {
      lines.push('None.', '');
      continue;
    }
    lines.push(`_${explanations[severity]}_`, '');
    for (const line of group) lines.push(line);
    lines.push('');
  }

  if (notes.length > 0) {
    lines.push('### Notes', '');
    for (const note of notes) lines.push(`- ${note}`);
    lines.push('');
  }

  if (consumers !== undefined) lines.push(...consumerSection(consumers));

  lines.push('### Version and changelog', '');
  const versionLine = `\`info.version\`: ${versionText(versions.base)} → ${versionText(versions.head)}${versions.majorBump ? ' (major bump)' : ''}`;
  lines.push(`- ${versions.problems.some((problem) => problem.subject === 'version') ? '❌' : '✅'} ${versionLine}`);
  for (const confirmation of versions.confirmations) lines.push(`- ✅ ${confirmation}`);
  for (const problem of versions.problems) lines.push(`- ❌ ${problem.text}`);
  lines.push('');
  return finish(lines);
}

function brokenConsumers(consumers: ConsumerReview<Finding>): string {
  return consumers.checks
    .filter((check) => check.problems.length > 0)
    .map((check) => code(check.consumer))
    .join(', ');
}

/** Per registered consumer: broken or not, and for a broken one each interaction and field. */
function consumerSection(consumers: ConsumerReview<Finding>): string[] {
  const lines = [`### Consumers (${consumers.checks.length} registered)`, ''];
  if (consumers.checks.length === 0) lines.push('No consumer contract is registered in `consumers/`.');
  for (const { consumer, problems } of consumers.checks) {
    if (problems.length === 0) {
      lines.push(`- ✅ ${code(consumer)}: not broken`);
      continue;
    }
    lines.push(`- ❌ ${code(consumer)}: broken`);
    for (const problem of problems) {
      lines.push(`  - interaction ${code(problem.interaction)}: ${code(problem.field)} — ${problem.operation === undefined ? '' : `${code(problem.operation)}: `}${code(problem.message)}`);
    }
  }
  lines.push('');
  if (consumers.unaffected.length > 0) {
    lines.push('_Breaking by the rules, but on no operation a broken pact calls:_', '');
    for (const finding of consumers.unaffected) {
      lines.push(`- **${finding.title}**${finding.subject === '' ? '' : ` ${finding.subject}`} — ${finding.where}: affects no registered consumer`);
    }
    lines.push('');
  }
  return lines;
}

/** Every line inert (spec and tool text cannot leave its code span), then our own footer. */
function finish(lines: string[]): string {
  return [...lines.map(inertLine), footer()].join('\n');
}


/** One bullet per distinct change; the same change in several places lists every place. */
function groupFindings(findings: Finding[]): string[] {
  const groups = new Map<string, { finding: Finding; wheres: string[]; confirmed: boolean }>();
  for (const finding of findings) {
    const key = [finding.title, finding.subject, finding.detail ?? '', finding.source].join('\u0000');
    const group = groups.get(key) ?? { finding, wheres: [], confirmed: false };
    if (!group.wheres.includes(finding.where)) group.wheres.push(finding.where);
    group.confirmed ||= finding.alsoFlaggedByOpenapiDiff === true;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ finding, wheres, confirmed }) => {
    let line = `- **${finding.title}**`;
    if (finding.subject !== '') line += ` ${finding.subject}`;
    line += ` — ${compactWheres(wheres).join('; ')}`;
    if (finding.detail !== undefined) line += `: ${finding.detail}`;
    if (finding.source === 'openapi-diff') line += ' _(openapi-diff)_';
    else if (confirmed) line += ' _(openapi-diff agrees)_';
    return line;
  });
}

/** `X, response 400 (json)` and `X, response 404 (json)` become `X, responses 400, 404 (json)`. */
export function compactWheres(wheres: string[]): string[] {
  const merged = new Map<string, { prefix: string; suffix: string; statuses: string[] }>();
  for (const where of wheres) {
    const match = /^(.*), response (\S+)((?: \(.*\))?)$/.exec(where);
    if (!match) {
      merged.set(where, { prefix: where, suffix: '', statuses: [] });
      continue;
    }
    const [, prefix = '', status = '', suffix = ''] = match;
    const key = `${prefix}\u0000${suffix}`;
    const entry = merged.get(key) ?? { prefix, suffix, statuses: [] };
    entry.statuses.push(status);
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ prefix, suffix, statuses }) => {
    if (statuses.length === 0) return prefix;
    return `${prefix}, ${statuses.length === 1 ? 'response' : 'responses'} ${statuses.join(', ')}${suffix}`;
  });
}

function footer(): string {
  return [
    '<sub>tools/spec-diff: field-level checks (a rule per kind of change; see its README), openapi-diff 0.24.1 as a second opinion.',
    'Exit 0 pass, 1 breaking change without a major bump or a registered consumer broken, 2 version or changelog record missing, 3 could not run.</sub>',
  ].join(' ');
}
