// Deterministic randomness: the whole seeded world derives from one seed.
import { createHash } from "node:crypto";

export type Rng = {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  uuid(): string;
};

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** mulberry32: tiny, fast, good enough for fixtures. */
export function createRng(seed: number | string): Rng {
  let a = typeof seed === "number" ? seed >>> 0 : hashToInt(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => {
    const n = Math.floor(next() * 4294967296) >>> 0;
    return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
    // RFC 4122 v4 layout so clients that validate UUIDs accept them.
    uuid: () => {
      const a = word();
      const b = word();
      const c = word();
      const d = word();
      const variant = "89ab"[Math.floor(next() * 4)];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
    },
  };
}

export function hashToInt(s: string): number {
  return createHash("sha256").update(s).digest().readUInt32LE(0);
}

/** A stable uuid for a name within a seed (same seed + name → same uuid). */
export function stableUuid(seed: string, name: string): string {
  return createRng(`${seed}:${name}`).uuid();
}
