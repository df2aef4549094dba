import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({ test: { exclude: ['server/**', '**/node_modules/**'] } });
