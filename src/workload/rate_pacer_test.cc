#include "workload/rate_pacer.h"

#include <gtest/gtest.h>

#include "workload/fake_clock_env.h"

namespace lakehouse::workload {
namespace {

TEST(RatePacerTest, EmptyBucketWaitsForTokensToAccrue) {
  FakeClockEnv env;
  RatePacer pacer(&env, /*rate=*/1000, /*capacity=*/1000);
  ASSERT_TRUE(pacer.WaitFor(100, 0));
  EXPECT_EQ(env.total_slept(), 100000);  // 100 tokens at 1000/s = 100 ms
  EXPECT_NEAR(pacer.Available(), 100, 1e-6);
}

TEST(RatePacerTest, LongRunSpendMatchesRateTimesTime) {
  FakeClockEnv env;
  const int64_t start = env.NowMicros();
  RatePacer pacer(&env, 5000, 5000);
  int64_t spent = 0;
  // Batches that overshoot what was waited for (like an order with five lines)
  // are paid back by a longer next wait.
  const int costs[] = {250, 260, 249, 300, 251};
  for (int i = 0; spent < 50000; ++i) {
    ASSERT_TRUE(pacer.WaitFor(250, 0));
    pacer.Spend(costs[i % 5]);
    spent += costs[i % 5];
  }
  const double seconds = static_cast<double>(env.NowMicros() - start) / 1e6;
  EXPECT_NEAR(spent / seconds, 5000, 5000 * 0.01);
}

TEST(RatePacerTest, CapacityBoundsCatchUpAfterAStall) {
  FakeClockEnv env;
  RatePacer pacer(&env, 1000, /*capacity=*/500);
  env.Advance(10'000'000);  // a 10 s stall would owe 10,000 tokens
  EXPECT_NEAR(pacer.Available(), 500, 1e-6);
  ASSERT_TRUE(pacer.WaitFor(500, 0));
  EXPECT_EQ(env.total_slept(), 0);
}

TEST(RatePacerTest, OverdraftDelaysTheNextBatch) {
  FakeClockEnv env;
  RatePacer pacer(&env, 1000, 1000);
  ASSERT_TRUE(pacer.WaitFor(10, 0));
  pacer.Spend(110);  // 100 more than was available
  const int64_t before = env.total_slept();
  ASSERT_TRUE(pacer.WaitFor(10, 0));
  EXPECT_EQ(env.total_slept() - before, 110000);  // repay 100, then accrue 10
}

TEST(RatePacerTest, DeadlineStopsWithoutOversleeping) {
  FakeClockEnv env;
  RatePacer pacer(&env, 100, 100);
  const int64_t deadline = env.NowMicros() + 50'000;  // 50 ms: only 5 tokens by then
  EXPECT_FALSE(pacer.WaitFor(10, deadline));
  EXPECT_LE(env.NowMicros(), deadline);
  EXPECT_TRUE(pacer.WaitFor(4, deadline));
}

TEST(RatePacerTest, RequestAboveCapacityWaitsForCapacity) {
  FakeClockEnv env;
  RatePacer pacer(&env, 1000, 50);
  ASSERT_TRUE(pacer.WaitFor(1000, 0));
  EXPECT_EQ(env.total_slept(), 50000);
}

TEST(RatePacerTest, UnlimitedNeverSleeps) {
  FakeClockEnv env;
  RatePacer pacer(&env, 0, 1000);
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(pacer.WaitFor(1000, 0));
    pacer.Spend(1000);
  }
  EXPECT_TRUE(env.sleeps().empty());
  EXPECT_TRUE(pacer.unlimited());
  EXPECT_FALSE(pacer.WaitFor(1, env.NowMicros()));  // past the deadline
}

}  // namespace
}  // namespace lakehouse::workload
