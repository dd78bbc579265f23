#include "engine/ingest/boilerplate.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "engine/base/utf8.h"
#include "engine/yaml/yaml_tree.h"

namespace parallax {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Trims ASCII white space and no-break spaces (U+00A0) from both ends of a span.
Span Trim(std::string_view text, Span s) {
  while (s.start < s.end) {
    if (IsSpace(text[s.start])) {
      ++s.start;
    } else if (s.end - s.start >= 2 && text.substr(s.start, 2) == "\xC2\xA0") {
      s.start += 2;
    } else {
      break;
    }
  }
  while (s.end > s.start) {
    if (IsSpace(text[s.end - 1])) {
      --s.end;
    } else if (s.end - s.start >= 2 && text.substr(s.end - 2, 2) == "\xC2\xA0") {
      s.end -= 2;
    } else {
      break;
    }
  }
  return s;
}

// The patterns of one list, compiled. `any` holds them all in one RE2::Set for lists where
// only "does any match" matters (one pass over the line instead of one per pattern).
struct PatternList {
  std::vector<std::unique_ptr<RE2>> each;  // file order
  std::unique_ptr<RE2::Set> any;           // only for drop_lines and note_lines
};

RE2::Options PatternOptions() {
  RE2::Options options;           // UTF-8, case-sensitive, leftmost-first, `.` stops at '\n'
  options.set_log_errors(false);  // errors are returned with the pattern's file position
  // Room for the DFA of a Set of patterns with bounded repeats of `.` (".{0,200}" in UTF-8 is
  // a large automaton); memory is only taken as states are built.
  options.set_max_mem(int64_t{64} << 20);
  return options;
}

// Returns a description of the first lookaround or backreference in `pattern`, or "". RE2
// refuses these too, but with "invalid perl operator: (?<" or "invalid escape sequence: \1";
// naming the construct tells a user who wrote ECMAScript or PCRE what to change.
std::string UnsupportedConstruct(std::string_view pattern) {
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size()) break;
      char next = pattern[i + 1];
      if (!in_class && ((next >= '1' && next <= '9') || next == 'k')) {
        return "a backreference (\\" + std::string(1, next) + "...) at offset " + std::to_string(i);
      }
      ++i;  // the escaped character is a literal
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      // A ']' right after '[' or '[^' is a literal member of the class.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
      continue;
    }
    std::string_view rest = pattern.substr(i);
    for (const char* look : {"(?=", "(?!", "(?<=", "(?<!"}) {
      if (rest.substr(0, std::string_view(look).size()) == look) {
        const char* kind = look[2] == '<' ? "a lookbehind" : "a lookahead";
        return std::string(kind) + " (" + look + "...) at offset " + std::to_string(i);
      }
    }
  }
  return "";
}

// Compiles a list of patterns; `with_set` also builds the one-pass Set; `min_groups` is the
// number of capturing groups each pattern must have.
StatusOr<PatternList> CompileList(const YamlNode& node, bool with_set, int min_groups) {
  PatternList list;
  if (node.IsNull()) return list;
  if (!node.IsList()) return node.Error("expected a list of patterns");
  const RE2::Options options = PatternOptions();
  if (with_set) list.any = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const YamlNode& item : node.items) {
    if (!item.IsScalar() || item.scalar.empty()) return item.Error("expected a pattern (a string)");
    const std::string& pattern = item.scalar;
    std::string unsupported = UnsupportedConstruct(pattern);
    if (!unsupported.empty()) {
      return item.Error("bad pattern '" + pattern + "': " + unsupported +
                        "; patterns use RE2 syntax, which has no lookarounds or backreferences "
                        "(see the top of rules/boilerplate.yaml)");
    }
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) return item.Error("bad pattern '" + pattern + "': " + re->error());
    if (re->NumberOfCapturingGroups() < min_groups) {
      return item.Error("bad pattern '" + pattern +
                        "': a byline pattern needs a group (...) that captures the author; "
                        "write (?:...) for groups that should not capture");
    }
    if (with_set) {
      std::string error;
      if (list.any->Add(pattern, &error) < 0) {
        return item.Error("bad pattern '" + pattern + "': " + error);
      }
    }
    list.each.push_back(std::move(re));
  }
  if (with_set && !list.any->Compile()) {
    return node.Error("these patterns together are too large to compile (RE2 out of memory)");
  }
  return list;
}

