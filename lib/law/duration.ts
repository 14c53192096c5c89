/** Short durations for the badge panel and the popup. */

/** "2 h 10 min", "45 min", "3 d 4 h": how long until a calling window opens or closes. */
export function durationText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const hours = Math.floor(m / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  return hours > 0 ? `${hours} h ${m % 60} min` : `${m} min`;
}
