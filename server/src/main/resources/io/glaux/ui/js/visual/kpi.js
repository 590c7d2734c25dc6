// A KPI visual's texts from its visual-data response: the value, its trend against the previous period (when the
// KPI has TrendGroups) and how far it is to its target (when it has TargetValues). Pure: no DOM.
import { columnIndex, formatNumber, wellFields } from './fields.js';
import { categoryLabeller } from './charts.js';

/** {value, label, trend?, target?, period?} — texts; value is '' when there is no row. */
export function kpiView(visual, data) {
  const rows = data.Rows || [];
  const measure = wellFields(visual, 'Values')[0];
  const target = wellFields(visual, 'TargetValues')[0];
  const trend = wellFields(visual, 'TrendGroups')[0];
  const at = measure ? columnIndex(data, measure.fieldId) : -1;
  const current = rows[rows.length - 1];
  const view = { value: current && at >= 0 ? formatNumber(current[at]) : '', label: measure ? measure.label : '' };
  if (!current || at < 0) return view;
  const value = Number(current[at]);
  if (trend) {
    const label = categoryLabeller(visual, [], trend.fieldId);
    const trendAt = columnIndex(data, trend.fieldId);
    view.period = label(current[trendAt]);
    const previous = rows[rows.length - 2];
    if (previous && previous[at] !== null) {
      view.trend = change(value, Number(previous[at]), `vs ${label(previous[trendAt])}`);
    }
  }
  const targetAt = target ? columnIndex(data, target.fieldId) : -1;
  if (targetAt >= 0 && current[targetAt] !== null) {
    const goal = Number(current[targetAt]);
    view.target = goal === 0 ? `target ${formatNumber(current[targetAt])}`
      : `${round(value / goal * 100)}% of target ${formatNumber(current[targetAt])}`;
  }
  return view;
}

function change(value, previous, suffix) {
  const delta = value - previous;
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '■';
  const sign = delta > 0 ? '+' : '';
  const percent = previous === 0 ? '' : ` (${sign}${round(delta / Math.abs(previous) * 100)}%)`;
  return `${arrow} ${sign}${formatNumber(roundTo(delta, 10))}${percent} ${suffix}`;
}

function round(number) {
  return roundTo(number, 1);
}

function roundTo(number, digits) {
  return Number(number.toFixed(digits));
}
