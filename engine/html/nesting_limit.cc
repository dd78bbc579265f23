#include "engine/html/nesting_limit.h"

#include <algorithm>
#include <array>

namespace parallax {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

template <size_t N>
bool In(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never have content.
constexpr std::array<std::string_view, 18> kVoid = {
    "area",  "base", "basefont", "bgsound", "br",   "col",  "embed", "frame",  "hr",
    "image", "img",  "input",    "keygen",  "link", "meta", "param", "source", "track"};
// Elements gumbo closes when a sibling opens, or that are structure gumbo creates once; counting
// them would make `<p>a<p>b` look nested.
constexpr std::array<std::string_view, 20> kUncounted = {
    "p",     "li",    "dt",       "dd",      "option", "optgroup", "tr",  "td", "th",   "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb",     "rt",       "rtc", "rp", "html", "head"};
// Elements whose content is text up to their end tag.
constexpr std::array<std::string_view, 9> kRawText = {
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"};
// Start tags that end SVG/MathML content (HTML's "breakout" list, less font's attribute test).
constexpr std::array<std::string_view, 45> kBreakout = {
    "b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
    "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
    "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
    "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
    "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var",  "font"};
// Elements inside SVG/MathML whose content is parsed as HTML again.
constexpr std::array<std::string_view, 8> kIntegrationPoint = {
    "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext"};

// Finds the end of the raw text of element `name` whose content starts at `pos`: the position of
// "</name" followed by a delimiter, or npos.
size_t FindRawTextEnd(std::string_view html, size_t pos, std::string_view name) {
  while (true) {
    pos = html.find("</", pos);
    if (pos == std::string_view::npos) return pos;
    size_t k = pos + 2;
    size_t i = 0;
    while (i < name.size() && k + i < html.size() && ToLower(html[k + i]) == name[i]) ++i;
    if (i == name.size() && (k + i == html.size() || IsHtmlSpace(html[k + i]) ||
                             html[k + i] == '/' || html[k + i] == '>')) {
      return pos;
    }
    pos += 2;
  }
}

// A tag read by ReadTag.
struct Tag {
  std::string name;  // lower-cased; at most kMaxName bytes are kept (longer names match nothing)
  bool end_tag = false;
  bool self_closing = false;
  size_t end = 0;  // one past the closing '>', or npos when the page ends inside the tag
};

constexpr size_t kMaxName = 16;

// Reads the tag whose '<' is at `pos` (html[pos + 1] is a letter, or '/' and a letter).
Tag ReadTag(std::string_view html, size_t pos) {
  Tag tag;
  size_t i = pos + 1;
  if (html[i] == '/') {
    tag.end_tag = true;
    ++i;
  }
  while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>') {
    if (tag.name.size() <= kMaxName) tag.name.push_back(ToLower(html[i]));
    ++i;
  }
  // Attributes: a quoted value may hold '>'; '/' just before '>' makes the tag self-closing.
  while (i < html.size()) {
    char c = html[i];
    if (c == '>') {
      tag.end = i + 1;
      return tag;
    }
    if (c == '/') {
      tag.self_closing = i + 1 < html.size() && html[i + 1] == '>';
      ++i;
      continue;
    }
    if (c == '=') {
      ++i;
      while (i < html.size() && IsHtmlSpace(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        size_t close = html.find(html[i], i + 1);
        if (close == std::string_view::npos) break;
        i = close + 1;
      }
      continue;
    }
    ++i;
  }
  tag.end = std::string_view::npos;
  return tag;
}

}  // namespace

size_t LimitNesting(std::string_view html, int max_depth, std::string* flattened) {
  flattened->clear();
  size_t dropped = 0;
  size_t copied = 0;  // html[0, copied) has been decided: copied to *flattened or dropped
  auto drop = [&](size_t start, size_t end) {
    if (dropped == 0) flattened->reserve(html.size());
    flattened->append(html.substr(copied, start - copied));
    copied = end;
    ++dropped;
  };
  int depth = 0;
  int foreign = 0;      // open <svg>/<math> elements
  int integration = 0;  // open integration points inside them
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (pos + 1 >= html.size()) break;
    char next = html[pos + 1];
    if (next == '!' || next == '?') {  // comment, doctype, CDATA or processing instruction
      bool comment = html.compare(pos, 4, "<!--") == 0;
      size_t close = comment ? html.find("-->", pos + 2) : html.find('>', pos);
      if (close == std::string_view::npos) break;
      pos = close + (comment ? 3 : 1);
      continue;
    }
    bool end_tag = next == '/';
    if (!IsAsciiAlpha(end_tag ? (pos + 2 < html.size() ? html[pos + 2] : ' ') : next)) {
      ++pos;  // a '<' that starts no tag is text
      continue;
    }
    Tag tag = ReadTag(html, pos);
    if (tag.end == std::string_view::npos) break;
    const std::string& name = tag.name;
    size_t start = pos;
    pos = tag.end;
    if (In(kRawText, name)) {
      if (end_tag) continue;
      if (name == "plaintext") break;
      pos = FindRawTextEnd(html, pos, name);
      if (pos == std::string_view::npos) break;
      continue;
    }
    if (!end_tag && foreign > 0 && integration == 0 && In(kBreakout, name)) {
      foreign = integration = 0;
    }
    if (In(kVoid, name) || In(kUncounted, name) || name == "body") continue;
    if (end_tag) {
      if (depth > max_depth) {
        drop(start, tag.end);
      } else {
        if (name == "svg" || name == "math") foreign = std::max(0, foreign - 1);
        if (foreign > 0 && In(kIntegrationPoint, name)) integration = std::max(0, integration - 1);
      }
      depth = std::max(0, depth - 1);
      continue;
    }
    if (tag.self_closing && foreign > 0 && integration == 0) continue;
    if (depth >= max_depth) {
      drop(start, tag.end);
    } else {
      if (name == "svg" || name == "math") ++foreign;
      if (foreign > 0 && In(kIntegrationPoint, name)) ++integration;
    }
    ++depth;
  }
  if (dropped > 0) flattened->append(html.substr(copied));
  return dropped;
}

}  // namespace parallax
