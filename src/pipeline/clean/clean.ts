/**
 * The clean stage: decoded text → clean Simplified text, its map to the decoded source, and the
 * metadata lifted from page chrome. Steps, in order: whitespace, mojibake, pinyin, Traditional →
 * Simplified, page chrome.
 */
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { CleanText, DecodedText, GarbledSpan, MetadataField, OffsetMap, StageResult } from "../records.ts";
import type { ChromeRules } from "./chromeRules.ts";
import { removeChrome } from "./chrome.ts";
import { repairMojibake } from "./mojibake.ts";
import { composeMaps, positionOf, toOriginalSpan } from "./offsets.ts";
import { removePinyin } from "./pinyin.ts";
import { toSimplified } from "./traditional.ts";
import { cleanWhitespace } from "./whitespace.ts";

/** Reference data the clean stage reads. */
export interface CleanContext {
  /** rules parsed from data/reference/page-chrome.csv by `parseChromeRules` */
  chrome: ChromeRules;
}

/**
 * Map a [start, end) span of a step's input forward to its output, given the output → input `map`:
 * the output characters whose input index falls in the span. Empty when the step removed them all.
 */
export function mapSpanForward(map: OffsetMap, start: number, end: number): [number, number] {
  const last = map.length - 1;
  let s = 0;
  while (s < last && map[s]! < start) s++;
  let e = s;
  while (e < last && map[e]! < end) e++;
  return [s, e];
}

/**
 * Clean `decoded.text`: one paragraph per line, garbled runs re-read where sure, pinyin annotations
 * removed, Simplified script, page chrome removed and its metadata lifted. `toSource` maps the clean
 * text to `decoded.source`; metadata spans are in `decoded.source`. Garbled runs are reported as
 * issues (info `text-garbled-repaired`, warning `text-garbled`) at their line:column in the source.
 * The value is never null; never throws on any string.
 */
export function cleanText(decoded: DecodedText, ctx: CleanContext): StageResult<CleanText> {
  // Each step maps its output to its input; composing them maps the clean text to `decoded.text`.
  const spaced = cleanWhitespace(decoded.text);
  const repaired = repairMojibake(spaced.text);
  const unannotated = removePinyin(repaired.text);
  const simplified = toSimplified(unannotated.text);
  const stripped = removeChrome(simplified.text, ctx.chrome);

  const toDecoded = [stripped.map, simplified.map, unannotated.map, repaired.map, spaced.map].reduce(
    (outer, inner) => composeMaps(outer, inner),
  );
  const toSource = composeMaps(toDecoded, decoded.toSource);
  // Chrome input → decoded.source, for the metadata spans.
  const chromeInputToSource = composeMaps(
    composeMaps(composeMaps(composeMaps(simplified.map, unannotated.map), repaired.map), spaced.map),
    decoded.toSource,
  );
  const metadata: MetadataField[] = stripped.metadata.map((field) => ({
    key: field.key,
    value: field.value,
    span: toOriginalSpan(chromeInputToSource, field.span[0], field.span[1]),
  }));

  const issues: Issue[] = [];
  const garbled: GarbledSpan[] = [];
  // Garbled spans are in the mojibake step's output: carry them through the later steps.
  const garbledToSource = composeMaps(composeMaps(repaired.map, spaced.map), decoded.toSource);
  for (const span of repaired.garbled) {
    const [sourceStart] = toOriginalSpan(garbledToSource, span.span[0], span.span[1]);
    const { line, column } = positionOf(decoded.source, sourceStart);
    issues.push(
      span.repairedAs === null
        ? {
            code: "text-garbled",
            severity: "warning",
            path: decoded.path,
            line,
            column,
            message: `text is garbled and cannot be re-read surely: expected readable text, found ${quoteFound(span.found)}`,
            hint: "the text is kept as found; supply the passage from another copy of the report",
          }
        : {
            code: "text-garbled-repaired",
            severity: "info",
            path: decoded.path,
            line,
            column,
            message: `text re-read as GBK one byte back in step: found ${quoteFound(span.found)}, repaired as ${quoteFound(span.repairedAs)}`,
          },
    );
    let [s, e] = span.span;
    for (const map of [unannotated.map, simplified.map, stripped.map]) [s, e] = mapSpanForward(map, s, e);
    if (e > s) garbled.push({ span: [s, e], found: span.found, repairedAs: span.repairedAs });
  }

  return {
    value: {
      path: decoded.path,
      text: stripped.text,
      toSource,
      script: simplified.script,
      metadata,
      garbled,
      pinyinRemoved: unannotated.removed,
    },
    issues,
  };
}
