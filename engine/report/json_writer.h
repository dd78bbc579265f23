// JsonWriter: writes JSON straight into a string, byte for byte as nlohmann's dump(2) — or, made
// with JsonWriter::kCompact, dump() — prints the same value (2-space indent, "key": value, UTF-8
// kept, control characters as \u00xx) — without building a json tree first. The report's JSON is
// mostly article text; building a tree per article copied every string twice and allocated a node
// per value.
//
// Strings that are not valid UTF-8 are written with the invalid bytes replaced by U+FFFD, as
// CleanUtf8 (format.h) and dump's `replace` error handler do.
//
// Usage: BeginObject(); Key("a"); Int(1); Key("b"); BeginArray(); String("x"); EndArray();
// EndObject(). Calls must nest properly and every object value must follow a Key; a
// JsonWriter does not check.
//
// Thread safety: a plain value; one writer per thread.
#ifndef PARALLAX_ENGINE_REPORT_JSON_WRITER_H_
#define PARALLAX_ENGINE_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// Appends `text` as a JSON string literal (quotes included), escaped as nlohmann's dump escapes
// it with ensure_ascii off. REQUIRES: `text` is valid UTF-8.
void AppendJsonString(std::string_view text, std::string* out);

class JsonWriter {
 public:
  // Appends to `out`, indenting as a value nested `depth` levels inside a dump(2) document
  // (every line after the first starts with 2 * depth more spaces).
  JsonWriter(std::string* out, int depth) : out_(out), depth_(depth) {}

  // As a depth: no line breaks and no spaces, as dump() with no indent prints.
  static constexpr int kCompact = -1;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view text);
  // `text`, known to be valid UTF-8 (not checked again).
  void ValidString(std::string_view text);
  // `text`, or null when it is empty.
  void StringOrNull(std::string_view text);
  void Int(int64_t value);
  void Uint(uint64_t value);
  // As dump prints a double (shortest round-trip form, "1.0" for integral values); non-finite
  // values print as null, as dump prints them.
  void Double(double value);
  void Bool(bool value);
  void Null();

 private:
  void BeforeValue();
  void NewLine(size_t levels);

  std::string* out_;
  int depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_JSON_WRITER_H_
