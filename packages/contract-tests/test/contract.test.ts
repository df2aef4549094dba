// The contract suite against the target of the global setup: the mock started on a free port,
// or the provider named by NORTHBOUND_BASE_URL.
import { defineContractSuite } from '../src/suite/index.js';

defineContractSuite();
