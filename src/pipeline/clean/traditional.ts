/**
 * Traditional → Simplified conversion (繁体 → 简体) with opencc-js, keeping the offset map.
 */
import OpenCC from "opencc-js";
import type { CleanText } from "../records.ts";
import { isHan } from "./commonChars.ts";
import { identityMap, MappedTextBuilder } from "./offsets.ts";
import type { StepOutput } from "./offsets.ts";

/** Output of `toSimplified`: the converted text and what it says about the input's script. */
export interface SimplifiedOutput extends StepOutput {
  /** "traditional" when ≥ 5% of the input's Han characters convert, "mixed" when some do */
  script: CleanText["script"];
}

// Built once, on first use: loading the dictionaries costs tens of milliseconds. `hk` → `cn` gives
// 於→于, 裏→里, 羣→群, 説→说, 爲→为, 衛→卫, 瞭解→了解, 迴天→回天 (checked on reports/025.txt).
let converter: ((text: string) => string) | undefined;

/**
 * The OpenCC Traditional (Hong Kong) → Simplified (mainland) conversion of `text`, phrases included,
 * with no offset map and no script decision: `convertToSimplified("風險")` → "风险". Text with nothing
 * to convert comes back unchanged. The dictionaries load once, on the first call. Never throws.
 */
export function convertToSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: "hk", to: "cn" });
  return converter(text);
}

/** Share of changed Han characters from which a text counts as Traditional (a Traditional report changes ~25%). */
const TRADITIONAL_SHARE = 0.05;

/**
 * Convert `text` to Simplified, line by line. Where a line keeps its length (nearly always) the map is
 * one to one; otherwise the converted line is spread over the input line. `script` is "traditional"
 * when at least 5% of the Han characters would change, "mixed" when some do, else "simplified".
 * Only a Traditional text is converted: in a Simplified page the few characters opencc would change
 * are Simplified usage, mostly names (王濛 would become 王蒙), so a "mixed" text is kept as it is.
 * Never throws; Simplified input comes back unchanged.
 */
export function toSimplified(text: string): SimplifiedOutput {
  const converted = convertLines(text);
  if (converted.script === "traditional") return converted;
  return { text, map: identityMap(text.length), script: converted.script };
}

/**
 * Convert `text` to Simplified whatever its script (see `toSimplified` for when the clean stage
 * does). `script` still says what the text was.
 */
export function convertLines(text: string): SimplifiedOutput {
  const out = new MappedTextBuilder();
  let hanCount = 0;
  let hanChanged = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const converted = convertToSimplified(line);
    if (converted === line) out.keep(text, start, end);
    else if (converted.length === line.length) {
      out.replace(converted, start, end);
    } else {
      // Length changed: a compatibility ideograph (U+2F800 → 丽, U+FA6C → U+242EE). Convert each
      // code point on its own, so that each maps to its own span (phrases are rare on such lines).
      for (const piece of line.matchAll(/[\ud800-\udbff][\udc00-\udfff]|[^]/g)) {
        const from = start + piece.index;
        const to = from + piece[0].length;
        const convertedPiece = convertToSimplified(piece[0]);
        if (convertedPiece === piece[0]) out.keep(text, from, to);
        else out.replace(convertedPiece, from, to);
      }
    }
    if (converted !== line) {
      for (let i = 0; i < line.length; i++) {
        if (converted.length === line.length && isHan(line[i]!) && converted[i] !== line[i]) hanChanged++;
      }
      if (converted.length !== line.length) hanChanged += countChangedLoosely(line, converted);
    }
    for (const char of line) if (isHan(char)) hanCount++;
    if (end < text.length) out.keep(text, end, end + 1);
    start = end + 1;
  }
  const share = hanCount === 0 ? 0 : hanChanged / hanCount;
  const script = share >= TRADITIONAL_SHARE ? "traditional" : hanChanged > 0 ? "mixed" : "simplified";
  return { ...out.build(text.length), script };
}

// A line whose length changed: count the Han characters of the input missing from the output.
function countChangedLoosely(line: string, converted: string): number {
  const kept = new Set(converted);
  let changed = 0;
  for (const char of line) if (isHan(char) && !kept.has(char)) changed++;
  return changed;
}
