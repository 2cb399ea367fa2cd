// Reference data for unit tests that do not touch a database: a few provinces
// and all twelve categories of demo_seed.sql.
#pragma once

#include "workload/demo_rows.h"

namespace lakehouse::workload {

inline ReferenceData TestReferenceData() {
  ReferenceData ref;
  ref.provinces = {{"01", "Thành phố Hà Nội"},   {"48", "Thành phố Đà Nẵng"},
                   {"79", "Thành phố Hồ Chí Minh"}, {"46", "Tỉnh Thừa Thiên Huế"},
                   {"92", "Thành phố Cần Thơ"},  {"22", "Tỉnh Quảng Ninh"}};
  const char* slugs[] = {"do-an",    "do-uong", "thoi-trang", "thu-cong-my-nghe", "dac-san",             "nong-san",
                         "dien-tu", "gia-dung", "my-pham",   "sach-van-phong-pham", "me-va-be", "the-thao"};
  for (int i = 0; i < 12; ++i) ref.categories.push_back({i + 1, slugs[i]});
  return ref;
}

}  // namespace lakehouse::workload
