#include "lake/in_memory_object_store.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

std::vector<std::string> Keys(const std::vector<ObjectInfo>& objects) {
  std::vector<std::string> keys;
  for (const auto& o : objects) keys.push_back(o.key);
  return keys;
}

TEST(InMemoryObjectStoreTest, PutGetDeleteRoundTrip) {
  InMemoryObjectStore store;
  EXPECT_TRUE(store.PutObject("b", "k", "v").IsNotFound());  // bucket must exist
  store.CreateBucket("b");
  store.SetClockMs(42);
  ASSERT_TRUE(store.PutObject("b", "k", "value").ok());
  EXPECT_EQ(*store.GetObject("b", "k"), "value");
  auto listed = store.ListObjects("b", "");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0], (ObjectInfo{"k", 5, 42}));
  ASSERT_TRUE(store.DeleteObject("b", "k").ok());
  ASSERT_TRUE(store.DeleteObject("b", "k").ok());  // idempotent, as in S3
  EXPECT_TRUE(store.GetObject("b", "k").status().IsNotFound());
}

TEST(InMemoryObjectStoreTest, ListHonoursPrefixAndStartAfter) {
  InMemoryObjectStore store;
  store.CreateBucket("b");
  for (const char* key : {"a/1", "a/2", "a/3", "ab", "b/1"}) ASSERT_TRUE(store.PutObject("b", key, "x").ok());
  EXPECT_EQ(Keys(*store.ListObjects("b", "a/")), (std::vector<std::string>{"a/1", "a/2", "a/3"}));
  EXPECT_EQ(Keys(*store.ListObjects("b", "a/", "a/1")), (std::vector<std::string>{"a/2", "a/3"}));
  EXPECT_EQ(Keys(*store.ListObjects("b", "a/", "a/")), (std::vector<std::string>{"a/1", "a/2", "a/3"}));
  EXPECT_EQ(Keys(*store.ListObjects("b", "a/", "0")), (std::vector<std::string>{"a/1", "a/2", "a/3"}));
  EXPECT_TRUE(store.ListObjects("b", "a/", "a/9")->empty());
  EXPECT_EQ(Keys(*store.ListObjects("b", "", "ab")), (std::vector<std::string>{"b/1"}));
  EXPECT_TRUE(store.ListObjects("missing", "").status().IsNotFound());
}

}  // namespace
}  // namespace lakehouse
