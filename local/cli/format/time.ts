/** An instant as ISO-8601 UTC with milliseconds, or an em dash when there is none. */
export function formatInstant(date: Date | undefined): string {
  return date ? date.toISOString() : '—';
}

/** A duration in the largest two units that matter: `12 ms`, `4.2 s`, `3 min 5 s`, `2 h 10 min`, `30 d 0 h`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3600)} h`;
}

/** The time between two instants, formatted; empty when either is missing. */
export function formatSpan(from: Date | undefined, to: Date | undefined): string {
  return from && to ? formatDuration(to.getTime() - from.getTime()) : '';
}
