// Charts: small multiples of line charts, and the charts of projections and multi-year plans (named exports only).
export { lineChartsSvg } from "./lineCharts.ts";
export type { ChartPanel, ChartPoint, ChartSeries, LineChartsSpec } from "./lineCharts.ts";
export { classroomUseChartSvg, enrolmentChartSvg } from "./yearCharts.ts";
export type { YearChartOptions } from "./yearCharts.ts";
