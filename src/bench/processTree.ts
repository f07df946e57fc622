/**
 * The memory of a process together with the processes it started (a build and the programs it runs), read from
 * Linux's /proc. A process's own peak (`resourceUsage().maxRSS`) leaves its children out: until issue 7 the site
 * build started Pagefind's binary, which held 4 GB beside the build's 1.6 GB at 10,000 reports.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Each process's parent, from /proc/{pid}/stat; null where there is no /proc (not Linux). */
function readParents(): Map<number, number> | null {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return null;
  }
  const parents = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name, in parentheses, may hold spaces and parentheses: the fields after the last ")" are plain.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // ended while being read
    }
  }
  return parents;
}

/** VmRSS of process `pid` in kB; 0 when it has ended or has none (a zombie). */
function readRssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

/** The resident memory now of process `pid` and all its descendants, in kB; null where there is no /proc. */
export function readTreeRssKb(pid: number): number | null {
  const parents = readParents();
  if (parents === null) return null;
  const tree = new Set([pid]);
  // Parents are listed before their children mostly, not always: repeat until no process joins.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parents) {
      if (!tree.has(child) && tree.has(parent)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const member of tree) total += readRssKb(member);
  return total;
}

/**
 * Sample `readTreeRssKb(pid)` every `intervalMs` until `stop()` is called, which returns the largest sum seen in MB
 * (NaN where there is no /proc). A sample, not a bound: a peak between two samples is missed.
 */
export function sampleTreePeak(pid: number, intervalMs = 250): { stop: () => number } {
  let peakKb: number | null = readTreeRssKb(pid);
  const timer = setInterval(() => {
    const now = readTreeRssKb(pid);
    if (now !== null) peakKb = Math.max(peakKb ?? 0, now);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peakKb === null ? Number.NaN : peakKb / 1024;
    },
  };
}
