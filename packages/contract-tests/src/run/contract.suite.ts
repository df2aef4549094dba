// The suite as the bin runs it (a test file that is not named *.test.* so the package's own
// vitest run does not pick it up twice; test/contract.test.ts is the same two lines).
import { defineContractSuite } from '../suite/index.js';

defineContractSuite();
