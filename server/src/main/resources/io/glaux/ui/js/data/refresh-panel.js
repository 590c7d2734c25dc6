// A SPICE dataset's refreshes: Refresh now with its progress, the ingestion history, refresh schedules and the
// incremental refresh window.
import { h, replace, field, select, errorBox, dataTable, formatTime } from '../ui/dom.js';
import { listAll, statusClass } from './api.js';
import { DAYS, INTERVALS, SIZE_UNITS, describeSchedule, finished, lookbackBody, newIngestionId, newestFirst,
  previousTotal, progressOf, scheduleBody, scheduleForm } from './refresh.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A runner of changes: each runs, then the panel reloads; an error shows in messages and the form keeps its values. */
function guarded(messages, reload) {
  return async (work) => {
    messages.replaceChildren();
    try {
      await work();
      await reload();
    } catch (error) {
      messages.append(errorBox(error));
    }
  };
}

function historyTable(ingestions) {
  const rows = newestFirst(ingestions).map((i) => {
    const r = i.RowInfo || {};
    return [i.IngestionId, h('span', { class: statusClass(i.IngestionStatus) }, i.IngestionStatus),
      i.RequestType || '', i.RequestSource || '', formatTime(i.CreatedTime),
      i.IngestionTimeInSeconds == null ? '' : `${i.IngestionTimeInSeconds} s`,
      r.RowsIngested ?? '', r.RowsDropped ?? '', r.TotalRowsInDataset ?? '',
      i.ErrorInfo ? `${i.ErrorInfo.Type}: ${i.ErrorInfo.Message}` : ''];
  });
  if (!rows.length) return h('p', { class: 'muted', id: 'ingestions' }, 'No ingestions yet.');
  return dataTable(['Ingestion', 'Status', 'Type', 'Source', 'Started', 'Time', 'Rows ingested', 'Rows dropped',
    'Total rows', 'Error'], rows, { id: 'ingestions' });
}

function ingestionSection(client, base) {
  const history = h('div', { class: 'scroll' });
  const progress = h('progress', { id: 'ingestion-progress', 'aria-label': 'Ingestion progress' });
  const statusText = h('span', { id: 'ingestion-status' });
  const rowsText = h('span', { id: 'ingestion-rows' });
  const live = h('div', { class: 'ingestion-progress', hidden: true, 'aria-live': 'polite' }, progress,
    h('span', {}, statusText, ' · rows ingested: ', rowsText));
  const messages = h('div');
  let ingestions = [];

  const loadHistory = async () => {
    ingestions = await listAll(client, `${base}/ingestions`, 'Ingestions');
    replace(history, historyTable(ingestions));
  };
  const show = (ingestion, total) => {
    const { value, max } = progressOf(ingestion, total);
    if (value === null) {
      progress.removeAttribute('value');
      progress.removeAttribute('max');
    } else {
      progress.max = max;
      progress.value = value;
    }
    statusText.textContent = ingestion.IngestionStatus;
    statusText.className = statusClass(ingestion.IngestionStatus);
    rowsText.textContent = String(ingestion.RowInfo && ingestion.RowInfo.RowsIngested != null
      ? ingestion.RowInfo.RowsIngested : 0);
  };
  const refreshNow = async (button) => {
    messages.replaceChildren();
    button.disabled = true;
    try {
      const id = newIngestionId();
      await client.quickSight('PUT', `${base}/ingestions/${id}`, { IngestionType: 'FULL_REFRESH' });
      const total = previousTotal(ingestions, id);
      live.hidden = false;
      for (let wait = 200; ; wait = Math.min(wait * 1.5, 1000)) {
        const { Ingestion } = await client.quickSight('GET', `${base}/ingestions/${id}`);
        show(Ingestion, total);
        if (finished(Ingestion.IngestionStatus)) break;
        await sleep(wait);
      }
      await loadHistory();
    } catch (error) {
      messages.append(errorBox(error));
    } finally {
      button.disabled = false;
    }
  };
  const button = h('button', { type: 'button', class: 'primary', id: 'refresh-now',
    onclick: () => refreshNow(button) }, 'Refresh now');
  loadHistory().catch((error) => messages.append(errorBox(error)));
  return h('section', { class: 'panel', 'aria-label': 'Ingestions' },
    h('div', { class: 'section-head' }, h('h2', {}, 'SPICE ingestions'), button), live, messages, history);
}

