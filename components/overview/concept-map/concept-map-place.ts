// Horizontal placement within a width: each row keeps its left-to-right order and its gaps, stays inside [0, width],
// and sits as close as it can to where its boxes want to be (least squares). Used when dagre's own placement,
// which knows no width limit, comes out too wide: dagre's positions, scaled to the width, are where the boxes
// "want" to be, and a few sweeps then pull each box towards the boxes it is joined to.

export interface Row {
  ids: string[];
  widths: number[];
}

/**
 * Centres for one row: minimises Σ weight·(x − desired)² subject to the order, `gap` between boxes and the bounds
 * [0, width]. The order and gaps make it an isotonic regression after subtracting each box's minimum offset from
 * the row's start, solved exactly by pooling adjacent violators; clamping the pooled values to the bounds stays optimal.
 */
export function fitRow(
  row: Row,
  desired: readonly number[],
  weights: readonly number[],
  gap: number,
  width: number,
): number[] {
  const n = row.ids.length;
  const offset: number[] = [];
  for (let i = 0; i < n; i++) {
    offset.push(i === 0 ? row.widths[0]! / 2 : offset[i - 1]! + row.widths[i - 1]! / 2 + gap + row.widths[i]! / 2);
  }
  const slack = Math.max(0, width - (offset[n - 1]! + row.widths[n - 1]! / 2));
  // Pools of consecutive boxes that sit at one shift from their offsets.
  const pools: { value: number; weight: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    let pool = { value: desired[i]! - offset[i]!, weight: weights[i]!, count: 1 };
    while (pools.length > 0 && pools.at(-1)!.value >= pool.value) {
      const prev = pools.pop()!;
      const weight = prev.weight + pool.weight;
      pool = {
        value: (prev.value * prev.weight + pool.value * pool.weight) / weight,
        weight,
        count: prev.count + pool.count,
      };
    }
    pools.push(pool);
  }
  const x: number[] = [];
  for (const pool of pools) {
    const shift = Math.min(slack, Math.max(0, pool.value));
    for (let k = 0; k < pool.count; k++) x.push(offset[x.length]! + shift);
  }
  return x;
}

/**
 * Fits every row into `width` starting from `start` (centres), then sweeps down and up `sweeps` times, moving each
 * box towards the mean of the boxes it is joined to in the row above (down) or below (up). `links` are the
 * joins with their weights (trunks weigh more, so they run straight).
 */
export function placeWithin(
  rows: readonly Row[],
  start: ReadonlyMap<string, number>,
  links: readonly { a: string; b: string; weight: number }[],
  gap: number,
  width: number,
  sweeps = 4,
): Map<string, number> {
  const x = new Map(start);
  // Rows are reordered by where their boxes want to be (the barycenter heuristic), so copy them.
  const order = rows.map((row) => ({ ids: [...row.ids], widths: [...row.widths] }));
  const rowOf = new Map<string, number>();
  rows.forEach((row, r) => row.ids.forEach((id) => rowOf.set(id, r)));
  const joined = new Map<string, { id: string; weight: number }[]>();
  for (const { a, b, weight } of links) {
    joined.set(a, [...(joined.get(a) ?? []), { id: b, weight }]);
    joined.set(b, [...(joined.get(b) ?? []), { id: a, weight }]);
  }
  const fit = (r: number, towards?: number) => {
    const row = order[r]!;
    const wanted = new Map(
      row.ids.map((id) => {
        const near = towards === undefined ? [] : (joined.get(id) ?? []).filter((j) => rowOf.get(j.id) === towards);
        const total = near.reduce((sum, j) => sum + j.weight, 0);
        return [id, total > 0 ? near.reduce((sum, j) => sum + j.weight * x.get(j.id)!, 0) / total : x.get(id)!];
      }),
    );
    if (towards !== undefined) {
      const sorted = row.ids
        .map((id, i) => ({ id, width: row.widths[i]! }))
        .sort((a, b) => wanted.get(a.id)! - wanted.get(b.id)!);
      row.ids = sorted.map((item) => item.id);
      row.widths = sorted.map((item) => item.width);
    }
    const weights = row.ids.map((id) => (towards === undefined ? 1 : 1 + (joined.get(id)?.length ?? 0)));
    fitRow(
      row,
      row.ids.map((id) => wanted.get(id)!),
      weights,
      gap,
      width,
    ).forEach((centre, i) => x.set(row.ids[i]!, centre));
  };
  rows.forEach((_, r) => fit(r));
  for (let s = 0; s < sweeps; s++) {
    for (let r = 1; r < rows.length; r++) fit(r, r - 1);
    for (let r = rows.length - 2; r >= 0; r--) fit(r, r + 1);
  }
  return x;
}
