import type ExcelJS from 'exceljs';

/** Day 0 of Excel's 1900 date system: a cell holding a time alone is a time on this day. */
const EXCEL_DAY_ZERO = '1899-12-30';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The text of a date cell. Excel keeps no time zone (a date is a count of days, its time a fraction of one) and
 * exceljs hands it over as that wall-clock value in UTC, so the text is the wall-clock value with no zone,
 * ISO 8601, which every reader of dates here (the imports' order dates, parts file attributes) takes as it is:
 * - a date alone (midnight): YYYY-MM-DD;
 * - a date with a time: YYYY-MM-DDTHH:MM:SS, with .sss when it has milliseconds; the time is kept, not cut off
 *   (a reader that wants the day reads the first ten characters, as the imports' date parser does);
 * - a time alone (day 0): HH:MM:SS, as the sheet shows it.
 */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  const day = iso.slice(0, 10);
  const ms = value.getUTCMilliseconds();
  const time = `${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}:${pad2(value.getUTCSeconds())}${
    ms ? iso.slice(19, 23) : ''
  }`;
  if (time === '00:00:00') return day;
  return day === EXCEL_DAY_ZERO ? time : `${day}T${time}`;
}

/**
 * The text of an exceljs cell value, the one rule for every .xlsx the services read: strings as they are,
 * whole numbers as digits, other numbers with Excel's 15 significant digits (0.1 + 0.2 is 0.3), booleans as
 * true/false, dates as `dateText` says, rich text as its text, a formula as its cached result, a hyperlink as
 * its text; empty cells, errors (#N/A ...) and formulas without a result as ''.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}
