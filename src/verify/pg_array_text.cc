#include "verify/pg_array_text.h"

#include <strings.h>

namespace lakehouse::verify {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<PgArrayNode> Parse() {
    SkipDimensions();
    PgArrayNode root;
    if (!ParseArray(&root, 0)) return Error();
    SkipSpace();
    if (pos_ != text_.size()) return Error();
    return root;
  }

 private:
  static constexpr int kMaxDepth = 6;  // PostgreSQL's MAXDIM

  Status Error() const {
    return Status::InvalidArgument("not a PostgreSQL array literal (at byte " + std::to_string(pos_) + "): '" +
                                   std::string(text_) + "'");
  }

  void SkipSpace() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }

  // "[1:2][0:3]=" before the braces.
  void SkipDimensions() {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '[') {
      const size_t eq = text_.find('=', pos_);
      if (eq != std::string_view::npos) pos_ = eq + 1;
    }
  }

  bool ParseArray(PgArrayNode* node, int depth) {
    SkipSpace();
    if (depth >= kMaxDepth || pos_ >= text_.size() || text_[pos_] != '{') return false;
    ++pos_;
    node->is_array = true;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      PgArrayNode item;
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == '{') {
        if (!ParseArray(&item, depth + 1)) return false;
      } else if (!ParseElement(&item)) {
        return false;
      }
      node->items.push_back(std::move(item));
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      const char c = text_[pos_++];
      if (c == '}') return true;
      if (c != ',') return false;
    }
  }

  bool ParseElement(PgArrayNode* node) {
    std::string value;
    bool quoted_any = false;
    size_t trailing_space = 0;  // unquoted trailing whitespace, which is not part of the value
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        quoted_any = true;
        ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') {
          if (text_[pos_] == '\\') ++pos_;
          if (pos_ >= text_.size()) return false;
          value += text_[pos_++];
        }
        if (pos_ >= text_.size()) return false;
        ++pos_;
        trailing_space = 0;
      } else if (c == '\\') {
        if (++pos_ >= text_.size()) return false;
        value += text_[pos_++];
        trailing_space = 0;
      } else if (c == ',' || c == '}') {
        break;
      } else if (c == '{') {
        return false;
      } else {
        value += c;
        trailing_space = IsSpace(c) ? trailing_space + 1 : 0;
        ++pos_;
      }
    }
    value.resize(value.size() - trailing_space);
    if (!quoted_any && value.empty()) return false;
    if (!quoted_any && strcasecmp(value.c_str(), "NULL") == 0) {
      node->text = std::nullopt;
    } else {
      node->text = std::move(value);
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

Result<PgArrayNode> ParsePgArray(std::string_view text) { return Parser(text).Parse(); }

}  // namespace lakehouse::verify
