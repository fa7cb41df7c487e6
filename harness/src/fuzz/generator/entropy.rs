//! Where the generator's choices come from: a seeded PRNG (campaigns: program `i` of
//! seed `s` is always the same) or a fuzzer's bytes (`arbitrary`; exhausted input
//! yields the first, simplest choice everywhere, so generation always terminates).

/// A source of choices.
pub trait Entropy {
    /// A number in `0..n` (`0` when `n` is 0).
    fn below(&mut self, n: u32) -> u32;
}

impl dyn Entropy + '_ {
    /// True with probability `num/den`.
    pub fn chance(&mut self, num: u32, den: u32) -> bool {
        self.below(den) < num
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo + 1).min(i64::from(u32::MAX)) as u32;
        lo + i64::from(self.below(span))
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u32) as usize]
    }

    /// An index chosen with the given weights (the first non-zero one when all are 0
    /// draws nothing).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return 0;
        }
        let mut r = u64::from(self.below(total.min(u64::from(u32::MAX)) as u32));
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        weights.len() - 1
    }

    /// 64 random bits.
    pub fn bits64(&mut self) -> u64 {
        let hi = u64::from(self.below(u32::MAX));
        let lo = u64::from(self.below(u32::MAX));
        (hi << 32) | lo
    }
}

/// SplitMix64: small, fast, and good enough to drive a generator.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

impl SplitMix64 {
    /// The stream of program `index` in the campaign seeded `seed`.
    pub fn for_program(seed: u64, index: u64) -> Self {
        SplitMix64(mix(seed ^ mix(index.wrapping_add(0x9e3779b97f4a7c15))))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        mix(self.0)
    }
}

impl Entropy for SplitMix64 {
    fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 32) * u64::from(n) >> 32) as u32
    }
}

/// Choices read from fuzzer input through `arbitrary`.
pub struct Unstructured<'a>(arbitrary::Unstructured<'a>);

impl<'a> Unstructured<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Unstructured(arbitrary::Unstructured::new(data))
    }
}

impl Entropy for Unstructured<'_> {
    fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        self.0.int_in_range(0..=n - 1).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4)
            .map(|_| SplitMix64::for_program(7, 3).next_u64())
            .collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            SplitMix64::for_program(7, 3).next_u64(),
            SplitMix64::for_program(7, 4).next_u64()
        );
        let mut r = SplitMix64(1);
        let e: &mut dyn Entropy = &mut r;
        for n in 1..50 {
            assert!(e.below(n) < n);
        }
    }

    #[test]
    fn exhausted_bytes_choose_zero() {
        let mut u = Unstructured::new(&[]);
        let e: &mut dyn Entropy = &mut u;
        assert_eq!(e.below(10), 0);
        assert_eq!(e.weighted(&[0, 3, 1]), 1);
    }
}
