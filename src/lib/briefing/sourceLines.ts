/**
 * Where a briefing's case figures were read, said briefly: the lines of each case CSV file as ranges,
 * `cases-beijing-citywide.csv 第328–341行；cases-beijing-districts.csv 第5601行、第5617行`.
 */

/** A line of a case CSV file (FigureSource of dataset case_csv). */
export interface SourceLine {
  path: string;
  line: number;
}

/**
 * `lines` grouped by file (files in code-unit order of their name), each file's lines sorted and merged into runs
 * of consecutive lines: `第328–341行、第345行`. Duplicates count once. "" for no lines.
 */
export function describeSourceLines(lines: readonly SourceLine[]): string {
  const byFile = new Map<string, Set<number>>();
  for (const { path, line } of lines) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    byFile.set(name, (byFile.get(name) ?? new Set()).add(line));
  }
  return [...byFile.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name} ${getLineRuns([...(byFile.get(name) as Set<number>)]).map(([from, to]) => (from === to ? `第${from}行` : `第${from}–${to}行`)).join("、")}`)
    .join("；");
}

/** Sorted runs of consecutive numbers: [5, 1, 2, 3] → [[1, 3], [5, 5]]. */
export function getLineRuns(numbers: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}
