/**
 * Addresses from the data (a report's `url`) that a page may link to. The schema accepts any URL, and a source or
 * sidecar may carry `javascript:alert(1)`; only http and https addresses become links, the rest are shown as text.
 */

/** `url` when it is an absolute http(s) address, else undefined (javascript:, data:, relative, malformed, null). */
export function findSafeUrl(url: string | null): string | undefined {
  if (url === null) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    // Not a URL at all: it is shown as text, and the data build has already reported it.
    return undefined;
  }
}
