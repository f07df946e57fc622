/**
 * What every chart of the site is: an SVG made at build time, with the words and the data a reader
 * needs when the picture is not enough (screen readers, print, text-only readers).
 */

/** The data behind a chart, shown as a table in `<details>` under it. */
export interface ChartTable {
  columns: Array<{ key: string; label: string }>;
  rows: Array<Record<string, string | number | null>>;
}

/** A chart ready to be placed in a page. */
export interface Chart {
  /** stable id, unique in a page: `cases`, `cases-haidian`, `risk-areas`, `measures` */
  id: string;
  /** the chart's title, Chinese */
  title: string;
  /** source and date of the data, Chinese: `数据来源：北京市卫生健康委员会通报；数据截至2022年5月11日` */
  caption: string;
  /** inline SVG markup (no script, no external references), with role and aria attributes */
  svg: string;
  /** the main finding in one or two Chinese sentences, generated from the data */
  alt: string;
  table: ChartTable;
}
