// SPICE refreshes: ingestion progress and history, refresh schedules and the incremental refresh window.

export const INTERVALS = ['MINUTE15', 'MINUTE30', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY'];
export const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
export const SIZE_UNITS = ['HOUR', 'DAY', 'WEEK'];
const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/** Whether an ingestion status is final. */
export function finished(status) {
  return FINISHED.has(status);
}

/** Ingestions newest first (by CreatedTime, epoch seconds). */
export function newestFirst(ingestions) {
  return [...ingestions].sort((a, b) => (b.CreatedTime || 0) - (a.CreatedTime || 0));
}

/** The rows of the dataset after the newest COMPLETED ingestion other than exceptId, or null. */
export function previousTotal(ingestions, exceptId) {
  const done = newestFirst(ingestions).find((i) => i.IngestionId !== exceptId && i.IngestionStatus === 'COMPLETED');
  if (!done || !done.RowInfo) return null;
  const total = done.RowInfo.TotalRowsInDataset ?? done.RowInfo.RowsIngested;
  return total === undefined || total === null ? null : Number(total);
}

/**
 * What a progress bar shows for an ingestion: {value, max} when its size can be told, {value: null} (indeterminate)
 * when it runs without a previous run's total, {value: max, max} once it is finished.
 */
export function progressOf(ingestion, total) {
  const rows = ingestion.RowInfo && ingestion.RowInfo.RowsIngested != null ? Number(ingestion.RowInfo.RowsIngested)
    : 0;
  if (finished(ingestion.IngestionStatus)) {
    const max = Math.max(rows, 1);
    return { value: ingestion.IngestionStatus === 'COMPLETED' ? max : rows, max };
  }
  if (!total) return { value: null, max: null };
  return { value: Math.min(rows, total), max: total };
}

/** A new ingestion id (IngestionId: [\w\-]+, 1..128). */
export function newIngestionId(now = Date.now(), random = Math.random()) {
  return `ui-${now.toString(36)}-${Math.floor(random * 1e8).toString(36)}`;
}

/**
 * A RefreshSchedule from the editor's fields: {scheduleId, interval, timeOfDay ('HH:MM'), timezone, refreshType,
 * dayOfWeek, dayOfMonth}.
 */
export function scheduleBody(form) {
  const frequency = { Interval: form.interval };
  if (form.timezone) frequency.Timezone = form.timezone;
  if (!['MINUTE15', 'MINUTE30'].includes(form.interval) && form.timeOfDay) frequency.TimeOfTheDay = form.timeOfDay;
  if (form.interval === 'WEEKLY') frequency.RefreshOnDay = { DayOfWeek: form.dayOfWeek || 'MONDAY' };
  if (form.interval === 'MONTHLY') frequency.RefreshOnDay = { DayOfMonth: String(form.dayOfMonth || '1') };
  return { ScheduleId: form.scheduleId, ScheduleFrequency: frequency, RefreshType: form.refreshType || 'FULL_REFRESH' };
}

/** The editor's fields of a RefreshSchedule (the inverse of scheduleBody). */
export function scheduleForm(schedule) {
  const f = schedule.ScheduleFrequency || {};
  const day = f.RefreshOnDay || {};
  return { scheduleId: schedule.ScheduleId, interval: f.Interval, timeOfDay: f.TimeOfTheDay || '',
    timezone: f.Timezone || '', refreshType: schedule.RefreshType, dayOfWeek: day.DayOfWeek || 'MONDAY',
    dayOfMonth: day.DayOfMonth || '1' };
}

/** PutDataSetRefreshProperties' body for a lookback window on a column. */
export function lookbackBody(columnName, size, sizeUnit) {
  return { DataSetRefreshProperties: { RefreshConfiguration: { IncrementalRefresh: { LookbackWindow: {
    ColumnName: columnName, Size: Number(size), SizeUnit: sizeUnit } } } } };
}

/** A schedule in words, e.g. "DAILY at 06:30 (Europe/Paris), FULL_REFRESH". */
export function describeSchedule(schedule) {
  const f = schedule.ScheduleFrequency || {};
  const day = f.RefreshOnDay ? ` on ${f.RefreshOnDay.DayOfWeek || `day ${f.RefreshOnDay.DayOfMonth}`}` : '';
  const time = f.TimeOfTheDay ? ` at ${f.TimeOfTheDay}` : '';
  return `${f.Interval}${day}${time} (${f.Timezone || 'UTC'}), ${schedule.RefreshType}`;
}
