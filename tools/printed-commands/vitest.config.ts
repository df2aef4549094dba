import { packageTestConfig } from '../../vitest.shared.ts';

// The commands are child processes (node, npm exec, sh): a few at a time on a 2-core machine.
export default packageTestConfig({ test: { maxConcurrency: 3 } });
