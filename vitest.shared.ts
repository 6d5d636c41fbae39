import { defineConfig } from "vitest/config";

/**
 * Vitest settings every package shares. Tests run on loaded 2-core CI machines where turbo runs
 * several packages at once: a test that takes 0.6 s alone can take 10 s there, so timeouts are
 * generous and only catch hangs. Speed is measured by `pnpm bench`, never by a test's timeout.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for a page or a process to catch up: 1 s (the default) is not enough there.
    expect: { poll: { timeout: 30_000 } },
  },
});
