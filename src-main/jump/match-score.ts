/** How well a name answers a typed query: lower is better, null is no match. */

/** 0 the whole name, 1 its start, 2 the start of one of its words, 3 anywhere in it. */
export function matchScore(name: string, query: string): number | null {
  const n = name.toLowerCase();
  const q = query.trim().toLowerCase();
  if (!q) return null;
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.split(/[\s\-_/.,()]+/).some((w) => w.startsWith(q))) return 2;
  return n.includes(q) ? 3 : null;
}

export const formatNumber = (n: number): string => n.toLocaleString('en-US');
