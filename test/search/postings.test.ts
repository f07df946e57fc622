/** src/search/postings.js: a key's postings written by the build and read back by the search page. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePostings, encodePostings, readPositions } from "../../src/search/postings.js";

/** Documents increasing, each with increasing positions, as the flat list encodePostings takes. */
const postingsArb = fc
  .uniqueArray(fc.nat({ max: 50_000 }), { minLength: 0, maxLength: 30 })
  .chain((docs) => fc.tuple(fc.constant([...docs].sort((a, b) => a - b)), fc.array(fc.uniqueArray(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 12 }), { minLength: docs.length, maxLength: docs.length })));

describe("encodePostings / decodePostings / readPositions", () => {
  it("writes the documented form", () => {
    expect(encodePostings([7, 3, 3, 39, 40, 12, 1, 0])).toBe("7:3,10,1;5:0");
    expect(decodePostings("7:3,10,1;5:0")).toEqual({ docs: [7, 12], positions: ["3,10,1", "0"] });
    expect(readPositions("3,10,1")).toEqual([3, 39, 40]);
    expect(decodePostings("")).toEqual({ docs: [], positions: [] });
  });

  it("reads back every document and position it wrote", () => {
    fc.assert(
      fc.property(postingsArb, ([docs, lists]) => {
        const positions = lists.map((list) => [...list].sort((a, b) => a - b));
        const flat = docs.flatMap((doc, i) => [doc, positions[i]!.length, ...positions[i]!]);
        const read = decodePostings(encodePostings(flat));
        expect(read.docs).toEqual(docs);
        expect(read.positions.map(readPositions)).toEqual(positions);
      }),
    );
  });

  it("refuses what it does not write, saying what it found", () => {
    expect(() => decodePostings("7:3;:1")).toThrow(/expected "document:positions", found ":1"/);
    expect(() => decodePostings("7")).toThrow(/found "7"/);
    expect(() => decodePostings("7:")).toThrow(/found "7:"/);
    expect(() => readPositions("3,,1")).toThrow(/expected a base-36 position, found ""/);
    expect(() => readPositions("3,1x!")).toThrow(/found "1x!"/);
  });
});
