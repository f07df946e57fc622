/**
 * What every chart SVG must be, checked the same way in each chart's tests: one root `<svg>` with its accessible
 * name and description, no script, no event handler, no external reference, no unescaped markup from data.
 */
import { expect } from "vitest";

export function expectSafeSvg(svg: string): void {
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
  expect(svg).toMatch(/^<svg [^>]*role="(img|graphics-document)"/);
  expect(svg).toMatch(/^<svg [^>]*aria-label="[^"]+"/);
  // described by the page's visible paragraph (ChartFigure), not by a <desc> that would be read a second time
  expect(svg).toMatch(/^<svg [^>]*aria-describedby="chart-[a-z0-9-]+-alt"/);
  expect(svg).not.toMatch(/<desc[\s>]/);
  expect(svg).toMatch(/^<svg [^>]*font-family="&quot;Noto Sans CJK SC&quot;/);
  expect(svg).not.toMatch(/<script|<style|<foreignobject|<iframe/i);
  // attribute names only: quoted values (an escaped `onerror=` in a label) are removed first
  for (const tag of svg.match(/<[a-z][^>]*>/gi) ?? []) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+=/i);
  expect(svg).not.toMatch(/href="(?!\/|#|https?:)/i);
  // `//host`, `/\host` and any backslash or whitespace (browsers turn `/\evil.com` and `/<tab>/evil.com` into //evil.com)
  expect(svg).not.toMatch(/href="\/[\/\\]/i);
  for (const href of svg.match(/href="[^"]*"/gi) ?? []) expect(href).not.toMatch(/[\\\s]|&#(9|10|13|x9|xa|xd);/i);
  expect(svg).not.toMatch(/<[^>]*\s(id|class)="plot-/);
  expect(svg).not.toMatch(/class="plot-|plot-[0-9a-f]{6}/);
  // every <g> with a label has a role (axe: aria-prohibited-attr)
  for (const g of svg.match(/<g [^>]*aria-label="[^"]*"[^>]*>/g) ?? []) expect(g).toMatch(/role="/);
}
