#include "workload/change_mix.h"

#include <gtest/gtest.h>

namespace lakehouse::workload {
namespace {

TEST(ChangeMixTest, DrawsFollowTheWeights) {
  MixWeights w;  // defaults: 40/30/5/10/5/10
  ChangeMix mix(w);
  Random rng(123);
  constexpr int kDraws = 200000;
  PerKind counts{};
  for (int i = 0; i < kDraws; ++i) counts[static_cast<int>(mix.Pick(rng))]++;
  const double expected[] = {0.40, 0.30, 0.05, 0.10, 0.05, 0.10};
  for (int k = 0; k < kChangeKindCount; ++k) {
    EXPECT_NEAR(static_cast<double>(counts[k]) / kDraws, expected[k], 0.005)
        << ChangeKindName(static_cast<ChangeKind>(k));
    EXPECT_NEAR(mix.Probability(static_cast<ChangeKind>(k)), expected[k], 1e-12);
  }
}

TEST(ChangeMixTest, WeightsNeedNotSumToOneHundred) {
  MixWeights w{.order_insert = 1, .order_status_update = 1, .price_update = 0,
               .customer_update = 0, .order_delete = 0, .customer_insert = 2};
  ChangeMix mix(w);
  EXPECT_DOUBLE_EQ(mix.Probability(ChangeKind::kCustomerInsert), 0.5);
  EXPECT_DOUBLE_EQ(mix.Probability(ChangeKind::kOrderInsert), 0.25);
}

TEST(ChangeMixTest, ZeroWeightKindsAreNeverPicked) {
  MixWeights w{.order_insert = 0, .order_status_update = 0, .price_update = 1,
               .customer_update = 0, .order_delete = 0, .customer_insert = 0};
  ChangeMix mix(w);
  Random rng(9);
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(mix.Pick(rng), ChangeKind::kPriceUpdate);
}

TEST(ChangeMixTest, SameSeedSameSequence) {
  ChangeMix mix{MixWeights{}};
  Random a(77), b(77);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(mix.Pick(a), mix.Pick(b));
}

}  // namespace
}  // namespace lakehouse::workload
