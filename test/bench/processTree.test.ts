/**
 * The memory of a process and the processes it started (src/bench/processTree.ts), read from /proc: a child holding
 * 200 MB shows in its parent's tree and not in the parent's own resident memory.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTreeRssKb, sampleTreePeak } from "../../src/bench/processTree.ts";

const HAVE_PROC = existsSync("/proc/self/status");
if (!HAVE_PROC) console.warn("test/bench/processTree.test.ts: no /proc here (not Linux): skipped");

describe.skipIf(!HAVE_PROC)("readTreeRssKb(pid) / sampleTreePeak(pid)", () => {
  it("counts a child's memory in its parent's tree", async () => {
    const own = readTreeRssKb(process.pid)!;
    expect(own).toBeGreaterThan(10_000);
    const peak = sampleTreePeak(process.pid, 50);
    // A child that fills 200 MB of memory it touches, says so, then waits to be killed.
    const child = spawn(process.execPath, ["-e", "const b = Buffer.alloc(200 * 1024 * 1024, 1); console.log('ready'); setInterval(() => b[0]++, 1000);"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      const withChild = readTreeRssKb(process.pid)!;
      expect(withChild - own).toBeGreaterThan(200 * 1024);
      expect(readTreeRssKb(child.pid!)!).toBeGreaterThan(200 * 1024);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      child.kill();
    }
    expect(peak.stop()).toBeGreaterThan((own + 200 * 1024) / 1024);
  });

  it("gives 0 for a process that does not exist", () => {
    expect(readTreeRssKb(2 ** 30)).toBe(0);
  });
});
