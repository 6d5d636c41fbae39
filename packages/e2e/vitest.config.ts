import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    // Packing, installing and versioning spawn real pnpm/npm processes.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
