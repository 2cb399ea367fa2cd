#include "verify/table_snapshots.h"

namespace lakehouse::verify {

const SourceColumn* SourceTable::Find(const std::string& name) const {
  for (const SourceColumn& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

}  // namespace lakehouse::verify
