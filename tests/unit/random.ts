// A seeded PRNG for the fuzz tests: every failure replays (the seed and the case index are in the failure message),
// and FUZZ_SEED=<n> reruns with another seed.
export const SEED = Number(process.env.FUZZ_SEED ?? 20240607);

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof prng>;
