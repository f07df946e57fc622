/**
 * Minimal types for opencc-js 1.4 (the package names `types/` but does not ship them).
 * Only what the clean stage uses: a converter between two locales.
 */
declare module "opencc-js" {
  /** Locales: `cn` Simplified (mainland), `tw` Taiwan, `twp` Taiwan with phrases, `hk` Hong Kong, `t` OpenCC Traditional, `jp` Japanese Shinjitai. */
  export type Locale = "cn" | "tw" | "twp" | "hk" | "t" | "jp";
  /** A converter: the text converted (characters and, for some locales, phrases). */
  export type ConvertText = (text: string) => string;
  export function Converter(options: { from: Locale; to: Locale }): ConvertText;
  const OpenCC: { Converter: typeof Converter };
  export default OpenCC;
}
