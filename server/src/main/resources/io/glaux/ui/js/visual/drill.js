// Drill-down in a visual's ColumnHierarchies: which dimension drills, its levels, the DrillDown steps sent to the
// visual-data endpoint, the breadcrumb, and category labels at the current level. Pure: no DOM.
import { titleCase, unwrap, visualBody, visualFields, visualKind, wellFields } from './fields.js';

/** The engine's date levels, coarsest first (package-info of io.glaux.quicksight.visual). WEEK drills to DAY. */
const DATE_LEVELS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'];
const DAY = DATE_LEVELS.indexOf('DAY');

/** The well whose first dimension drills, per visual kind. */
const DRILL_WELL = { BarChartVisual: 'Category', LineChartVisual: 'Category', PieChartVisual: 'Category' };

/**
 * The drillable dimension of a visual, or null: {fieldId, hierarchyId, levels: [{label, granularity?}]}. A date
 * hierarchy goes from the field's granularity (DAY when none) down to DAY (further when the field is finer); an
 * explicit or predefined one down its Columns from the field's column.
 */
export function drillable(visual) {
  const well = DRILL_WELL[visualKind(visual)];
  const first = well && wellFields(visual, well)[0];
  if (!first) return null;
  const [fieldKind, field] = unwrap(first.field);
  if (!field.HierarchyId) return null;
  const hierarchy = (visualBody(visual).ColumnHierarchies || []).map((h) => unwrap(h))
    .find(([, inner]) => inner.HierarchyId === field.HierarchyId);
  if (!hierarchy) return null;
  const [hierarchyKind, inner] = hierarchy;
  let levels;
  if (hierarchyKind === 'DateTimeHierarchy') {
    const start = DATE_LEVELS.indexOf(fieldKind === 'DateDimensionField' && field.DateGranularity || 'DAY');
    const end = Math.max(start, DAY);
    levels = DATE_LEVELS.slice(start, end + 1).filter((g, i) => i === 0 || g !== 'WEEK')
      .map((granularity) => ({ label: titleCase(granularity), granularity }));
  } else {
    const columns = inner.Columns || [];
    const at = Math.max(0, columns.findIndex((c) => field.Column && c.ColumnName === field.Column.ColumnName));
    levels = columns.slice(at).map((c) => ({ label: c.ColumnName }));
  }
  if (levels.length < 2) return null;
  return { fieldId: field.FieldId, hierarchyId: field.HierarchyId, levels };
}

/** Whether one more step can be taken after these steps. */
export function canDrill(drill, steps) {
  return Boolean(drill) && steps.length < drill.levels.length - 1;
}

/** The steps after clicking a category (its value as the endpoint returned it). */
export function drillInto(drill, steps, value) {
  if (!canDrill(drill, steps)) return steps;
  return [...steps, { HierarchyId: drill.hierarchyId, Value: String(value) }];
}

/** The steps after going back up to a depth (0: the top). */
export function drillUp(steps, depth) {
  return steps.slice(0, Math.max(0, depth));
}

/** The breadcrumb: [{label, depth}] from the top ("All years") to the current level. */
export function breadcrumb(drill, steps) {
  const crumbs = [{ label: `All (${drill.levels[0].label})`, depth: 0 }];
  steps.forEach((step, i) => {
    crumbs.push({ label: `${levelLabel(drill.levels[i], step.Value)} (${drill.levels[i + 1].label})`, depth: i + 1 });
  });
  return crumbs;
}

/** A category's label at a level (a date as its period: "2024", "2024 Q2", "2024-04"). */
export function levelLabel(level, value) {
  return level && level.granularity ? dateLabel(value, level.granularity) : String(value);
}

/** The granularity a visual's field shows with these drill steps (null when it is not a date dimension). */
export function fieldGranularity(visual, fieldId, steps = []) {
  const drill = drillable(visual);
  if (drill && drill.fieldId === fieldId) {
    return drill.levels[Math.min(steps.length, drill.levels.length - 1)].granularity || null;
  }
  const found = visualFields(visual).find((f) => f.fieldId === fieldId);
  const [fieldKind, field] = unwrap(found && found.field);
  return fieldKind === 'DateDimensionField' ? field.DateGranularity || 'DAY' : null;
}

/** A date-time as the endpoint sends it ("2024-04-01 00:00:00.000") labelled at a granularity. */
export function dateLabel(value, granularity) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(String(value));
  if (!match) return String(value);
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  switch (granularity) {
    case 'YEAR': return year;
    case 'QUARTER': return `${year} Q${Math.floor((Number(month) - 1) / 3) + 1}`;
    case 'MONTH': return `${year}-${month}`;
    case 'WEEK': return `week of ${year}-${month}-${day}`;
    case 'DAY': return `${year}-${month}-${day}`;
    case 'HOUR': return `${year}-${month}-${day} ${hour}:00`;
    case 'MINUTE': return `${year}-${month}-${day} ${hour}:${minute}`;
    case 'SECOND': return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
    default: return String(value);
  }
}
