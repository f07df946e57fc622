/**
 * 风险区域数量: how many risk areas were listed each day, by level (高/中/低风险) and, in a second panel with its
 * own scale, by Beijing's regime (封控区/管控区/防范区) where reports give one — city-wide or for one district.
 *
 * The two systems get separate panels because they count different things at very different sizes (thousands of
 * high-risk listings in late 2022, a handful of regime areas in reports); one scale would flatten the smaller.
 * Counts follow src/lib/riskAreaCounts.ts (from/to days, both included). Lines are drawn as steps through the
 * days the counts change only, which keeps two years of days small.
 */
import * as Plot from "@observablehq/plot";
import type { DistrictRef } from "../lib/caseSeries.ts";
import { formatDate } from "../lib/formatDate.ts";
import { getUtcDate } from "../lib/isoDays.ts";
import { INK, RISK_COLORS, RISK_DASHES } from "../lib/palette.ts";
import { getDailyRiskAreaCounts, getRiskAreaChangeDays, isRiskRegime, type RiskAreaCounts, type RiskAreaDay, type RiskAreaRowSpec } from "../lib/riskAreaCounts.ts";
import type { Chart, ChartTable } from "./chart.ts";
import { composeSvg, renderLegend, renderNoData, renderPlot, type SvgPart } from "./svg.ts";

/** Options of riskAreasChart. */
export interface RiskAreasChartOptions {
  /** Beijing's districts (the `districts` dataset: name and slug), to resolve `district` */
  districts: readonly DistrictRef[];
  /** a district slug for that district alone; omitted: the whole city */
  district?: string;
  /** width in SVG units; default 640 */
  width?: number;
}

const SOURCE = "数据来源：北京市风险区域名单（官方发布的快照与公告）及各区通报";

/**
 * The risk-areas chart of the `risk_areas` rows. An unknown district slug, or rows with no dated listing, give a
 * chart that says there is no data (alt and SVG) with an empty table. Never throws on data.
 */
export function riskAreasChart(rows: readonly RiskAreaRowSpec[], options: RiskAreasChartOptions): Chart {
  const width = options.width ?? 640;
  const one = options.district === undefined ? undefined : options.districts.find((d) => d.slug === options.district);
  const id = options.district === undefined ? "risk-areas" : `risk-areas-${options.district}`;
  const scope = one ? one.name : options.district === undefined ? "全市" : "该区";
  const title = `${options.district === undefined || one ? scope : ""}风险区域数量`;
  const counts: RiskAreaCounts =
    options.district !== undefined && !one ? getDailyRiskAreaCounts([]) : getDailyRiskAreaCounts(rows, one ? { district: one.name } : {});

  if (counts.first === null || counts.last === null || counts.peak === null) {
    const alt = `${scope}没有有日期的风险区域记录。`;
    return { id, title, caption: `${SOURCE}；暂无数据`, svg: renderNoData(id, title, alt, width), alt, table: { columns: [], rows: [] } };
  }
  const alt = describe(counts, scope);
  const caption = `${SOURCE}；数据截至${formatDate(counts.last)}`;
  const changes = getRiskAreaChangeDays(counts);
  const levels = counts.kinds.filter((kind) => !isRiskRegime(kind));
  const regimes = counts.kinds.filter((kind) => isRiskRegime(kind));
  const parts: SvgPart[] = [
    renderLegend(
      counts.kinds.map((kind) => ({ label: kind, color: RISK_COLORS[kind] ?? INK, line: true, dash: RISK_DASHES[kind] ?? null })),
      width,
    ),
  ];
  const domain = [getUtcDate(counts.first), getUtcDate(counts.last)];
  if (levels.length > 0) parts.push(renderPanel(changes, levels, domain, width, "风险等级"));
  if (regimes.length > 0) parts.push(renderPanel(changes, regimes, domain, width, "管控类型"));
  return { id, title, caption, svg: composeSvg({ id, title, alt, parts }), alt, table: tableOf(changes, counts.kinds) };
}

function describe(counts: RiskAreaCounts, scope: string): string {
  const peak = counts.peak as RiskAreaDay;
  const range = counts.first === counts.last ? formatDate(counts.first as string) : `${formatDate(counts.first as string)}至${formatDate(counts.last as string)}`;
  const listed = counts.kinds.map((kind) => `${kind}${kind.endsWith("区") ? "" : "区域"}${counts.listed[kind]}个`).join("、");
  const atPeak = counts.kinds
    .filter((kind) => (peak.counts[kind] ?? 0) > 0)
    .map((kind) => `${kind}${peak.counts[kind]}个`)
    .join("、");
  let text = `${range}，${scope}共列出${listed}。同时在列最多的一天是${formatDate(peak.date)}，共${peak.total}个（${atPeak}）。`;
  if (counts.undated > 0) text += `另有${counts.undated}个没有日期，未计入。`;
  return text;
}

/** One panel: a step line per kind, through the change days only. */
function renderPanel(changes: readonly RiskAreaDay[], kinds: readonly string[], domain: Date[], width: number, label: string): SvgPart {
  const points = kinds.flatMap((kind) => changes.map((day) => ({ kind, x: getUtcDate(day.date), y: day.counts[kind] ?? 0 })));
  const yearMonth = (d: Date) => (d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}年1月` : `${d.getUTCMonth() + 1}月`);
  return renderPlot({
    width,
    height: 170,
    marginTop: 26,
    marginLeft: 44,
    marginRight: 12,
    marginBottom: 24,
    x: { type: "utc", domain, ticks: 6, tickFormat: yearMonth, label: null },
    y: { grid: true, nice: true, label: `${label}（个）`, labelAnchor: "top", ticks: 4, tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : "") },
    color: { domain: [...kinds], range: kinds.map((kind) => RISK_COLORS[kind] ?? INK) },
    marks: [
      Plot.ruleY([0], { stroke: INK, strokeWidth: 0.5 }),
      ...kinds.map((kind) =>
        Plot.lineY(
          points.filter((p) => p.kind === kind),
          { x: "x", y: "y", stroke: "kind", curve: "step-after", strokeWidth: 1.6, ...(RISK_DASHES[kind] ? { strokeDasharray: RISK_DASHES[kind] as string } : {}) },
        ),
      ),
    ],
  });
}

/** One row per change day: its counts per kind and their sum. */
function tableOf(changes: readonly RiskAreaDay[], kinds: readonly string[]): ChartTable {
  return {
    columns: [{ key: "date", label: "日期（数量变化日）" }, ...kinds.map((kind) => ({ key: kind, label: kind })), { key: "total", label: "合计" }],
    rows: changes.map((day) => {
      const row: ChartTable["rows"][number] = { date: formatDate(day.date) };
      for (const kind of kinds) row[kind] = day.counts[kind] ?? 0;
      row.total = day.total;
      return row;
    }),
  };
}
