// The README's reference ("Commands and options", "Exit codes") against what the CLI says of
// itself: every command's --help (run in-process), its options and their defaults, both ways;
// the exit codes of EXIT, in the README and in --help. A new option or default fails here until
// the README has it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/errors.js';
import { runInProcess } from './support.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

interface Help {
  /** Option flag (its long name) → its default as --help shows it, without quotes; undefined when none. */
  readonly options: Map<string, string | undefined>;
  readonly commands: string[];
  readonly text: string;
}

/** The entries of one section of commander's help ("Options:", "Commands:"), each on one line. */
function entries(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const found: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    if (/^ {2}\S/.test(line)) found.push(line.trim());
    else found[found.length - 1] += ` ${line.trim()}`;
  }
  return found;
}

const DERIVED_FILTER = /the spec's query parameter \w+ is this/;

async function help(command: string): Promise<Help> {
  const result = await runInProcess([...(command === '' ? [] : command.split(' ')), '--help']);
  expect(result.code).toBe(0);
  const options = new Map<string, string | undefined>();
  for (const entry of entries(result.stdout, 'Options:')) {
    const flag = /^(?:-\w, )?(--[\w-]+)/.exec(entry)![1]!;
    // A filter derived from the spec's query parameters: the README's `--<parameter> <value>` row stands for it.
    if (flag === '--help' || DERIVED_FILTER.test(entry)) continue;
    options.set(flag, /\(default: (.+)\)$/.exec(entry)?.[1]?.replace(/^"(.*)"$/, '$1'));
  }
  const commands = entries(result.stdout, 'Commands:')
    .map((entry) => entry.split(' ')[0]!)
    .filter((name) => name !== 'help');
  return { options, commands, text: result.stdout };
}

/** Every command, nested ones too ('' is the program itself). */
async function everyCommand(): Promise<Map<string, Help>> {
  const found = new Map<string, Help>();
  const visit = async (command: string) => {
    const shown = await help(command);
    found.set(command, shown);
    for (const sub of shown.commands) await visit(command === '' ? sub : `${command} ${sub}`);
  };
  await visit('');
  return found;
}

/** The README's section under `heading` (up to the next heading of the same or a higher level). */
function readmeSection(heading: string): string | undefined {
  const level = /^#+/.exec(heading)![0].length;
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, n) => n > start && new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The option rows of a README section: `| \`--flag <value>\` | default | meaning |`. */
function readmeOptions(section: string): Map<string, string | undefined> {
  const options = new Map<string, string | undefined>();
  for (const match of section.matchAll(/^\| `(?:-\w, )?(--[\w-]+)[^`]*` \| ([^|]*) \|/gm)) {
    expect(options.has(match[1]!), `${match[1]} has two rows in one section of the README`).toBe(false);
    const cell = match[2]!.trim();
    options.set(match[1]!, cell === '—' ? undefined : cell.replace(/^`(.*)`$/, '$1'));
  }
  return options;
}

const CONNECTION = readmeOptions(readmeSection('### Connection options') ?? '');

describe('the README against --help', () => {
  it('lists every command with each option and its default, and no option the command lacks', async () => {
    const commands = await everyCommand();
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['', 'tasks', 'task', 'subtasks', 'watch', 'create', 'mock']));
    expect(CONNECTION.size).toBeGreaterThan(0);
    for (const [command, shown] of commands) {
      const heading = `### \`iodm-northbound${command === '' ? '' : ` ${command}`}\``;
      const section = readmeSection(heading);
      expect(section, `README has no section ${heading}`).toBeDefined();
      const documented = readmeOptions(section!);
      const takesConnection = shown.options.has('--base-url');
      if (DERIVED_FILTER.test(shown.text)) expect(section, `${heading}: the row of the filters derived from the spec`).toContain('| `--<parameter> <value>` |');
      for (const [flag, value] of shown.options) {
        const where = documented.has(flag) ? documented : takesConnection && CONNECTION.has(flag) ? CONNECTION : undefined;
        expect(where, `${heading}: ${flag} is in --help, not in the README`).toBeDefined();
        expect(where!.get(flag), `${heading}: the default of ${flag}`).toBe(value);
      }
      for (const flag of documented.keys()) expect(shown.options.has(flag), `${heading}: ${flag} is in the README, not in --help`).toBe(true);
      if (takesConnection) for (const flag of CONNECTION.keys()) expect(shown.options.has(flag), `${heading}: connection option ${flag}`).toBe(true);
    }
  });

  it('lists every exit code, as --help does', async () => {
    const codes = Object.values(EXIT).map(String).sort();
    const section = readmeSection('### Exit codes');
    expect(section).toBeDefined();
    expect([...section!.matchAll(/^\| (\d+) \|/gm)].map((match) => match[1]).sort()).toEqual(codes);
    const { text } = await help('');
    expect(entries(text, 'Exit codes:').map((entry) => entry.split(' ')[0]).sort()).toEqual(codes);
  });
});
