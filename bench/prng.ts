// Deterministic randomness for the generator: the same seed gives the same network.

export type Rng = () => number

/** mulberry32: small, fast, good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function normal(rng: Rng): number {
  // Box–Muller
  const u = 1 - rng()
  const v = rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Samples 0..n-1 with P(k) ∝ 1/(k+1)^s, by binary search over a precomputed CDF. */
export function zipfSampler(n: number, s: number, rng: Rng): () => number {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s
    cdf[k] = sum
  }
  return () => {
    const x = rng() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** Samples indexes with probability proportional to the given weights. */
export function weightedSampler(weights: Float64Array | number[], rng: Rng): () => number {
  const cdf = new Float64Array(weights.length)
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!
    cdf[i] = sum
  }
  return () => {
    const x = rng() * sum
    let lo = 0
    let hi = weights.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
