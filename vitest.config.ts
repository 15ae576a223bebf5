import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // A test that passes in 5 s on a quiet machine can take 20 s at load 15; a timeout costs time
    // only when a test hangs.
    testTimeout: 60_000,
    // expect.poll waits for the page or a server to get somewhere; vitest's 1 s is too short for
    // a two-core CI machine running two test files at once (a poll still returns as soon as met).
    // 10 s: at load 15 a Chromium page can take seconds to draw; it only costs time on a failure.
    expect: { poll: { timeout: 10_000 } },
    // Hooks start and stop Chromium, HAProxy and servers; on a loaded machine 30 s was close.
    hookTimeout: 60_000,
    // Integration tests open real sockets and spawn processes; two cores do not like wide fan-out.
    maxWorkers: 2,
    passWithNoTests: false,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
