/**
 * Minimal types for subset-font 2 (it ships none): only what the chart images use, cutting a font down to a text's
 * characters.
 */
declare module "subset-font" {
  export interface SubsetOptions {
    /** the format of the font made: `sfnt` is TrueType or OpenType as the input is */
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    /** name table IDs kept besides the default 0–6 */
    preserveNameIds?: number[];
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}
