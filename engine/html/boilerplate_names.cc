#include "engine/html/boilerplate_names.h"

#include <array>
#include <string>

namespace parallax {
namespace {

// A word naming furniture starts with one of these.
constexpr std::array<std::string_view, 48> kFurniturePrefixes = {
    "menu",     "navbar",   "navigation", "breadcrumb", "share",    "sharing",  "social",
    "comment",  "disqus",   "related",    "recommend",  "trending", "popular",  "newsletter",
    "subscri",  "signup",   "cookie",     "consent",    "gdpr",     "advert",   "sponsor",
    "promo",    "outbrain", "taboola",    "sidebar",    "widget",   "popup",    "modal",
    "banner",   "masthead", "byline",     "pagination", "pager",    "search",   "toolbar",
    "readmore", "alsoread", "tagcloud",   "taglist",    "follow",   "whatsapp", "facebook",
    "caption",  "credit",   "timestamp",  "teaser",     "linklist", "dateline"};
// Words that name furniture only when whole.
constexpr std::array<std::string_view, 12> kFurnitureWords = {"ad",     "ads",   "nav",   "header",
                                                              "footer", "foot",  "tags",  "meta",
                                                              "login",  "extra", "print", "rss"};
// Words that start like furniture but are not.
constexpr std::array<std::string_view, 5> kNotFurniture = {"commentary", "shareholder",
                                                           "popularity", "searchable", "followup"};
// Furniture named by several words, found anywhere in the lower-cased attribute.
constexpr std::array<std::string_view, 13> kFurniturePhrases = {
    "sr-only",      "screen-reader", "visually-hidden", "read-more", "also-read",
    "author-bio",   "skip-link",     "tag-links",       "cat-links", "more-stories",
    "you-may-like", "most-read",     "further-reading"};
// Class names WordPress derives from a post's taxonomy and state ("tag-social-media",
// "category-world"); their words say nothing about the element.
constexpr std::array<std::string_view, 6> kTaxonomyClassPrefixes = {
    "tag-", "category-", "type-", "status-", "format-", "postid-"};
constexpr std::array<std::string_view, 8> kContentWords = {"article", "content", "body", "main",
                                                           "story",   "entry",   "post", "text"};
constexpr std::array<std::string_view, 10> kFurnitureRoles = {
    "navigation", "banner", "complementary", "contentinfo", "menu",
    "menubar",    "search", "dialog",        "alert",       "alertdialog"};

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Calls `f` on each lower-cased word of `attr` until it returns true; returns whether one did.
template <typename F>
bool AnyWord(std::string_view attr, F f) {
  std::string word;
  for (size_t i = 0; i <= attr.size(); ++i) {
    if (i < attr.size() && IsWordByte(attr[i])) {
      char c = attr[i];
      word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    if (!word.empty() && f(std::string_view(word))) return true;
    word.clear();
  }
  return false;
}

template <size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

bool IsFurnitureWord(std::string_view word) {
  if (Contains(kFurnitureWords, word)) return true;
  for (std::string_view exception : kNotFurniture) {
    if (word.substr(0, exception.size()) == exception) return false;
  }
  for (std::string_view prefix : kFurniturePrefixes) {
    if (word.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

// Returns `attr` lower-cased, without the class names that are taxonomy labels.
std::string Normalize(std::string_view attr) {
  std::string out;
  size_t i = 0;
  while (i < attr.size()) {
    size_t end = attr.find_first_of(" \t\n\r\f", i);
    if (end == std::string_view::npos) end = attr.size();
    std::string name;
    for (char c : attr.substr(i, end - i)) {
      name.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    bool taxonomy = false;
    for (std::string_view prefix : kTaxonomyClassPrefixes) {
      taxonomy = taxonomy || std::string_view(name).substr(0, prefix.size()) == prefix;
    }
    if (!name.empty() && !taxonomy) {
      out += name;
      out += ' ';
    }
    i = end + 1;
  }
  return out;
}

bool NamesFurniture(std::string_view attr) {
  std::string normal = Normalize(attr);
  // An embedded post the article quotes ("social-media-embed" around a tweet) is its content.
  if (AnyWord(normal, [](std::string_view w) { return w.substr(0, 5) == "embed"; })) return false;
  for (std::string_view phrase : kFurniturePhrases) {
    if (normal.find(phrase) != std::string::npos) return true;
  }
  return AnyWord(normal, IsFurnitureWord);
}

}  // namespace

bool NamesBoilerplate(std::string_view class_attr, std::string_view id_attr,
                      std::string_view role_attr) {
  if (AnyWord(role_attr, [](std::string_view w) { return Contains(kFurnitureRoles, w); })) {
    return true;
  }
  return NamesFurniture(class_attr) || NamesFurniture(id_attr);
}

bool NamesComments(std::string_view class_attr, std::string_view id_attr) {
  auto is_comments = [](std::string_view w) {
    if (w.substr(0, 10) == "commentary") return false;
    return w.substr(0, 7) == "comment" || w.substr(0, 6) == "disqus" || w == "respond" ||
           w == "replies";
  };
  return AnyWord(Normalize(class_attr), is_comments) || AnyWord(Normalize(id_attr), is_comments);
}

bool NamesContent(std::string_view class_attr, std::string_view id_attr) {
  auto is_content = [](std::string_view w) { return Contains(kContentWords, w); };
  return AnyWord(class_attr, is_content) || AnyWord(id_attr, is_content);
}

}  // namespace parallax
