/**
 * The callee's local time and the federal calling window (47 C.F.R. § 64.1200(c)(1): no telephone
 * solicitation before 8 am or after 9 pm at the called party's location).
 */

const CALLING_WINDOW = { startHour: 8, endHour: 21 } as const;

interface LocalTime {
  /** "2:05 PM", or "1:05 PM – 2:05 PM" where the code's zones disagree. */
  localTime: string | null;
  /** true, false, 'partly' (some of the code's zones are inside the window), or null (no zone known). */
  inCallingWindow: boolean | 'partly' | null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes since local midnight in `timeZone` at `at`. */
function minutesOfDay(timeZone: string, at: Date): number {
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

export function formatClock(minutes: number): string {
  const hour = Math.floor(minutes / 60);
  const minute = String(minutes % 60).padStart(2, '0');
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** Local time and calling-window status across every zone an area code spans. */
export function localTimeAt(timeZones: readonly string[], at: Date): LocalTime {
  if (timeZones.length === 0) return { localTime: null, inCallingWindow: null };
  const times = [...new Set(timeZones.map((zone) => minutesOfDay(zone, at)))].sort((a, b) => a - b);
  const inside = times.map((m) => m >= CALLING_WINDOW.startHour * 60 && m < CALLING_WINDOW.endHour * 60);
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? first;
  return {
    localTime: first === last ? formatClock(first) : `${formatClock(first)} – ${formatClock(last)}`,
    inCallingWindow: inside.every(Boolean) ? true : inside.some(Boolean) ? 'partly' : false,
  };
}
