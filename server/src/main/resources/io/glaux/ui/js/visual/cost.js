// What a visual's data cost and how it was computed: Athena's bill for a direct query ($5 per TB scanned, TB = 2^40
// bytes; bytes rounded up to the next MB with a 10 MB minimum per query), the provenance line, and the SPICE versus
// direct query comparison. Pure: no DOM.
import { formatMillis as millis } from '../ui/dom.js';

export const DOLLARS_PER_TB = 5;
const MB = 2 ** 20;
const TB = 2 ** 40;
const MINIMUM_BYTES = 10 * MB;

/** The bytes Athena bills for a query that scanned this many. */
export function billedBytes(scanned) {
  const megabytes = Math.ceil(Math.max(0, Number(scanned) || 0) / MB);
  return Math.max(megabytes * MB, MINIMUM_BYTES);
}

/** Dollars Athena bills for a query that scanned this many bytes. */
export function athenaCost(scanned) {
  return billedBytes(scanned) / TB * DOLLARS_PER_TB;
}

/** Dollars with two significant digits below one dollar ($0.000048), cents above. */
export function formatDollars(dollars) {
  if (dollars >= 1) return `$${dollars.toFixed(2)}`;
  if (dollars === 0) return '$0';
  return `$${Number(dollars.toPrecision(2)).toFixed(Math.max(2, 1 - Math.floor(Math.log10(dollars))))}`;
}


/**
 * The provenance of a visual-data response: {source, queryExecutionId?, time, rows, scanned?, billed?, cost?}, as
 * texts (sizes in bytes are numbers).
 */
export function provenance(data) {
  const direct = data.Source === 'DIRECT_QUERY';
  const info = { source: direct ? 'Direct query' : 'SPICE', time: millis(data.ElapsedMillis),
    rows: (data.Rows || []).length };
  if (direct) {
    info.queryExecutionId = data.QueryExecutionId;
    info.scanned = data.DataScannedInBytes || 0;
    info.billed = billedBytes(info.scanned);
    info.cost = formatDollars(athenaCost(info.scanned));
  }
  return info;
}

/**
 * The comparison of one visual run both ways: each side is {data} or {error}. E.g. "SPICE 4 ms · direct query
 * 180 ms · 45× faster"; a failed side says why.
 */
export function compareText(spice, direct) {
  const side = (name, asked, result) => {
    if (result.error) {
      const code = result.error.code ? `${result.error.code}: ` : '';
      return `${name} failed (${code}${result.error.message || result.error})`;
    }
    const ran = result.data.Source;
    const note = ran && ran !== asked ? ` (ran as ${ran === 'SPICE' ? 'SPICE' : 'direct query'})` : '';
    return `${name} ${millis(result.data.ElapsedMillis)}${note}`;
  };
  const parts = [side('SPICE', 'SPICE', spice), side('direct query', 'DIRECT_QUERY', direct)];
  if (spice.data && direct.data) parts.push(speedUp(spice.data.ElapsedMillis, direct.data.ElapsedMillis));
  return parts.join(' · ');
}

/** "45× faster" for SPICE against direct query (or the other way round); a 0 ms side counts as under 1 ms. */
export function speedUp(spiceMillis, directMillis) {
  const fast = Math.min(spiceMillis, directMillis);
  const slow = Math.max(spiceMillis, directMillis);
  const ratio = slow / Math.max(fast, 1);
  const times = ratio >= 10 ? String(Math.round(ratio)) : String(Number(ratio.toFixed(1)));
  const winner = spiceMillis <= directMillis ? 'SPICE' : 'direct query';
  if (slow === fast) return 'same time';
  return `${winner} ${fast < 1 ? 'over ' : ''}${times}× faster`;
}
