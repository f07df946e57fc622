/**
 * The charset an HTML page declares for itself in a `<meta>` tag.
 */
import type { Encoding } from "../records.ts";

/** A charset declaration found in the first 4 KB of a page. */
export interface CharsetDeclaration {
  /** the label as written, lower-cased: "gb2312" */
  label: string;
  /** what we decode it as, or null for a label we do not support (e.g. "shift_jis") */
  encoding: Encoding | null;
  /** 0-based byte offset of the label in the file */
  byteOffset: number;
}

/** How far into a page a declaration counts (browsers prescan 1024 bytes; pages are sloppier). */
const PRESCAN_BYTES = 4096;

// `<meta charset="gbk">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`:
// in both forms the label follows `charset=` inside a <meta> tag.
const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_IN_META = /charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i;

/** Map a charset label to the decoding we use; null when it is not one we read. */
function normalizeCharsetLabel(label: string): Encoding | null {
  switch (label.toLowerCase()) {
    case "gb2312":
    case "gbk":
    case "gb18030":
    case "x-gbk":
    case "cp936":
    case "euc-cn":
    case "csgb2312":
      // GB2312 and GBK are subsets of GB18030; pages labelled gb2312 routinely contain GBK bytes.
      return "gb18030";
    case "big5":
    case "big5-hkscs":
    case "x-x-big5":
    case "cp950":
      return "big5";
    case "utf-8":
    case "utf8":
      return "utf-8";
    default:
      return null;
  }
}

/**
 * Find the first `<meta>` charset declaration in the first 4 KB of `bytes` (read as latin1, so
 * any encoding works), case-insensitive. Returns undefined when the page declares none.
 */
export function findCharsetDeclaration(bytes: Uint8Array): CharsetDeclaration | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString("latin1");
  for (const tag of head.matchAll(META_TAG)) {
    const m = CHARSET_IN_META.exec(tag[0]);
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    return { label, encoding: normalizeCharsetLabel(label), byteOffset: tag.index + m.index + m[0].length - m[1]!.length };
  }
  return undefined;
}

/** True when decoded text is plainly an HTML document: it starts (after whitespace) with `<!DOCTYPE html` or `<html`. */
export function isHtmlDocument(text: string): boolean {
  return /^\s*<(!doctype\s+html|html)\b/i.test(text);
}
