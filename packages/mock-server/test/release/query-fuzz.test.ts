// The query fuzz at length: thousands of cases on a fresh seed each run, or FUZZ_SEED's (and
// FUZZ_PATH's, to replay one shrunk counterexample) when set.
import { queryFuzzSuite } from '../query-fuzz-property.js';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const path = process.env.FUZZ_PATH || undefined;

queryFuzzSuite({
  example: 2_000,
  dynamic: 1_000,
  seed,
  ...(path !== undefined && { path }),
  replay: (mode, failedSeed, failedPath) => `FUZZ_SEED=${failedSeed} FUZZ_PATH=${failedPath} npm run test:release -- test/release/query-fuzz.test.ts -t "${mode} mode"`,
});
