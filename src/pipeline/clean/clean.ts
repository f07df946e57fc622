/**
 * The clean stage: decoded text → clean Simplified text, its map to the decoded source, and the
 * metadata lifted from page chrome. Steps, in order: whitespace, mojibake, pinyin, Traditional →
 * Simplified, page chrome.
 */
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { CleanText, DecodedText, GarbledSpan, MetadataField, StageResult } from "../records.ts";
import type { ChromeRules } from "./chromeRules.ts";
import { removeChrome } from "./chrome.ts";
import { repairMojibake } from "./mojibake.ts";
import { applyStep, mapSpanForward, positionOf, toOriginalSpan } from "./offsets.ts";
import { removePinyin } from "./pinyin.ts";
import { toSimplified } from "./traditional.ts";
import { cleanWhitespace } from "./whitespace.ts";

/** Reference data the clean stage reads. */
export interface CleanContext {
  /** rules parsed from data/reference/page-chrome.csv by `parseChromeRules` */
  chrome: ChromeRules;
}

/**
 * Clean `decoded.text`: one paragraph per line, garbled runs re-read where sure, pinyin annotations
 * removed, Simplified script, page chrome removed and its metadata lifted. `toSource` maps the clean
 * text to `decoded.source`; metadata spans are in `decoded.source`. Garbled runs are reported as
 * issues (info `text-garbled-repaired`, warning `text-garbled`) at their line:column in the source.
 * The value is never null; never throws on any string.
 */
export function cleanText(decoded: DecodedText, ctx: CleanContext): StageResult<CleanText> {
  // Each step's `map` maps its text to `decoded.source`; `step` keeps what the step itself returned.
  const spaced = applyStep({ text: decoded.text, map: decoded.toSource }, cleanWhitespace);
  const repaired = applyStep(spaced, repairMojibake);
  const unannotated = applyStep(repaired, removePinyin);
  const simplified = applyStep(unannotated, toSimplified);
  const stripped = applyStep(simplified, (text) => removeChrome(text, ctx.chrome));

  // Metadata spans are in the chrome step's input, the simplified text.
  const metadata: MetadataField[] = stripped.step.metadata.map((field) => ({
    key: field.key,
    value: field.value,
    span: toOriginalSpan(simplified.map, field.span[0], field.span[1]),
  }));

  const issues: Issue[] = [];
  const garbled: GarbledSpan[] = [];
  // Garbled spans are in the mojibake step's output: carry them through the later steps.
  for (const span of repaired.step.garbled) {
    const [sourceStart] = toOriginalSpan(repaired.map, span.span[0], span.span[1]);
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
    for (const later of [unannotated, simplified, stripped]) [s, e] = mapSpanForward(later.step.map, s, e);
    if (e > s) garbled.push({ span: [s, e], found: span.found, repairedAs: span.repairedAs });
  }

  return {
    value: {
      path: decoded.path,
      text: stripped.text,
      toSource: stripped.map,
      script: simplified.step.script,
      metadata,
      garbled,
      pinyinRemoved: unannotated.step.removed,
    },
    issues,
  };
}
