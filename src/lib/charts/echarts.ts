/**
 * ECharts with only what the dashboard draws (bars, lines), rendered to canvas.
 * No aria component: each chart's own label and data table (Chart.svelte) serve screen readers.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, CanvasRenderer]);

export { echarts };
