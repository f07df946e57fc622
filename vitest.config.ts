import { defineConfig } from "vitest/config";

// Dates in tests must not depend on the machine's zone: reports are dated in Beijing time.
process.env.TZ = "Asia/Shanghai";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
