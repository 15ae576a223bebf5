import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // expect.poll waits for the page or a server to get somewhere; vitest's 1 s is too short for
    // a two-core CI machine running two test files at once (a poll still returns as soon as met).
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 30_000,
    // Integration tests open real sockets and spawn processes; two cores do not like wide fan-out.
    maxWorkers: 2,
    passWithNoTests: false,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
