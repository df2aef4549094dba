// The built mock in a process of its own for the throughput bench: library defaults (no request
// log). Prints its URL, serves until SIGTERM.
import { startMockServer } from '../../dist/index.js';

const mock = await startMockServer({ port: 0 });
console.log(`listening ${mock.url}`);
process.once('SIGTERM', () => void mock.close());
