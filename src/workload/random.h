// Random: a small, seedable pseudo-random generator (xoshiro256**).
//
// The workload must produce the same data for the same seed on every platform
// and standard library, so it does not use std::uniform_int_distribution (whose
// algorithm is implementation-defined): all draws are defined here. Not
// cryptographic. Not thread-safe; give each thread its own.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lakehouse::workload {

class Random {
 public:
  explicit Random(uint64_t seed) {
    // SplitMix64 spreads any seed (including 0) over the 256-bit state.
    for (uint64_t& word : state_) word = SplitMix64(&seed);
  }

  // A seed for an independent stream derived from (seed, stream), so two
  // streams of one workload never share draws.
  static uint64_t DeriveSeed(uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    return SplitMix64(&x);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n). REQUIRES: n > 0. Multiply-shift (Lemire) without the
  // rejection step: the bias is below n / 2^64, irrelevant for demo data.
  uint64_t Uniform(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int64_t Range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Uniform(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1) with 53 bits of precision.
  double NextDouble() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  bool Bernoulli(double p) { return NextDouble() < p; }

  // A uniformly chosen element of a C array.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Uniform(N)];
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t SplitMix64(uint64_t* x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  uint64_t state_[4];
};

}  // namespace lakehouse::workload
