/**
 * Dates of the model (ISO 8601, possibly partial) as the feed formats want them: RFC 822 for RSS
 * 2.0, RFC 3339 for Atom (RFC 4287 §3.3) and JSON Feed 1.1.
 *
 * A feed date is an instant. The model may hold less: `2016` or `2016-07` name no day, so they
 * cannot become a feed date and count as unknown. A day (`2016-07-17`) is taken as 00:00 UTC that
 * day, the reading ECMAScript and most feed readers give a date without a time. A date-time keeps
 * its own offset, so the feed shows the time as the story gives it.
 */
import { FeedDateError } from './errors.js';

/** A date the feeds can use, in the three notations they need. */
export interface FeedDate {
  /** RFC 3339 `date-time` (`2016-07-17T00:00:00Z`). */
  readonly rfc3339: string;
  /** RFC 822 as amended by RFC 1123, four-digit year (`Sun, 17 Jul 2016 00:00:00 GMT`). */
  readonly rfc822: string;
  /** Milliseconds since the epoch, to find the latest of several dates. */
  readonly time: number;
}

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads an ISO 8601 date of the model. Returns `undefined` for a year or a month alone (not an
 * instant); throws {@link FeedDateError} for text that is no date, or a day that does not exist
 * (`2016-02-30`). `what` names the value in the error (`story "x" published`).
 */
export function feedDate(value: string, what: string | (() => string)): FeedDate | undefined {
  // Feeds repeat dates (a day's stories, a story's items, Atom's latest entry): each is read once.
  const known = read.get(value);
  if (known !== undefined || read.has(value)) return known;
  const date = readDate(value, what);
  if (read.size >= READ_MAX) read.clear();
  read.set(value, date);
  return date;
}

/** Dates read so far, shared by every feed; a few thousand at most, then started afresh. */
const read = new Map<string, FeedDate | undefined>();
const READ_MAX = 4096;

function readDate(value: string, name: string | (() => string)): FeedDate | undefined {
  const what = typeof name === 'string' ? name : name();
  const m = ISO.exec(value);
  if (!m) {
    throw new FeedDateError(
      `${what} is "${value}"; expected an ISO 8601 date such as 2016-07-17 or 2016-07-17T10:00:00Z`,
    );
  }
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  if (d === undefined) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hours = Number(hh ?? 0);
  const minutes = Number(mi ?? 0);
  const seconds = Number(ss ?? 0);
  const local = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const check = new Date(local);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  check.setUTCFullYear(year);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hours > 23 ||
    minutes > 59 ||
    seconds > 59
  ) {
    throw new FeedDateError(`${what} is "${value}", which is not a date in the calendar`);
  }
  const offset = zone === undefined || zone === 'Z' ? 0 : offsetMinutes(zone);
  const time = check.getTime() - offset * 60_000;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(hours)}:${two(minutes)}:${two(seconds)}`;
  const date = `${y}-${mo}-${d}`;
  const rfc3339 = `${date}T${clock}${frac ?? ''}${zone ?? 'Z'}`;
  // RFC 822 §5.1 with the RFC 1123 §5.2.14 four-digit year; the weekday is the one of the local
  // date the zone gives, and the zone is written as +hhmm ("GMT" for UTC). No fractions (§5.1).
  const weekday = DAYS[check.getUTCDay()] as string;
  const rfcZone = zone === undefined || zone === 'Z' ? 'GMT' : zone.replace(':', '');
  const rfc822 = `${weekday}, ${d} ${MONTHS[month - 1]} ${y} ${clock} ${rfcZone}`;
  return Object.freeze({ rfc3339, rfc822, time });
}

function offsetMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/** The latest of the dates given, or `undefined` when there is none. */
export function latest(
  dates: Iterable<FeedDate | undefined>,
  start?: FeedDate,
): FeedDate | undefined {
  let best = start;
  for (const date of dates) if (date && (!best || date.time > best.time)) best = date;
  return best;
}
