#!/usr/bin/env node
// The iodm-northbound executable: process wiring only (signals, streams, exit code).
import { runCli } from './main.js';

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort(new Error('interrupted'));
  process.once('SIGINT', () => process.exit(130)); // a second Ctrl-C does not wait
});
// `iodm-northbound subtasks … | head`: the reader left; stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, interrupted: interrupt.signal });
if (interrupt.signal.aborted) process.exit(code); // do not wait for in-flight requests
process.exitCode = code;
