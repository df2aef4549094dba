import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig({ test: { exclude: ['verdaccio/**', '**/node_modules/**'] } });
