/**
 * scripts/pdf.ts without a browser run: its refusals (bad day, no Chromium, no built site, no briefing that day)
 * say what is missing and exit 1. The printing itself is tested in test/browser/briefings.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PdfError, printBriefingPdf } from "../../scripts/pdf.ts";

describe("printBriefingPdf(distDir, date)", () => {
  it("refuses a day that is not a date", async () => {
    await expect(printBriefingPdf("dist", "13.4.2022")).rejects.toThrow(new PdfError('pdf: the day is not a date: expected YYYY-MM-DD, found "13.4.2022"'));
  });
  it("says when Chromium is missing", async () => {
    await expect(printBriefingPdf("dist", "2022-04-13", "/nonexistent/chromium")).rejects.toThrow(
      "pdf: Chromium is not installed: expected /nonexistent/chromium (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)",
    );
  });
  it("says when the site or the day's briefing is not built", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tongbao-pdf-"));
    try {
      await expect(printBriefingPdf(dir, "2022-04-13", process.execPath)).rejects.toThrow(`pdf: the site is not built: expected ${join(dir, "index.html")}; run \`npm run build\` first`);
      await writeFile(join(dir, "index.html"), "<!doctype html>");
      await expect(printBriefingPdf(dir, "2022-04-13", process.execPath)).rejects.toThrow(
        `pdf: no briefing for 2022-04-13: expected ${join(dir, "briefings/2022-04-13/index.html")}; /briefings/ lists the days that have one`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("exits 1 with the message on stderr (npm run pdf)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tongbao-pdf-cwd-"));
    try {
      const result = spawnSync(process.execPath, ["--experimental-strip-types", "--no-warnings=ExperimentalWarning", join(process.cwd(), "scripts/pdf.ts"), "2022-04-13"], { cwd: dir, encoding: "utf8", env: { ...process.env, CHROMIUM_PATH: process.execPath } });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`pdf: the site is not built: expected ${join(dir, "dist", "index.html")}; run \`npm run build\` first\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
