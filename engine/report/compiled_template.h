// A mustache renderer for the report templates: each template is parsed once into a flat
// program and rendered any number of times, from any number of threads, against a
// TemplateData — an arena of values built without a heap allocation per key.
//
// Why not kainjow alone: kainjow re-walks a component tree through std::function per node,
// copies every value into maps of strings (basic_data) and renders through an ostringstream;
// for a page of thousands of claim rows and full texts that was most of the report's time.
//
// What it implements is the mustache kainjow implements, minus lambdas, with kainjow's own
// whitespace rule (not the spec's): a line is dropped, newline included, when a section was
// entered on it and it rendered only spaces and tabs. Variables `{{x}}` (escaping
// & < > " ' as kainjow does), `{{{x}}}`, `{{&x}}`, sections `{{#x}}`, inverted `{{^x}}`,
// comments, set-delimiter tags, dotted names, `{{.}}`, and partials `{{> x}}`. tests/report
// renders every report template with both engines and compares the bytes.
//
// Differences from kainjow, none reachable from the report renderers:
//   - partials are looked up among the templates given to Compile, not in the data (kainjow
//     lets a data key of the same name shadow a partial);
//   - partials nested deeper than kMaxPartialDepth stop the render with InvalidInput (kainjow
//     would recurse until the stack overflows).
//
// Thread safety: a CompiledTemplate is immutable once compiled; Render is const and may run
// concurrently. A TemplateData is a plain value: build and read it on one thread at a time.
#ifndef PARALLAX_ENGINE_REPORT_COMPILED_TEMPLATE_H_
#define PARALLAX_ENGINE_REPORT_COMPILED_TEMPLATE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

class TemplateRenderer;  // compiled_template.cc

// Appends `text` to `out` with & < > " ' replaced by &amp; &lt; &gt; &quot; &apos; — the
// escaping of mustache's `{{x}}` (kainjow's html_escape, byte for byte).
void AppendHtmlEscaped(std::string_view text, std::string* out);

// The values a template shows: a tree of objects (string keys), lists, strings and booleans.
// Values are addressed by Ref; the root object is kRoot. Keys and strings are copied into the
// data, so the caller's buffers may go away. Clear() forgets every value but keeps the memory,
// so one TemplateData reused per row costs no allocation once warm.
class TemplateData {
 public:
  using Ref = int32_t;
  static constexpr Ref kRoot = 0;

  TemplateData();

  // Forgets every value but an empty root object.
  void Clear();

  // Sets `key` of `object` (replacing an earlier value of the key, as kainjow's set does).
  void Set(Ref object, std::string_view key, std::string_view text);
  void SetBool(Ref object, std::string_view key, bool value);
  // Sets `key` to a new empty list or object and returns it.
  Ref SetList(Ref object, std::string_view key);
  Ref SetObject(Ref object, std::string_view key);

  // Appends to `list` a new empty object (returned), a string or a boolean.
  Ref AddObject(Ref list);
  void AddString(Ref list, std::string_view text);

  // Returns the value of `key` in `object`, or -1 when the key is not set or `object` is not
  // an object.
  Ref Find(Ref object, std::string_view key) const;

 private:
  friend class TemplateRenderer;
  enum class Kind : uint8_t { kObject, kList, kString, kTrue, kFalse };
  struct Value {
    Kind kind;
    uint32_t key_offset = 0, key_size = 0;  // in chars_; for object fields
    uint32_t offset = 0, size = 0;          // string value in chars_
    Ref first = -1, last = -1;              // children: fields (latest first) or list items
    Ref next = -1;                          // next sibling
  };

  Ref NewField(Ref object, std::string_view key, Kind kind);
  Ref NewItem(Ref list, Kind kind);
  uint32_t Store(std::string_view text);
  std::string_view Key(const Value& v) const { return {chars_.data() + v.key_offset, v.key_size}; }
  std::string_view Text(const Value& v) const { return {chars_.data() + v.offset, v.size}; }

  std::vector<Value> values_;
  std::string chars_;  // every key and string, back to back
};

// A parsed template. Compile once; Render many times.
class CompiledTemplate {
 public:
  static constexpr int kMaxPartialDepth = 64;

  // Parses `text`; `name` only labels errors. `partials` maps a partial's name (as written in
  // `{{> name}}`) to its text; partials are parsed here, once, when referenced. Returns
  // InvalidInput "report template 'NAME': MESSAGE" with kainjow's message (e.g. "Unclosed
  // section \"x\" at 12") for a template — or a referenced partial — kainjow cannot parse.
  static StatusOr<CompiledTemplate> Compile(
      std::string_view name, std::string_view text,
      const std::map<std::string, std::string>& partials = {});

  // Appends the rendering of `data` to `out`. Returns InvalidInput only when partials nest
  // deeper than kMaxPartialDepth; `out` then holds a partial rendering.
  Status Render(const TemplateData& data, std::string* out) const;

  struct Program;  // opaque: the parsed instructions

 private:
  std::string name_;
  std::shared_ptr<const std::vector<Program>> programs_;  // [0] is the template, then partials
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_COMPILED_TEMPLATE_H_
