// Bad input, as a user types it (the CLI in-process, with this environment): one clear line on
// stderr, nothing on stdout, exit 2.
import { describe, expect, it } from 'vitest';
import { runInProcess } from './support.js';

// A secret long enough for the client's redaction floor (8 characters), so that the case's own check is what fails.
const platform = { NORTHBOUND_BASE_URL: 'http://127.0.0.1:9', NORTHBOUND_APP_ID: 'app', NORTHBOUND_SECRET: 'cli-test-secret' };

const cases: [string, string[], RegExp, Record<string, string>?][] = [
  ['an unknown command', ['taks'], /unknown command 'taks'.*Did you mean/],
  ['no command', [], /Usage: iodm-northbound/],
  ['a missing operationId', ['task'], /missing required argument 'operationId'/],
  ['a missing operationId (watch)', ['watch', '--interval', '1s'], /missing required argument 'operationId'/],
  ['a secret given as a flag', ['subtasks', 'op', '--secret', 'hunter2'], /--secret is refused.*NORTHBOUND_SECRET.*--secret-file/],
  ['a secret given as --secret=', ['tasks', '--secret=hunter2'], /--secret is refused/],
  ['an unreadable --secret-file', ['subtasks', 'op', '--secret-file', '/nonexistent/secret'], /--secret-file: cannot read \/nonexistent\/secret \(ENOENT\)/, platform],
  ['an unknown --format', ['subtasks', 'op', '--format', 'xml'], /'xml' is not one of table, json, ndjson, csv/],
  ['a task status for subtasks', ['subtasks', 'op', '--status', 'failed'], /subOperationStatus must be one of .*, got "failed" \(did you mean "fail"\?\)\.$/m],
  ['a subtask status for tasks', ['tasks', '--status', 'fail'], /operationStatus must be one of .*, got "fail" \(did you mean "failed"\?\)\.$/m],
  ['no platform', ['subtasks', 'op'], /no platform: give --base-url or set NORTHBOUND_BASE_URL/],
  ['no secret', ['subtasks', 'op'], /no secret: set NORTHBOUND_SECRET/, { NORTHBOUND_BASE_URL: 'http://127.0.0.1:9', NORTHBOUND_APP_ID: 'app' }],
  ['a base URL that is not one', ['subtasks', 'op', '--base-url', 'ftp://x'], /not an http\(s\) URL/, platform],
  ['a bad interval', ['watch', 'op', '--interval', 'soon'], /'soon' is not a duration/],
  ['create without targets', ['create', 'firmware', '--file-id', 'f'], /either --devices or --device-group/, platform],
  ['create with a group but no model', ['create', 'software', '--file-id', 'f', '--device-group', 'g', '--device-type', 't', '--manufacturer-name', 'm'], /--device-group needs --model/, platform],
  ['create of an unknown kind', ['create', 'hardware', '--file-id', 'f'], /'hardware' is invalid.*firmware, software/],
  ['a bad --policy', ['create', 'firmware', '--file-id', 'f', '--devices', 'a', '--policy', '{'], /'--policy <json>' argument '\{' is invalid\. policy is not JSON\./, platform],
  ['a bad mock port', ['mock', '--port', '70000'], /'70000' is not an integer from 0 to 65535/],
  ['an --output that cannot be written', ['subtasks', 'op', '--output', '/nonexistent/dir/x.csv'], /--output: cannot write \/nonexistent\/dir\/x.csv \(ENOENT\)/, platform],
  ['a secret too short to redact', ['subtasks', 'op'], /secret is shorter than 8 characters/, { ...platform, NORTHBOUND_SECRET: 's' }],
  ['a base URL with a password', ['subtasks', 'op'], /baseUrl/, { ...platform, NORTHBOUND_BASE_URL: 'http://user:pw@127.0.0.1:9' }],
  ['--cert without --key', ['subtasks', 'op', '--cert', '/etc/hostname'], /--cert and --key go together/, platform],
];

describe('usage errors', () => {
  it.each(cases)('%s: exit 2 and one line', async (_name, args, message, env) => {
    const result = await runInProcess(args, env ? { env } : {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    if (args.length > 0) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each(['tasks', 'task', 'subtasks', 'watch', 'create', 'mock'])('%s --help: usage on stdout, exit 0', async (command) => {
    const result = await runInProcess([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: iodm-northbound ${command}`);
    expect(result.stderr).toBe('');
  });
});
