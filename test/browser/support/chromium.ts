/**
 * Debian's Chromium driven by playwright-core: headless, sandbox off (containers), a fresh profile,
 * and no network but the local test server.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Where `apt-get install chromium` puts the browser; `CHROMIUM_PATH=…` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when Chromium is installed; the browser tests skip otherwise. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

/** The message printed when the browser tests skip. */
export const SKIP_MESSAGE = "browser tests skipped: Chromium not installed (apt-get install -y chromium fonts-noto-cjk)";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** A launched browser: one context whose requests are limited to `origin`. */
export interface Browser {
  context: BrowserContext;
  /** URLs the pages tried to load from anywhere but `origin` (all aborted) */
  blocked: Array<{ page: string; url: string }>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh user-data-dir (removed on close). Every request outside `origin`
 * (other hosts, other ports) is aborted and recorded in `blocked`; `data:` URLs pass. Throws when
 * Chromium is absent: check HAVE_CHROMIUM first.
 */
export async function launchBrowser(origin: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "tongbao-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    serviceWorkers: "block",
  });
  const blocked: Browser["blocked"] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
    const frame = route.request().frame();
    blocked.push({ page: frame.url(), url });
    return route.abort("blockedbyclient");
  });
  return {
    context,
    blocked,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What went wrong while a page loaded: console errors, uncaught errors, failed requests, dialogs. */
export interface PageProblems {
  console: string[];
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/**
 * Starts recording a page's problems; `reset()` empties the lists between navigations. Dialogs
 * (alert, confirm) are recorded and dismissed, so a script that ran shows up here.
 */
export function watchPage(page: Page): { problems: PageProblems; reset(): void } {
  const problems: PageProblems = { console: [], errors: [], requests: [], dialogs: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.console.push(message.text());
  });
  page.on("pageerror", (error) => problems.errors.push(error.message));
  page.on("requestfailed", (request) => problems.requests.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.requests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on("dialog", (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    problems,
    reset() {
      for (const list of Object.values(problems) as string[][]) list.length = 0;
    },
  };
}
