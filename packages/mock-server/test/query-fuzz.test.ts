// The query fuzz in the contributor's loop: a few hundred cases on a fixed seed, the same every
// run (the release tier runs thousands on a fresh seed: test/release/query-fuzz.test.ts).
import { queryFuzzSuite } from './query-fuzz-property.js';

queryFuzzSuite({
  example: 200,
  dynamic: 200,
  seed: 20_260_101,
  replay: (mode) => `npx vitest run test/query-fuzz.test.ts -t "${mode} mode" (the seed is fixed)`,
});
