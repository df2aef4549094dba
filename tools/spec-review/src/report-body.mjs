// What the review posts: the gate's report, or why the gate could not run, cut to fit where it
// goes (GitHub refuses a comment over 65 536 characters with 422; a job summary holds 1 MiB).
// Cut at line boundaries only: each line of the gate's report is self-contained Markdown.

/** GitHub's limit on a comment's body, minus room for the marker line. */
export const commentLimit = 65_536 - 200;
/** GitHub's limit on one step's job summary: 1 MiB, in bytes of UTF-8, minus room for the pointer. */
export const summaryLimit = 1_048_576 - 1_000;
/** Longer lines are not shown in a cut report (a 20 000-value enum, say). */
const lineLimit = 4_000;

/**
 * The report as it fits in `limit` (characters, or what `measure` counts): its first lines, then
 * where the whole report is.
 */
export function fitReport(report, limit, whereWhole, measure = (text) => text.length) {
  if (measure(report) <= limit) return report;
  const pointer = `\n\n---\n_The report is cut here (${report.length} characters in all): ${whereWhole}._\n`;
  const kept = [];
  let size = measure(pointer);
  for (const line of report.split('\n')) {
    const shown = line.length > lineLimit ? `- _(a line of ${line.length} characters, in the full report)_` : line;
    const cost = measure(shown) + 1;
    if (size + cost > limit) break;
    kept.push(shown);
    size += cost;
  }
  return `${kept.join('\n')}${pointer}`;
}

/** The body when the gate could not run: its stderr in a fence no line of it can close. */
export function couldNotRunBody(exitCode, stderr) {
  const text = stderr.trim().slice(0, 8_000);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `## OpenAPI spec diff\n\nThe gate could not run (exit ${exitCode}):\n\n${fence}text\n${text}\n${fence}\n`;
}
