// A bar, line or pie chart visual and its visual-data response → an ECharts option. Pure: no DOM.
import { columnIndex, formatNumber, visualBody, visualKind, wellFields } from './fields.js';
import { dateLabel, fieldGranularity } from './drill.js';

/** The visual kinds drawn with ECharts. */
export const CHART_KINDS = new Set(['BarChartVisual', 'LineChartVisual', 'PieChartVisual']);

/** The ECharts option of a chart visual; steps are the drill-down steps the data was computed with. */
export function chartOption(visual, data, steps = []) {
  const kind = visualKind(visual);
  const label = categoryLabeller(visual, steps);
  if (kind === 'PieChartVisual') return pieOption(visual, data, label);
  if (kind === 'BarChartVisual' || kind === 'LineChartVisual') return axisOption(visual, data, label);
  throw new Error(`Not a chart visual: ${kind}`);
}

/** The category values (as the endpoint sent them) and one series per color/measure, aligned with them. */
export function seriesOf(visual, data) {
  const rows = data.Rows || [];
  const category = wellFields(visual, 'Category')[0];
  const at = category ? columnIndex(data, category.fieldId) : -1;
  const groups = [...wellFields(visual, 'Colors'), ...wellFields(visual, 'SmallMultiples')]
    .map((f) => columnIndex(data, f.fieldId)).filter((i) => i >= 0);
  const measures = wellFields(visual, 'Values').map((f) => ({ ...f, at: columnIndex(data, f.fieldId) }))
    .filter((m) => m.at >= 0);
  const categories = [];
  const position = new Map();
  const series = new Map();
  for (const row of rows) {
    const value = at >= 0 ? row[at] : '';
    const key = JSON.stringify(value);
    if (!position.has(key)) {
      position.set(key, categories.length);
      categories.push(value);
    }
    const group = groups.map((i) => (row[i] === null ? '(empty)' : String(row[i]))).join(' · ');
    for (const measure of measures) {
      const name = group && measures.length > 1 ? `${group} · ${measure.label}` : group || measure.label;
      if (!series.has(name)) series.set(name, []);
      series.get(name)[position.get(key)] = row[measure.at];
    }
  }
  return { categories, series: [...series].map(([name, values]) => ({ name,
    data: categories.map((_, i) => (values[i] === undefined ? null : values[i])) })) };
}

/**
 * A function labelling a dimension's values (dates at the granularity shown, null as "(empty)"); the field is the
 * first Category when not given.
 */
export function categoryLabeller(visual, steps = [], fieldId = undefined) {
  const first = wellFields(visual, 'Category')[0];
  const granularity = fieldGranularity(visual, fieldId === undefined ? first && first.fieldId : fieldId, steps);
  return (value) => {
    if (value === null || value === undefined) return '(empty)';
    return granularity ? dateLabel(value, granularity) : String(value);
  };
}

function axisOption(visual, data, label) {
  const kind = visualKind(visual);
  const config = visualBody(visual).ChartConfiguration || {};
  const { categories, series } = seriesOf(visual, data);
  const horizontal = kind === 'BarChartVisual' && config.Orientation === 'HORIZONTAL';
  const percent = kind === 'BarChartVisual' && config.BarsArrangement === 'STACKED_PERCENT';
  const stacked = kind === 'BarChartVisual' ? config.BarsArrangement === 'STACKED' || percent
    : config.Type === 'STACKED_AREA';
  const shown = percent ? toPercent(series) : series;
  const categoryAxis = { type: 'category', data: categories, inverse: horizontal,
    axisLabel: { formatter: label } };
  const valueAxis = { type: 'value', axisLabel: { formatter: (v) => formatNumber(v) + (percent ? '%' : '') },
    max: percent ? 100 : undefined };
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(v) },
    legend: shown.length > 1 ? { type: 'scroll', top: 0 } : undefined,
    grid: { left: 8, right: 16, top: shown.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: shown.map((s) => ({
      name: s.name,
      type: kind === 'BarChartVisual' ? 'bar' : 'line',
      data: s.data,
      stack: stacked ? 'total' : undefined,
      areaStyle: kind === 'LineChartVisual' && config.Type && config.Type !== 'LINE' ? {} : undefined,
      emphasis: { focus: 'series' },
    })),
  };
}

/** Each category's values as percentages of the category's total (a 100% stacked bar). */
function toPercent(series) {
  const totals = [];
  series.forEach((s) => s.data.forEach((v, i) => { totals[i] = (totals[i] || 0) + (Number(v) || 0); }));
  return series.map((s) => ({ name: s.name,
    data: s.data.map((v, i) => (v === null || !totals[i] ? null : (Number(v) / totals[i]) * 100)) }));
}

/** Inner and outer radius of a pie, or of a donut by its ArcThickness. */
const DONUT = { SMALL: ['55%', '70%'], MEDIUM: ['40%', '70%'], LARGE: ['25%', '70%'], WHOLE: '70%' };

function pieOption(visual, data, label) {
  const config = visualBody(visual).ChartConfiguration || {};
  const { categories, series } = seriesOf(visual, data);
  const first = series[0] || { data: [] };
  const donut = config.DonutOptions;
  const thickness = donut && donut.ArcOptions && donut.ArcOptions.ArcThickness || 'MEDIUM';
  return {
    animation: false,
    tooltip: { trigger: 'item', valueFormatter: (v) => formatNumber(v) },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', formatter: label },
    series: [{
      name: first.name,
      type: 'pie',
      radius: donut ? DONUT[thickness] || DONUT.MEDIUM : '70%',
      center: ['40%', '50%'],
      data: categories.map((c, i) => ({ name: c, value: first.data[i] })),
      label: { formatter: (p) => label(p.name) },
    }],
  };
}
