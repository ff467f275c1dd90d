/**
 * A duration in the words both sides use ("45 s", "12 min", "2 h 5 min"): main's progress
 * messages and the renderer's labels say the same thing the same way. Pure, no imports.
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
