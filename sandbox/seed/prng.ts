/**
 * A small seeded PRNG (mulberry32) so that every seed of the sandbox produces the same users, ids and RSVP
 * states: tests, screenshots and bug reports can then name a traveler and find the same one tomorrow.
 * Math.random would make the seed different on every reset.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A new array in a random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4 shaped UUID (RFC 9562 version and variant bits), so it passes any UUID validator. */
  uuid(): string;
}

/** mulberry32: floats in [0, 1), the same sequence for the same seed (the benchmark's request mix uses it too). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createPrng(seed: number): Prng {
  const next = mulberry32(seed);
  const int = (max: number): number => Math.floor(next() * max);
  const hex8 = (): string => int(0x1_0000_0000).toString(16).padStart(8, '0');

  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    uuid: () => {
      const [a, b, c, d] = [hex8(), hex8(), hex8(), hex8()];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[int(4)]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
