// Deterministic randomness without state: every draw is a hash of (seed, campaign, device, draw
// number), so any device's fate can be computed on its own, in any order, without a generator to
// advance or keep. murmur3's finalizer mixes the bits; that is plenty for a simulation.

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a few unsigned integers. */
export function hashInts(...values: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) h = fmix32(h ^ fmix32((value >>> 0) + 0x7f4a7c15));
  return h;
}

/** A 32-bit hash of a string (FNV-1a, then mixed). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** A number in [0, 1) drawn from the hash of the given integers. */
export function unitDraw(...values: readonly number[]): number {
  return hashInts(...values) / 0x1_0000_0000;
}

/** Lower-case hex of `length` characters derived from the given integers (ids). */
export function hexId(length: number, ...values: readonly number[]): string {
  let out = '';
  for (let block = 0; out.length < length; block++) out += hashInts(...values, block).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
