#include "engine/report/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "engine/base/utf8.h"
#include "engine/report/format.h"

namespace parallax {
namespace {

// kJsonEscape[c]: the escape standing for byte c, or null when c stands for itself.
struct JsonEscapeTable {
  char entity[256][7] = {};
  constexpr JsonEscapeTable() {
    const char hex[] = "0123456789abcdef";
    for (int c = 0; c < 0x20; ++c) {
      const char escape[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
      for (int i = 0; i < 7; ++i) entity[c][i] = escape[i];
    }
    const char* shorts[][2] = {{"\b", "\\b"}, {"\t", "\\t"},  {"\n", "\\n"}, {"\f", "\\f"},
                               {"\r", "\\r"}, {"\"", "\\\""}, {"\\", "\\\\"}};
    for (const auto& s : shorts) {
      const unsigned char c = static_cast<unsigned char>(s[0][0]);
      entity[c][0] = s[1][0];
      entity[c][1] = s[1][1];
      for (int i = 2; i < 7; ++i) entity[c][i] = 0;
    }
  }
};
constexpr JsonEscapeTable kJsonEscape;

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (run < end && kJsonEscape.entity[static_cast<unsigned char>(*run)][0] == 0) ++run;
    out->append(p, run);
    if (run == end) break;
    out->append(kJsonEscape.entity[static_cast<unsigned char>(*run)]);
    p = run + 1;
  }
  out->push_back('"');
}

void JsonWriter::NewLine(size_t levels) {
  if (depth_ == kCompact) return;
  out_->push_back('\n');
  out_->append(2 * (depth_ + levels), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  // An array element: on its own line.
  if (!empty_.back()) out_->push_back(',');
  empty_.back() = false;
  NewLine(empty_.size());
}

void JsonWriter::Key(std::string_view key) {
  if (!empty_.back()) out_->push_back(',');
  empty_.back() = false;
  NewLine(empty_.size());
  AppendJsonString(key, out_);
  out_->append(depth_ == kCompact ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  empty_.push_back(true);
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  empty_.push_back(true);
}

void JsonWriter::EndObject() {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) NewLine(empty_.size());
  out_->push_back('}');
}

void JsonWriter::EndArray() {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) NewLine(empty_.size());
  out_->push_back(']');
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  if (!FindInvalidUtf8(text).has_value()) {
    AppendJsonString(text, out_);
  } else {
    AppendJsonString(CleanUtf8(text), out_);
  }
}

void JsonWriter::ValidString(std::string_view text) {
  BeforeValue();
  AppendJsonString(text, out_);
}

void JsonWriter::StringOrNull(std::string_view text) {
  if (text.empty()) {
    Null();
  } else {
    String(text);
  }
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_->append(buffer, end);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_->append(buffer, end);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  // Few doubles (scores, rates): nlohmann's own formatting keeps them as dump prints them.
  out_->append(nlohmann::json(value).dump());
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace parallax
