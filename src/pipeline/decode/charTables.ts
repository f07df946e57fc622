/**
 * Double-byte character tables for GB18030 (GBK part) and Big5, read once from iconv-lite.
 *
 * We validate byte structure ourselves (so that a bad byte becomes one U+FFFD and an issue, never
 * mojibake) and look each two-byte code up here. The tables are built lazily and never change.
 */
import iconv from "iconv-lite";

/** A two-byte code table: `chars[(lead - 0x81) * 256 + trail]` is the decoded text, "" when unmapped. */
export interface DoubleByteTable {
  chars: readonly string[];
  /** the first two-byte code that decodes to each character (for "is it a common character?") */
  codeOf: ReadonlyMap<string, number>;
}

const LEAD_MIN = 0x81;
const LEAD_MAX = 0xfe;

/** GBK trail bytes: 0x40–0x7E and 0x80–0xFE. */
export function isGbTrail(byte: number): boolean {
  return (byte >= 0x40 && byte <= 0x7e) || (byte >= 0x80 && byte <= 0xfe);
}

/** Big5 trail bytes: 0x40–0x7E and 0xA1–0xFE. */
export function isBig5Trail(byte: number): boolean {
  return (byte >= 0x40 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xfe);
}

/** Lead bytes of both encodings: 0x81–0xFE. */
export function isDoubleByteLead(byte: number): boolean {
  return byte >= LEAD_MIN && byte <= LEAD_MAX;
}

function buildTable(encoding: "gb18030" | "big5", isTrail: (byte: number) => boolean): DoubleByteTable {
  // Decode every structurally valid pair in one call, separated by "\n": a pair never contains 0x0A,
  // so splitting on it gives back one entry per pair even where a pair decodes to two characters
  // (Big5-HKSCS 0x8862 → "Ê̄").
  const codes: number[] = [];
  const bytes: number[] = [];
  for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (!isTrail(trail)) continue;
      codes.push((lead << 8) | trail);
      bytes.push(lead, trail, 0x0a);
    }
  }
  const parts = iconv.decode(Buffer.from(bytes), encoding).split("\n");
  if (parts.length !== codes.length + 1) {
    throw new Error(`building the ${encoding} table: expected ${codes.length} entries, found ${parts.length - 1}`);
  }
  const chars: string[] = new Array<string>((LEAD_MAX - LEAD_MIN + 1) * 256).fill("");
  const codeOf = new Map<string, number>();
  codes.forEach((code, i) => {
    const text = parts[i]!;
    // iconv-lite maps codes it has no character for to U+FFFD: those bytes are undecodable.
    if (text === "" || text.includes("\uFFFD")) return;
    chars[((code >> 8) - LEAD_MIN) * 256 + (code & 0xff)] = text;
    if (!codeOf.has(text)) codeOf.set(text, code);
  });
  return { chars, codeOf };
}

let gbTable: DoubleByteTable | undefined;
let big5Table: DoubleByteTable | undefined;

/** The GBK two-byte table of GB18030 (built on first use, then shared; never mutated). */
export function getGbTable(): DoubleByteTable {
  gbTable ??= buildTable("gb18030", isGbTrail);
  return gbTable;
}

/** The Big5 (with HKSCS and ETEN extensions, as iconv-lite has it) table. */
export function getBig5Table(): DoubleByteTable {
  big5Table ??= buildTable("big5", isBig5Trail);
  return big5Table;
}

/**
 * True when `char` is one of the most used Chinese characters: GB2312 level 1 (GBK lead byte
 * 0xB0–0xD7: the 3,755 most used Simplified characters) or Big5 level 1 (0xA440–0xC67E: the 5,401
 * most used Traditional ones). Readable text is nearly all such characters; text decoded with the
 * wrong encoding, or garbled upstream, is not.
 */
export function isCommonHan(char: string): boolean {
  const gb = getGbTable().codeOf.get(char);
  if (gb !== undefined && gb >> 8 >= 0xb0 && gb >> 8 <= 0xd7 && (gb & 0xff) >= 0xa1) return true;
  const big5 = getBig5Table().codeOf.get(char);
  return big5 !== undefined && big5 >= 0xa440 && big5 <= 0xc67e;
}

/** Decoded text of a two-byte code, or "" when the table has no character for it. */
export function lookUpPair(table: DoubleByteTable, lead: number, trail: number): string {
  return table.chars[(lead - LEAD_MIN) * 256 + trail] ?? "";
}

/**
 * Decode one GB18030 four-byte sequence (`81 36 A6 31` → "•"), or "" when it names no character.
 * Rare enough in real files to ask iconv-lite each time.
 */
export function decodeGbFourBytes(b1: number, b2: number, b3: number, b4: number): string {
  const text = iconv.decode(Buffer.from([b1, b2, b3, b4]), "gb18030");
  // iconv-lite answers U+FFFD for unassigned codes and U+FFFF past the BMP ranges it knows.
  if (text.includes("\uFFFD") || text === "\uFFFF") return "";
  return text;
}
