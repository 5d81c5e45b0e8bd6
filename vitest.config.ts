import { defineConfig } from 'vitest/config';

/**
 * One configuration, three projects:
 * - unit: pure logic, no network, no DynamoDB.
 * - integration: `*.int.test.ts`, against one shared DynamoDB Local started by the global setup.
 * - e2e: journeys under test/ that drive the local cloud through its API only.
 */
export default defineConfig({
  test: {
    // Two files at a time. Vitest's default leaves one core of two idle, and an integration file
    // spends most of its time waiting on DynamoDB Local or starting its cloud, so a second file
    // fills the gaps (the integration project: 580 s one at a time, 400 s two at a time).
    maxWorkers: 2,
    // Domain rules and use cases are where behaviour lives: their coverage may not fall below these.
    coverage: {
      provider: 'v8',
      include: ['services/*/domain/**/*.ts', 'services/*/app/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary'],
      // Measured at 94.9 / 85.7 / 96.0 / 96.1 %; a change that drops a rule's tests fails here.
      thresholds: { statements: 93, branches: 83, functions: 94, lines: 94 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          // Pure tests with no module state or mocks: sharing loaded modules between files in a
          // worker spares re-importing zod, the CDK and the contracts for every file (about 6x faster).
          isolate: false,
          include: ['packages/*/src/**/*.test.ts', 'services/**/*.test.ts', 'infra/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'services/**/*.int.test.ts'],
          globalSetup: ['packages/local/src/testing/global-setup.ts'],
          // Expected failures (retries, poison messages) are exercised on purpose; keep their logs out.
          // Every answer is checked against the OpenAPI document (a mismatch becomes a 500).
          env: { POWERTOOLS_LOG_LEVEL: 'CRITICAL', CARELINK_CHECK_RESPONSES: '1' },
          // A guard against hangs, not a speed target: with two files sharing DynamoDB Local, a
          // 1,000-patient billing test that takes 10 s alone has taken 25 s.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          env: { CARELINK_CHECK_RESPONSES: '1' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
