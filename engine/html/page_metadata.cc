#include "engine/html/page_metadata.h"

#include <climits>
#include <string>
#include <string_view>

#include "engine/base/utf8.h"
#include "engine/html/collapse_space.h"

namespace parallax {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Collapse(std::string_view raw) {
  CollapsedText t;
  t.Append(raw);
  return t.text;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

bool IsUrl(std::string_view s) {
  return StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://") ||
         StartsWithNoCase(s, "//");
}

// "By Sara Ahmed" → "Sara Ahmed".
std::string StripBy(std::string s) {
  if (StartsWithNoCase(s, "by ")) s.erase(0, 3);
  return s;
}

// A metadata field with the rank (lower is better) of the source its value came from.
struct Field {
  std::string value;
  int rank = INT_MAX;

  void Offer(int r, std::string_view raw) {
    if (r >= rank) return;
    std::string v = Collapse(raw);
    if (v.empty()) return;
    value = std::move(v);
    rank = r;
  }
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the four hex digits at json[i]; returns -1 if they are not.
int ReadHex4(std::string_view json, size_t i) {
  if (i + 4 > json.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    int h = HexValue(json[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// Reads the JSON string whose opening quote is at json[i]; returns false if it is unterminated.
bool ReadJsonString(std::string_view json, size_t i, std::string* out) {
  out->clear();
  for (++i; i < json.size(); ++i) {
    char c = json[i];
    if (c == '"') return true;
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (++i >= json.size()) return false;
    switch (json[i]) {
      case 'n':
      case 'r':
      case 't':
      case 'f':
      case 'b':
        out->push_back(' ');
        break;
      case 'u': {
        int cp = ReadHex4(json, i + 1);
        if (cp < 0) return false;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && json.compare(i + 1, 2, "\\u") == 0) {
          int low = ReadHex4(json, i + 3);
          if (low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
        AppendUtf8(static_cast<char32_t>(cp), out);
        break;
      }
      default:
        out->push_back(json[i]);  // \" \\ \/
    }
  }
  return false;
}

size_t SkipSpace(std::string_view json, size_t i) {
  while (i < json.size() &&
         (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
    ++i;
  }
  return i;
}

// Finds `"key":` at or after `from`; returns the position of its value, or npos.
size_t FindJsonKey(std::string_view json, std::string_view key, size_t from) {
  std::string quoted = "\"" + std::string(key) + "\"";
  while ((from = json.find(quoted, from)) != std::string_view::npos) {
    size_t i = SkipSpace(json, from + quoted.size());
    if (i < json.size() && json[i] == ':') return SkipSpace(json, i + 1);
    from += quoted.size();
  }
  return std::string_view::npos;
}

// The string value of the first `"key": "..."`, or "".
std::string JsonString(std::string_view json, std::string_view key) {
  std::string value;
  for (size_t at = FindJsonKey(json, key, 0); at != std::string_view::npos;
       at = FindJsonKey(json, key, at)) {
    if (json[at] == '"' && ReadJsonString(json, at, &value)) return value;
  }
  return "";
}

// The name of the first `"key"`: a string value, or the "name" of an object (or of the first
// object of an array) within a few hundred bytes.
std::string JsonName(std::string_view json, std::string_view key) {
  std::string value;
  size_t at = FindJsonKey(json, key, 0);
  if (at == std::string_view::npos) return "";
  if (json[at] == '"') return ReadJsonString(json, at, &value) ? value : "";
  size_t name = FindJsonKey(json, "name", at);
  if (name == std::string_view::npos || name - at > 400 || json[name] != '"') return "";
  return ReadJsonString(json, name, &value) ? value : "";
}

bool IsInside(const std::vector<int>& roots, const PageTree& tree, int i) {
  for (int r : roots) {
    if (r <= i && i < tree[r].end) return true;
  }
  return false;
}

}  // namespace

void ReadPageMetadata(const PageTree& tree, const std::vector<int>& roots, HtmlArticle* article) {
  Field title, author, date, url, site;
  std::string page_title;
  for (int i = 0; i < tree.size(); ++i) {
    const PageNode& n = tree[i];
    if (n.is_text) continue;
    if (n.node->type == GUMBO_NODE_ELEMENT &&
        n.node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) {
      continue;  // an SVG <title> names a picture
    }
    std::string_view itemprop = tree.Attribute(i, "itemprop");
    std::string_view content = tree.Attribute(i, "content");
    switch (n.tag) {
      case GUMBO_TAG_TITLE:
        if (page_title.empty()) page_title = tree.Text(i, true);
        break;
      case GUMBO_TAG_META: {
        std::string key = Lower(tree.Attribute(i, "property"));
        if (key.empty()) key = Lower(tree.Attribute(i, "name"));
        if (key == "og:title") title.Offer(0, content);
        if (key == "twitter:title") title.Offer(1, content);
        if (key == "author" && !IsUrl(content)) author.Offer(0, content);
        if (key == "article:author" && !IsUrl(content)) author.Offer(1, content);
        if (key == "parsely-author" || key == "sailthru.author") author.Offer(2, content);
        if (key == "byl") author.Offer(3, StripBy(std::string(content)));
        if (key == "dc.creator" || key == "dcterms.creator") author.Offer(4, content);
        if (key == "article:published_time") date.Offer(0, content);
        if (key == "og:published_time" || key == "article:published") date.Offer(1, content);
        if (key == "pubdate" || key == "publishdate" || key == "publish-date" ||
            key == "publication_date" || key == "date" || key == "dc.date.issued" ||
            key == "dcterms.issued" || key == "dc.date" || key == "sailthru.date" ||
            key == "parsely-pub-date") {
          date.Offer(3, content);
        }
        if (key == "og:url") url.Offer(0, content);
        if (key == "og:site_name") site.Offer(0, content);
        if (key == "application-name") site.Offer(1, content);
        break;
      }
      case GUMBO_TAG_LINK: {
        std::string rel = Lower(tree.Attribute(i, "rel"));
        if (rel == "canonical") url.Offer(1, tree.Attribute(i, "href"));
        break;
      }
      case GUMBO_TAG_A:
        if (Lower(tree.Attribute(i, "rel")) == "author")
          author.Offer(11, StripBy(tree.Text(i, true)));
        break;
      case GUMBO_TAG_TIME: {
        std::string_view when = tree.Attribute(i, "datetime");
        date.Offer(IsInside(roots, tree, i) ? 5 : (n.removed ? 7 : 6), when);
        break;
      }
      case GUMBO_TAG_SCRIPT:
        if (Lower(tree.Attribute(i, "type")) == "application/ld+json" && i + 1 < n.end &&
            tree[i + 1].is_text) {
          std::string_view json = tree[i + 1].node->v.text.text;
          date.Offer(4, JsonString(json, "datePublished"));
          author.Offer(9, StripBy(JsonName(json, "author")));
          site.Offer(2, JsonName(json, "publisher"));
        }
        break;
      default:
        break;
    }
    if (itemprop == "author") {
      std::string name = content.empty() ? StripBy(tree.Text(i, true)) : std::string(content);
      if (!IsUrl(name)) author.Offer(10, name);
    }
    if (itemprop == "datePublished") {
      std::string when(content.empty() ? tree.Attribute(i, "datetime") : content);
      date.Offer(2, when.empty() ? tree.Text(i, true) : when);
    }
  }
  if (title.value.empty() && !page_title.empty()) {
    // "<headline> | <site>": keep the headline when the suffix is the site's name.
    std::string headline = page_title;
    for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00bb "}) {
      size_t at = page_title.rfind(sep);
      if (at != std::string::npos && at > 0 && !site.value.empty() &&
          Lower(page_title.substr(at + sep.size())) == Lower(site.value)) {
        headline = page_title.substr(0, at);
        break;
      }
    }
    title.Offer(2, headline);
  }
  article->title = title.value;
  article->author = author.value;
  article->date = date.value;
  article->url = url.value;
  article->site_name = site.value;
}

}  // namespace parallax