// Returns true iff a pattern of `list` matches somewhere in `line`.
bool AnyMatch(const PatternList& list, std::string_view line) {
  if (list.each.empty()) return false;
  const re2::StringPiece text(line.data(), line.size());
  if (list.any != nullptr) {
    RE2::Set::ErrorInfo error;
    if (list.any->Match(text, nullptr, &error)) return true;
    if (error.kind == RE2::Set::kNoError) return false;
    // The Set's DFA ran out of memory on this line: ask each pattern (RE2 falls back to its
    // NFA when its own DFA does), so the answer never depends on the memory budget.
  }
  for (const auto& re : list.each) {
    if (re->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) return true;
  }
  return false;
}

bool EndsSentence(std::string_view line) {
  // Final punctuation, looking through closing quotes and brackets.
  size_t i = line.size();
  while (i > 0) {
    unsigned char c = static_cast<unsigned char>(line[i - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --i;
    } else if (i >= 3 && line.substr(i - 3, 2) == "\xE2\x80" &&
               (line[i - 1] == '\x9D' || line[i - 1] == '\x99')) {  // ” ’
      i -= 3;
    } else {
      break;
    }
  }
  if (i == 0) return false;
  char last = line[i - 1];
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',')
    return true;
  return i >= 3 && line.substr(i - 3) == "\xE2\x80\xA6";  // …
}

size_t CountWords(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool StartsUpperOrDigit(std::string_view line) {
  if (line.empty()) return false;
  unsigned char c = static_cast<unsigned char>(line[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// True iff `line` holds a letter or digit: a line of punctuation alone (")", "* * *", "—") is
// no paragraph. Non-ASCII characters count as letters unless they are punctuation or symbols
// of the Latin-1 and General Punctuation blocks.
bool HasWordCharacter(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size()) {
    size_t len = 1;
    char32_t c = DecodeUtf8(line, pos, &len);
    pos += len;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD) continue;
    if (c >= 0x2000 && c <= 0x2BFF) continue;  // punctuation, arrows, symbols
    return true;
  }
  return false;
}

struct Line {
  Span span;  // trimmed
  bool blank_before = false;
};

}  // namespace

class BoilerplateRules::Patterns {
 public:
  PatternList drop_lines;
  PatternList strip_prefixes;
  PatternList note_lines;
  PatternList bylines;
};

BoilerplateRules::BoilerplateRules() : patterns_(std::make_shared<const Patterns>()) {}

StatusOr<BoilerplateRules> BoilerplateRules::Load(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path));
  BoilerplateRules rules;
  if (root.IsNull()) return rules;
  if (!root.IsMap()) return root.Error("expected a map of rule lists");
  auto patterns = std::make_shared<Patterns>();
  for (const auto& [key, value] : root.entries) {
    if (key == "drop_lines") {
      PARALLAX_ASSIGN_OR_RETURN(patterns->drop_lines, CompileList(value, true, 0));
    } else if (key == "strip_prefixes") {
      PARALLAX_ASSIGN_OR_RETURN(patterns->strip_prefixes, CompileList(value, false, 0));
    } else if (key == "note_lines") {
      PARALLAX_ASSIGN_OR_RETURN(patterns->note_lines, CompileList(value, true, 0));
    } else if (key == "bylines") {
      PARALLAX_ASSIGN_OR_RETURN(patterns->bylines, CompileList(value, false, 1));
    } else if (key == "max_boilerplate_line" || key == "max_heading_bytes" ||
               key == "max_heading_words") {
      PARALLAX_ASSIGN_OR_RETURN(double v, value.AsDouble());
      if (v < 1 || v > 100000) return value.Error(key + " must be between 1 and 100000");
      size_t n = static_cast<size_t>(v);
      if (key == "max_boilerplate_line") rules.max_boilerplate_line = n;
      if (key == "max_heading_bytes") rules.max_heading_bytes = n;
      if (key == "max_heading_words") rules.max_heading_words = n;
    } else {
      return value.Error("unknown key '" + key +
                         "' (expected drop_lines, strip_prefixes, note_lines, bylines, "
                         "max_boilerplate_line, max_heading_bytes, max_heading_words)");
    }
  }
  rules.patterns_ = std::move(patterns);
  return rules;
}

bool BoilerplateRules::DropsLine(std::string_view line) const {
  return AnyMatch(patterns_->drop_lines, line);
}