function scheduleSection(client, base) {
  const list = h('div');
  const messages = h('div', { 'aria-live': 'polite' });
  const c = {
    scheduleId: h('input', { type: 'text', name: 'scheduleId', required: true, value: 'daily' }),
    interval: select(INTERVALS, 'DAILY', { name: 'interval' }),
    timeOfDay: h('input', { type: 'time', name: 'timeOfDay', value: '06:00' }),
    timezone: h('input', { type: 'text', name: 'timezone', value: 'UTC', list: 'timezones' }),
    refreshType: select(['FULL_REFRESH', 'INCREMENTAL_REFRESH'], 'FULL_REFRESH', { name: 'refreshType' }),
    dayOfWeek: select(DAYS, 'MONDAY', { name: 'dayOfWeek' }),
    dayOfMonth: select([...Array.from({ length: 28 }, (_, i) => String(i + 1)), ['LAST_DAY_OF_MONTH', 'Last day']],
      '1', { name: 'dayOfMonth' }),
  };
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const weekly = field('Day of week', c.dayOfWeek);
  const monthly = field('Day of month', c.dayOfMonth);
  const timeField = field('Time of day', c.timeOfDay, 'HOURLY uses its minutes');
  const sync = () => {
    weekly.hidden = c.interval.value !== 'WEEKLY';
    monthly.hidden = c.interval.value !== 'MONTHLY';
    timeField.hidden = ['MINUTE15', 'MINUTE30'].includes(c.interval.value);
  };
  c.interval.addEventListener('change', sync);
  sync();
  let existing = [];
  const load = async () => {
    existing = (await client.quickSight('GET', `${base}/refresh-schedules`)).RefreshSchedules || [];
    replace(list, existing.length ? dataTable(['Schedule', 'When', ''], existing.map((s) => [s.ScheduleId,
      describeSchedule(s), h('span', { class: 'actions' },
        h('button', { type: 'button', onclick: () => edit(s) }, `Edit ${s.ScheduleId}`),
        h('button', { type: 'button', onclick: () => remove(s) }, `Delete ${s.ScheduleId}`))]),
    { id: 'refresh-schedules' }) : h('p', { class: 'muted', id: 'refresh-schedules' }, 'No refresh schedules.'));
  };
  const guard = guarded(messages, load);
  const edit = (schedule) => {
    const form = scheduleForm(schedule);
    for (const [key, control] of Object.entries(c)) control.value = form[key] ?? '';
    sync();
    c.interval.focus();
  };
  const remove = (schedule) => guard(() => client.quickSight('DELETE',
    `${base}/refresh-schedules/${encodeURIComponent(schedule.ScheduleId)}`));
  const save = (event) => {
    event.preventDefault();
    const schedule = scheduleBody(Object.fromEntries(Object.entries(c).map(([k, control]) => [k, control.value])));
    const exists = existing.some((s) => s.ScheduleId === schedule.ScheduleId);
    guard(() => client.quickSight(exists ? 'PUT' : 'POST', `${base}/refresh-schedules`, { Schedule: schedule }));
  };
  load().catch((error) => messages.append(errorBox(error)));
  return h('section', { class: 'panel', 'aria-label': 'Refresh schedules' }, h('h2', {}, 'Refresh schedules'), list,
    h('form', { id: 'schedule-form', onsubmit: save },
      h('div', { class: 'row' }, field('Schedule id', c.scheduleId), field('Interval', c.interval), timeField,
        field('Timezone', c.timezone), field('Refresh type', c.refreshType), weekly, monthly),
      h('datalist', { id: 'timezones' }, zones.map((z) => h('option', { value: z }))),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save schedule'))),
    messages);
}

function incrementalSection(client, base, dataSet) {
  const dates = (dataSet.OutputColumns || []).filter((c) => c.Type === 'DATETIME').map((c) => c.Name);
  const current = h('p', { id: 'incremental-window' });
  const messages = h('div', { 'aria-live': 'polite' });
  const column = select(dates, dates[0], { name: 'lookbackColumn' });
  const size = h('input', { type: 'number', name: 'lookbackSize', min: 1, value: 1, required: true });
  const unit = select(SIZE_UNITS, 'DAY', { name: 'lookbackUnit' });
  const load = async () => {
    let window = null;
    try {
      const answer = await client.quickSight('GET', `${base}/refresh-properties`);
      const config = answer.DataSetRefreshProperties && answer.DataSetRefreshProperties.RefreshConfiguration;
      window = config && config.IncrementalRefresh && config.IncrementalRefresh.LookbackWindow;
    } catch (error) {
      if (error.code !== 'ResourceNotFoundException') throw error;
    }
    current.textContent = window ? `Incremental refreshes re-read the last ${window.Size} ${window.SizeUnit}(s) of `
      + `${window.ColumnName}.` : 'No incremental refresh window.';
    if (window) {
      column.value = window.ColumnName;
      size.value = window.Size;
      unit.value = window.SizeUnit;
    }
  };
  const guard = guarded(messages, load);
  load().catch((error) => messages.append(errorBox(error)));
  return h('section', { class: 'panel', 'aria-label': 'Incremental refresh' }, h('h2', {}, 'Incremental refresh'),
    current,
    dates.length ? h('form', { id: 'incremental-form', onsubmit: (event) => {
      event.preventDefault();
      guard(() => client.quickSight('PUT', `${base}/refresh-properties`,
        lookbackBody(column.value, size.value, unit.value)));
    } }, h('div', { class: 'row' }, field('Date column', column), field('Window size', size), field('Unit', unit)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save window'),
      h('button', { type: 'button', onclick: () => guard(() => client.quickSight('DELETE',
        `${base}/refresh-properties`)) }, 'Remove window')))
      : h('p', { class: 'muted' }, 'An incremental window needs a date column in the dataset.'),
    messages);
}

/** The refresh panels of a saved SPICE dataset (as DescribeDataSet gives it). */


export function refreshPanel(client, dataSet) {
  const base = `/data-sets/${encodeURIComponent(dataSet.DataSetId)}`;
  return h('div', { id: 'refresh' }, ingestionSection(client, base), scheduleSection(client, base),
    incrementalSection(client, base, dataSet));
}
