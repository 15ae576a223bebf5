import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests open real sockets and spawn processes; two cores do not like wide fan-out.
    maxWorkers: 2,
    passWithNoTests: false,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
