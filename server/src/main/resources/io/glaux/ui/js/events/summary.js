// One logged event of /_glaux/events as a row of the alerts page: when, what changed, on what, why it failed, and
// where it was delivered. Pure functions, tested with node --test.

/** The subject of an event: the Athena query or the QuickSight dataset ingestion it is about. */
export function subject(event) {
  const detail = event.detail || {};
  if (event.source === 'aws.athena') {
    return { kind: 'query', id: detail.queryExecutionId || '', scope: detail.workgroupName || '' };
  }
  if (event.source === 'glaux.quicksight') {
    return { kind: 'ingestion', id: detail.ingestionId || '', scope: detail.dataSetId || '' };
  }
  return { kind: 'other', id: event.id || '', scope: '' };
}

/** The error an event reports, as `TYPE: message`, or ''. */
export function failure(event) {
  const detail = event.detail || {};
  if (detail.athenaError) {
    return detail.athenaError.errorMessage || '';
  }
  if (detail.errorInfo) {
    return `${detail.errorInfo.Type}: ${detail.errorInfo.Message}`;
  }
  return '';
}

/** The state change, `RUNNING → FAILED` (or just the state for a first one). */
export function transition(event) {
  const detail = event.detail || {};
  return detail.previousState && detail.previousState !== 'INITIALIZED'
    ? `${detail.previousState} → ${detail.currentState}` : (detail.currentState || '');
}

/** Each delivery as `rule/target STATE (n attempts[, last error])`. */
export function deliveries(logged) {
  return (logged.deliveries || []).map((d) => {
    const attempts = d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`;
    const last = d.state === 'DELIVERED' ? '' : d.lastStatusCode ? `, HTTP ${d.lastStatusCode}`
      : d.lastError ? `, ${d.lastError}` : '';
    return `${d.rule}/${d.target} ${d.state} (${attempts}${last})`;
  });
}

/** Keeps the events whose state is one of `states` (all when empty) and whose text contains `search`. */
export function matching(events, states, search) {
  const needle = (search || '').toLowerCase();
  return events.filter((logged) => {
    const event = logged.event;
    const state = (event.detail || {}).currentState;
    if (states.length && !states.includes(state)) {
      return false;
    }
    return !needle || JSON.stringify(event).toLowerCase().includes(needle);
  });
}
