/**
 * Canonical JSON: the same value always gives the same bytes.
 */

/**
 * Serialise `value` as JSON with two-space indentation and a final newline. Key order is the order
 * the records were built in (fixed by their constructors), so equal inputs give equal bytes.
 */
export function emitJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
