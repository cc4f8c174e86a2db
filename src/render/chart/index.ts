// Charts: small multiples of line charts, and the charts of projections and multi-year plans (named exports only).
export { lineChartsSvg } from "./lineCharts.ts";
export type { ChartPanel, ChartPoint, ChartSeries, LineChartsSpec } from "./lineCharts.ts";
export { classroomUseChartSvg, enrolmentChartSvg, schoolUseChartSvg } from "./yearCharts.ts";
export type { SchoolUseChartOptions, YearChartOptions } from "./yearCharts.ts";
