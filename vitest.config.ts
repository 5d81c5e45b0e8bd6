import { defineConfig } from 'vitest/config';

/**
 * One configuration, three projects:
 * - unit: pure logic, no network, no DynamoDB.
 * - integration: `*.int.test.ts`, against one shared DynamoDB Local started by the global setup.
 * - e2e: journeys under test/ that drive the whole local cloud through its API.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/**/*.test.ts', 'infra/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
    ],
  },
});
