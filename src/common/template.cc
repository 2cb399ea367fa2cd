#include "common/template.h"

#include <set>

namespace lakehouse {

Result<std::string> RenderTemplate(const std::string& text, const TemplateVars& vars, const std::string& origin) {
  std::string out;
  out.reserve(text.size());
  std::set<std::string> used;
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (c != '$' || i + 1 >= text.size()) {
      out += c;
      continue;
    }
    if (text[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    if (text[i + 1] != '{') {
      out += c;
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == std::string::npos) {
      return Status::InvalidArgument(origin + ":" + std::to_string(line) + ": unterminated ${");
    }
    std::string name = text.substr(i + 2, close - i - 2);
    auto it = vars.find(name);
    if (it == vars.end()) {
      return Status::InvalidArgument(origin + ":" + std::to_string(line) + ": no value for ${" + name + "}");
    }
    used.insert(name);
    out += it->second;
    i = close;
  }
  for (const auto& [name, value] : vars) {
    if (!used.count(name)) return Status::InvalidArgument(origin + ": value for " + name + " is never used");
  }
  return out;
}

}  // namespace lakehouse