bool BoilerplateRules::IsNoteLine(std::string_view line) const {
  return AnyMatch(patterns_->note_lines, line);
}

bool BoilerplateRules::MatchByline(std::string_view line, std::string* author) const {
  const re2::StringPiece text(line.data(), line.size());
  for (const auto& re : patterns_->bylines.each) {
    re2::StringPiece groups[2];
    // A group that takes no part in the match has a null data pointer; such a match names no
    // author and is no byline.
    if (re->Match(text, 0, text.size(), RE2::UNANCHORED, groups, 2) &&
        groups[1].data() != nullptr) {
      author->assign(groups[1].data(), groups[1].size());
      return true;
    }
  }
  return false;
}

bool BoilerplateRules::MatchPrefix(std::string_view line, size_t* length) const {
  const re2::StringPiece text(line.data(), line.size());
  for (const auto& re : patterns_->strip_prefixes.each) {
    re2::StringPiece match;
    if (re->Match(text, 0, text.size(), RE2::ANCHOR_START, &match, 1)) {
      *length = match.size();
      return true;
    }
  }
  return false;
}

std::vector<Paragraph> SplitIntoLines(std::string_view text, size_t body_start) {
  std::vector<Line> lines;
  bool blank = true;
  size_t pos = std::min(body_start, text.size());
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Span s = Trim(text, Span{pos, nl});
    if (s.empty()) {
      blank = true;
    } else {
      lines.push_back({s, blank});
      blank = false;
    }
    pos = nl + 1;
  }

  // Hard-wrapped text (e-mail or Project Gutenberg style): lines of moderate length inside
  // blank-line separated blocks. Each block becomes one paragraph.
  size_t blocks = 0;
  size_t continuation_lines = 0;
  size_t max_len = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank_before) ++blocks;
    if (!lines[i].blank_before && i > 0) ++continuation_lines;
    max_len = std::max(max_len, lines[i].span.size());
  }
  bool hard_wrapped = blocks >= 2 && continuation_lines * 2 >= lines.size() && max_len <= 100;
  std::vector<Paragraph> out;
  for (const Line& l : lines) {
    if (hard_wrapped && !l.blank_before && !out.empty()) {
      out.back().span.end = l.span.end;
    } else {
      out.push_back({l.span, false});
    }
  }
  return out;
}

void FilterBoilerplate(const BoilerplateRules& rules, const std::vector<Paragraph>& candidates,
                       Article* article) {
  const std::string_view text = article->text;
  std::string title = article->title;
  std::vector<std::string_view> headings_seen;
  std::vector<Paragraph> paragraphs;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Span span = candidates[i].span;
    std::string_view line = span.Of(text);
    if (line.size() <= rules.max_boilerplate_line) {
      if (rules.DropsLine(line)) continue;
      if (rules.IsNoteLine(line)) {
        article->notes.emplace_back(line);
        continue;
      }
      std::string author;
      if (rules.MatchByline(line, &author)) {
        if (article->author.empty()) article->author = std::move(author);
        article->notes.emplace_back(line);
        continue;
      }
    }
    // Prefixes glued to the text ("More ShortsIt may be recalled ...").
    std::string_view head = line.substr(0, std::min(line.size(), rules.max_boilerplate_line));
    if (size_t strip = 0; rules.MatchPrefix(head, &strip)) {
      span.start += strip;
      span = Trim(text, span);
    }
    if (span.empty() || !HasWordCharacter(span.Of(text))) continue;  // ")", "* * *", "—"
    line = span.Of(text);
    // A line repeating the title is page furniture; the first title-like line of a file that
    // has no title yet becomes the title.
    if (!title.empty() && line == title) continue;
    bool heading_like = candidates[i].heading || (line.size() <= rules.max_heading_bytes &&
                                                  CountWords(line) <= rules.max_heading_words &&
                                                  !EndsSentence(line) && StartsUpperOrDigit(line));
    if (heading_like) {
      // A heading repeated word for word (a title printed twice) is kept once.
      if (std::find(headings_seen.begin(), headings_seen.end(), line) != headings_seen.end())
        continue;
      headings_seen.push_back(line);
    }
    if (title.empty() && paragraphs.empty() && heading_like && i + 1 < candidates.size()) {
      title = std::string(line);
      article->title = title;
      continue;
    }
    paragraphs.push_back({span, heading_like && i + 1 < candidates.size()});
  }
  article->paragraphs = std::move(paragraphs);
}

}  // namespace parallax
