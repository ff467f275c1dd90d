/**
 * Records into entities without chaining. Connected components of the match edges would join a
 * whole family through one ambiguous record ("R. Smith", no date of birth, close to both Robert
 * and Rebecca). Inside each component we therefore merge bottom-up by average linkage: the two
 * groups with the highest mean match weight (log2 odds) over all their cross pairs merge while
 * that mean is at least the threshold's, and never when any cross pair is known to be two people
 * (cannot-link). Unlike the mean probability, the mean weight lets a group of strong pairs carry
 * one weak pair (a duplicate of a duplicate), while a strongly negative pair still counts.
 */
export interface Edge {
  i: number;
  j: number;
  probability: number;
}

export interface PairProbe {
  probability: number;
  /** True when the pair is certainly two people (the household rule, or a vanishing probability). */
  cannotLink: boolean;
}

/** Components bigger than this are split on their edges only (unscored pairs count as 0). */
const FULL_SCORING_LIMIT = 150;

function components(n: number, edges: Edge[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const { i, j } of edges) parent[find(i)] = find(j);
  const groups = new Map<number, number[]>();
  for (let x = 0; x < n; x += 1) {
    const root = find(x);
    const group = groups.get(root);
    if (group) group.push(x);
    else groups.set(root, [x]);
  }
  return [...groups.values()];
}

/** Pairwise probabilities (and cannot-links) among the members of one component. */
function matrix(members: number[], known: Map<number, number>, n: number, probe: (i: number, j: number) => PairProbe) {
  const k = members.length;
  const p = new Float64Array(k * k);
  const forbid = new Uint8Array(k * k);
  for (let x = 0; x < k; x += 1)
    for (let y = x + 1; y < k; y += 1) {
      const [a, b] = [Math.min(members[x]!, members[y]!), Math.max(members[x]!, members[y]!)];
      const seen = known.get(a * n + b);
      const r = k <= FULL_SCORING_LIMIT ? probe(a, b) : { probability: seen ?? 0, cannotLink: false };
      p[x * k + y] = p[y * k + x] = r.probability;
      forbid[x * k + y] = forbid[y * k + x] = r.cannotLink ? 1 : 0;
    }
  return { p, forbid };
}

/** log2 odds, clamped so that one certain pair cannot outvote every other pair of a merge. */
function logOdds(p: number): number {
  const clamped = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log2(clamped / (1 - clamped));
}

function averageLinkage(k: number, p: Float64Array, forbid: Uint8Array, threshold: number): number[][] {
  const w = p.map(logOdds);
  let groups: number[][] = Array.from({ length: k }, (_, x) => [x]);
  for (;;) {
    let best = -1;
    let pick: [number, number] = [0, 0];
    for (let a = 0; a < groups.length; a += 1)
      for (let b = a + 1; b < groups.length; b += 1) {
        let sum = 0;
        let blocked = false;
        for (const x of groups[a]!)
          for (const y of groups[b]!) {
            sum += w[x * k + y]!;
            if (forbid[x * k + y] === 1) blocked = true;
          }
        const mean = sum / (groups[a]!.length * groups[b]!.length);
        if (!blocked && mean > best) [best, pick] = [mean, [a, b]];
      }
    if (best < logOdds(threshold)) return groups;
    const [a, b] = pick;
    groups = groups.filter((_, g) => g !== a && g !== b).concat([[...groups[a]!, ...groups[b]!]]);
  }
}

/** Entities as lists of record indices (singletons included). */
export function clusterRecords(
  n: number,
  edges: Edge[],
  threshold: number,
  probe: (i: number, j: number) => PairProbe,
): number[][] {
  const known = new Map<number, number>();
  for (const e of edges) known.set(Math.min(e.i, e.j) * n + Math.max(e.i, e.j), e.probability);
  const out: number[][] = [];
  for (const members of components(n, edges)) {
    if (members.length <= 2) {
      out.push(members);
      continue;
    }
    const { p, forbid } = matrix(members, known, n, probe);
    for (const group of averageLinkage(members.length, p, forbid, threshold)) out.push(group.map((x) => members[x]!));
  }
  return out;
}
