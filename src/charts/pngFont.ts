/**
 * The font files resvg draws a chart's text with (src/charts/png.ts): the CJK font cut down to the characters charts
 * nearly always use, or the whole font for a chart that uses others.
 *
 * resvg's time grows with the size of the font file it is given, not with the glyphs drawn: with the whole 8 MB
 * Noto Sans Hans a chart of 63 labels took 520 ms, with the font cut to ASCII and GB 2312 (7,384 characters, 1.9 MB)
 * 83 ms, to the same bytes. The cut fonts are made once (harfbuzz's subsetter, through subset-font) and kept in
 * node_modules/.cache/, named by a hash of what they are made from, so a later build finds them.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import iconv from "iconv-lite";
import subsetFont from "subset-font";

/** The font files of the whole font: regular for all text, bold for any `font-weight="bold"`. */
export function getFullFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  // The package exports only its script (dist/index.cjs); the fonts sit beside dist/ in fonts/.
  const folder = join(dirname(dirname(require.resolve("@embedpdf/fonts-sc"))), "fonts");
  return [join(folder, "NotoSansHans-Regular.otf"), join(folder, "NotoSansHans-Bold.otf")];
}

let common: Set<string> | undefined;

/**
 * The characters the cut font holds: printable ASCII and every character of GB 2312 (its 6,763 hanzi, both levels,
 * and its punctuation, digits and symbols): what Beijing's district, street and place names and a chart's labels
 * are written in.
 */
export function getCommonCharacters(): ReadonlySet<string> {
  if (common !== undefined) return common;
  const bytes: number[] = [];
  // GB 2312 is the rows 0xA1–0xF7 by the cells 0xA1–0xFE of EUC-CN; unassigned codes decode to U+FFFD.
  for (let row = 0xa1; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  const chars = new Set(iconv.decode(Buffer.from(bytes), "gb2312"));
  chars.delete("\ufffd");
  for (let code = 0x20; code < 0x7f; code++) chars.add(String.fromCharCode(code));
  common = chars;
  return common;
}

/**
 * How the fonts are cut. The typographic family and subfamily names (name IDs 16 and 17) are kept: they are what
 * puts Regular and Bold in one family, "Noto Sans S Chinese", which the SVGs name; without them bold titles were
 * drawn in the regular weight.
 */
const SUBSET_OPTIONS = { targetFormat: "sfnt", preserveNameIds: [16, 17] } as const;

let cut: Promise<string[]> | undefined;

/**
 * The font files to draw `text` (a chart's whole SVG) with: the cut fonts when they hold each of its characters, else
 * the whole font. Control characters and spaces (the markup's line breaks and indentation) do not count; a numeric
 * character reference (`&#x5803;`) could stand for any character, so an SVG holding one gets the whole font.
 */
export async function getPngFontFiles(text: string): Promise<string[]> {
  const chars = getCommonCharacters();
  if (text.includes("&#")) return getFullFontFiles();
  for (const char of text) {
    if (char > " " && !chars.has(char)) return getFullFontFiles();
  }
  cut ??= makeCutFonts(getFullFontFiles(), chars).catch((error: unknown) => {
    cut = undefined;
    throw error;
  });
  return cut;
}

/** Cut each of `files` down to `chars`, or find the cut already made; returns the cut files' paths, in order. */
async function makeCutFonts(files: readonly string[], chars: ReadonlySet<string>): Promise<string[]> {
  const text = [...chars].sort().join("");
  const folder = join(dirname(createRequire(import.meta.url).resolve("subset-font")), "..", ".cache", "tongbao-png-fonts");
  const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve("subset-font/package.json"), "utf8")) as { version: string }).version;
  const out: string[] = [];
  for (const file of files) {
    const font = readFileSync(file);
    const name = createHash("sha256").update(font).update(`\u0000subset-font ${version} ${JSON.stringify(SUBSET_OPTIONS)}\u0000`).update(text).digest("hex").slice(0, 24);
    const path = join(folder, `${name}.otf`);
    if (!existsSync(path)) {
      const bytes = await subsetFont(font, text, { ...SUBSET_OPTIONS, preserveNameIds: [...SUBSET_OPTIONS.preserveNameIds] });
      mkdirSync(folder, { recursive: true });
      // Written aside and renamed: two builds at once never read half a font.
      const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      writeFileSync(temp, bytes);
      renameSync(temp, path);
    }
    out.push(path);
  }
  return out;
}
