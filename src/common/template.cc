#include "common/template.h"

#include <algorithm>
#include <regex>
#include <set>

namespace lakehouse {

Result<std::string> RenderTemplate(const std::string& text, const TemplateVars& vars, const std::string& origin) {
  static const std::regex kPlaceholder("\\$\\{([A-Z][A-Z0-9_]*)\\}");
  std::string out;
  out.reserve(text.size());
  std::set<std::string> used;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), kPlaceholder), end; it != end; ++it) {
    const std::smatch& m = *it;
    const std::string name = m[1];
    auto value = vars.find(name);
    if (value == vars.end()) {
      int line = 1 + static_cast<int>(std::count(text.cbegin(), m[0].first, '\n'));
      return Status::InvalidArgument(origin + ":" + std::to_string(line) + ": no value for ${" + name + "}");
    }
    used.insert(name);
    out.append(last, m[0].first);
    out += value->second;
    last = m[0].second;
  }
  out.append(last, text.cend());
  for (const auto& [name, value] : vars) {
    if (!used.count(name)) return Status::InvalidArgument(origin + ": value for " + name + " is never used");
  }
  return out;
}

}  // namespace lakehouse
