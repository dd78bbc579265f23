#include "engine/ingest/boilerplate.h"

#include <algorithm>
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

StatusOr<std::vector<BoilerplateRules::Rule>> LoadRules(const YamlNode& node) {
  std::vector<BoilerplateRules::Rule> rules;
  if (node.IsNull()) return rules;
  if (!node.IsList()) return node.Error("expected a list of patterns");
  for (const YamlNode& item : node.items) {
    if (!item.IsScalar() || item.scalar.empty()) return item.Error("expected a pattern (a string)");
    try {
      rules.push_back(
          {item.scalar, std::regex(item.scalar, std::regex::ECMAScript | std::regex::optimize)});
    } catch (const std::regex_error& e) {
      return item.Error("bad pattern '" + item.scalar + "': " + e.what());
    }
  }
  return rules;
}

bool AnyMatch(const std::vector<BoilerplateRules::Rule>& rules, std::string_view line) {
  for (const auto& rule : rules) {
    if (std::regex_search(line.begin(), line.end(), rule.regex)) return true;
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

StatusOr<BoilerplateRules> BoilerplateRules::Load(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path));
  BoilerplateRules rules;
  if (root.IsNull()) return rules;
  if (!root.IsMap()) return root.Error("expected a map of rule lists");
  for (const auto& [key, value] : root.entries) {
    if (key == "drop_lines") {
      PARALLAX_ASSIGN_OR_RETURN(rules.drop_lines, LoadRules(value));
    } else if (key == "strip_prefixes") {
      PARALLAX_ASSIGN_OR_RETURN(rules.strip_prefixes, LoadRules(value));
    } else if (key == "note_lines") {
      PARALLAX_ASSIGN_OR_RETURN(rules.note_lines, LoadRules(value));
    } else if (key == "bylines") {
      PARALLAX_ASSIGN_OR_RETURN(rules.bylines, LoadRules(value));
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
  return rules;
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
      if (AnyMatch(rules.drop_lines, line)) continue;
      if (AnyMatch(rules.note_lines, line)) {
        article->notes.emplace_back(line);
        continue;
      }
      bool is_byline = false;
      for (const auto& rule : rules.bylines) {
        std::match_results<std::string_view::const_iterator> m;
        if (std::regex_search(line.begin(), line.end(), m, rule.regex) && m.size() > 1 &&
            m[1].matched) {
          if (article->author.empty()) article->author = m[1].str();
          article->notes.emplace_back(line);
          is_byline = true;
          break;
        }
      }
      if (is_byline) continue;
    }
    // Prefixes glued to the text ("More ShortsIt may be recalled ...").
    std::string_view head = line.substr(0, std::min(line.size(), rules.max_boilerplate_line));
    for (const auto& rule : rules.strip_prefixes) {
      std::match_results<std::string_view::const_iterator> m;
      if (std::regex_search(head.begin(), head.end(), m, rule.regex,
                            std::regex_constants::match_continuous)) {
        span.start += static_cast<size_t>(m.length(0));
        span = Trim(text, span);
        break;
      }
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
