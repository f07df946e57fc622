/**
 * Text made safe to write into HTML by hand, outside Astro's own escaping: the WeChat fragment and the feeds'
 * descriptions are strings built in code, and what a report says must never become markup there.
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `<script>` → `&lt;script&gt;`: `&`, `<`, `>`, `"` and `'` as entities, so the result is safe as text and as an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
