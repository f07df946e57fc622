/**
 * createPositionIndex is the fast path the extractors and the pipeline use for provenance and issue positions
 * (npm run bench found positionOf rescanning a report per row); it must give exactly what positionOf gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPositionIndex, positionOf } from "../../../src/pipeline/clean/offsets.ts";

// Line breaks of every kind, surrogate pairs (𠮷) and lone surrogates, Han and ASCII.
const PIECES = ["\n", "\r", "\r\n", "\r\r\n", "𠮷", "\ud842", "\udfb7", "东", "a", " ", "，"];

describe("createPositionIndex(source)", () => {
  it("gives positionOf(source, offset) for every offset, out-of-range ones included", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const source = pieces.join("");
        const positionAt = createPositionIndex(source);
        for (let offset = -2; offset <= source.length + 2; offset++) {
          expect(positionAt(offset)).toEqual(positionOf(source, offset));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts a surrogate pair as one column and \\r\\n as one line break", () => {
    const positionAt = createPositionIndex("𠮷a\r\nb\rc");
    expect([positionAt(3), positionAt(5), positionAt(7)]).toEqual([
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
    ]);
  });
});
