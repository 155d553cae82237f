/**
 * Dates as pages write them in their markup, to the model's ISO 8601 form: a date-time keeps its
 * time only when the page gives an offset (the model's date-times carry one; a time without a zone
 * would be a guess), `-0800` becomes `-08:00`, a space between date and time is read as the `T`
 * (RFC 3339 §5.6 allows it). Dates written in words go through the body's reader (`isoDate`).
 */
import { isoDate } from '../parse.js';

const MARKUP_DATE =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;

/** The ISO 8601 form of a date from a page's markup, or undefined when it is not one. */
export function markupDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const match = MARKUP_DATE.exec(value);
  if (match) {
    const [, y, mo, d, h, mi, s, frac, zone] = match;
    const day = `${y}-${mo}-${d}`;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
    if (h === undefined || zone === undefined) return day;
    const offset =
      zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return `${day}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${offset}`;
  }
  return isoDate(value);
}

/** Whether two ISO dates name the same moment (date-times) or the same day (dates). */
export function sameDate(a: string, b: string): boolean {
  if (a.length > 10 && b.length > 10) return Date.parse(a) === Date.parse(b);
  return a.slice(0, 10) === b.slice(0, 10);
}
