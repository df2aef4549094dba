// The built mock in a process of its own for the throughput bench: library defaults (no request
// log). Prints its URL, serves until SIGTERM. Argument: another build's dist folder, to compare.
import { pathToFileURL } from 'node:url';

const dist = process.argv[2] ? pathToFileURL(`${process.argv[2]}/`) : new URL('../../dist/', import.meta.url);
const { startMockServer } = await import(new URL('index.js', dist).href);

const mock = await startMockServer({ port: 0 });
console.log(`listening ${mock.url}`);
process.once('SIGTERM', () => void mock.close());
