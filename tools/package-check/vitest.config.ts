import { packageTestConfig } from '../../vitest.shared.ts';

// fixtures/ holds the scratch consumer's own test file: it runs inside the scratch project only.
export default packageTestConfig({ test: { exclude: ['fixtures/**', '**/node_modules/**'] } });
