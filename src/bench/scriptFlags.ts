/**
 * The Node flags of an npm script, so that the bench runs a build with the flags `npm run` gives it.
 */

/** The part of package.json read here. */
export interface PackageJson {
  scripts?: Record<string, string>;
}

/**
 * The flags npm script `name` gives `node`, in order: `node --heap-growing-percent=50 --no-warnings x.ts` →
 * `["--heap-growing-percent=50", "--no-warnings"]`. Throws, naming the script, when it is missing or not a `node`
 * command.
 */
export function getScriptNodeFlags(pkg: PackageJson, name: string): string[] {
  const script = pkg.scripts?.[name];
  const words = (script ?? "").trim().split(/\s+/);
  if (words[0] !== "node") throw new Error(`package.json script ${name} is not a node command: expected "node --flags script.ts", found ${JSON.stringify(script ?? null)}`);
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (!word.startsWith("--")) break;
    flags.push(word);
  }
  return flags;
}
