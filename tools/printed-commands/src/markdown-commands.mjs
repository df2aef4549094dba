// Which code blocks of a README are commands (the convention, README "Printed commands"):
// - a fenced block tagged `sh` holds commands to run, one per line (a trailing `\` continues a
//   line; `# …` lines are comments; `export NAME=value` lines set the environment of the commands
//   after them in the block);
// - `text` is output, `ts`, `json`, `yaml`, `python` … are code: never run;
// - `<!-- not-run: <reason> -->` on the line before a `sh` block skips it, with that reason;
// - `<!-- serves-until-ctrl-c -->` on the line before a `sh` block: each command serves until
//   Ctrl-C; it is started, must print its address (http://…), then is stopped with SIGINT;
// - `<!-- release-tier: <reason> -->` on the line before a `sh` block: run in
//   `npm run test:release` only (a command that takes long), with that reason.
// A fence without a language, or tagged like a shell but not `sh` (bash, shell, console, zsh),
// breaks the convention: a reader cannot tell whether it is checked.

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const SHELL_LIKE = new Set(['bash', 'shell', 'console', 'zsh', 'shell-session', 'sh-session']);
const NOT_RUN = /^<!--\s*not-run:(.*?)-->\s*$/;
const RELEASE_TIER = /^<!--\s*release-tier:(.*?)-->\s*$/;
const SERVES = /^<!--\s*serves-until-ctrl-c\s*-->\s*$/;
const MARKER = /^<!--\s*(not-run|serves|release-tier)/;

/**
 * @typedef {{ file: string, line: number, text: string, exports: string[] }} PrintedCommand
 * @typedef {{ file: string, line: number, commands: PrintedCommand[], notRun?: string, releaseTier?: string, serves: boolean }} CommandBlock
 * @typedef {{ file: string, line: number, problem: string }} ConventionProblem
 */

/**
 * Every `sh` block of a Markdown text with its commands, and every place that breaks the convention.
 * @returns {{ blocks: CommandBlock[], problems: ConventionProblem[] }}
 */
export function readCommandBlocks(markdown, file) {
  const lines = markdown.split('\n');
  /** @type {CommandBlock[]} */
  const blocks = [];
  /** @type {ConventionProblem[]} */
  const problems = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index]);
    if (!open) continue;
    const [, fence, language] = open;
    const closeAt = lines.findIndex((line, at) => at > index && line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '');
    const end = closeAt === -1 ? lines.length : closeAt;
    const body = lines.slice(index + 1, end);
    const line = index + 1;
    const marker = previousNonBlank(lines, index);
    if (language === '') problems.push({ file, line, problem: 'a fence without a language: tag commands `sh`, output `text`' });
    else if (SHELL_LIKE.has(language)) problems.push({ file, line, problem: `a \`${language}\` fence: tag commands \`sh\` (they are run), output \`text\`` });
    if (language === 'sh') {
      const notRun = NOT_RUN.exec(marker ?? '')?.[1].trim();
      const releaseTier = RELEASE_TIER.exec(marker ?? '')?.[1].trim();
      if (notRun === '' || releaseTier === '') problems.push({ file, line, problem: 'a marker without its reason' });
      const commands = commandsOfLines(body, file, line + 1);
      blocks.push({ file, line, commands, notRun: notRun || undefined, releaseTier: releaseTier || undefined, serves: SERVES.test(marker ?? '') });
    } else if (marker !== undefined && MARKER.test(marker)) {
      problems.push({ file, line, problem: `a marker before a \`${language || 'untagged'}\` fence: markers apply to \`sh\` blocks only` });
    }
    index = end;
  }
  return { blocks, problems };
}

function previousNonBlank(lines, index) {
  for (let at = index - 1; at >= 0; at--) if (lines[at].trim() !== '') return lines[at].trim();
  return undefined;
}

/**
 * The commands of a block's lines: continuations joined, comments dropped, exports carried.
 * @returns {PrintedCommand[]}
 */
export function commandsOfLines(body, file, firstLine) {
  /** @type {PrintedCommand[]} */
  const commands = [];
  const exports = [];
  for (let at = 0; at < body.length; at++) {
    const line = firstLine + at;
    let text = body[at];
    while (/\\\s*$/.test(text) && at + 1 < body.length) text = `${text.replace(/\\\s*$/, '').trimEnd()} ${body[++at].trim()}`;
    text = text.trim();
    if (text === '' || text.startsWith('#')) continue;
    if (/^export\s/.test(text)) exports.push(text);
    else commands.push({ file, line, text, exports: [...exports] });
  }
  return commands;
}
