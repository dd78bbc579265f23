#include "engine/align/word_classes.h"

#include <charconv>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parallax {

bool IsStopWord(std::string_view norm) {
  static const auto* words = new std::unordered_set<std::string_view>{
      "a",     "an",     "the",   "and",   "or",     "but",   "if",    "of",    "to",    "in",
      "on",    "at",     "by",    "for",   "with",   "from",  "as",    "into",  "about", "over",
      "after", "before", "than",  "then",  "so",     "that",  "this",  "these", "those", "there",
      "here",  "it",     "its",   "it's",  "he",     "she",   "they",  "we",    "you",   "i",
      "him",   "her",    "them",  "us",    "me",     "his",   "their", "our",   "your",  "my",
      "who",   "whom",   "which", "what",  "when",   "where", "while", "is",    "are",   "was",
      "were",  "be",     "been",  "being", "am",     "has",   "have",  "had",   "do",    "does",
      "did",   "will",   "would", "shall", "should", "can",   "could", "may",   "might", "must",
      "also",  "just",   "very",  "too",   "s",      "up",    "out",   "off",   "all",   "any",
      "some",  "such",   "each",  "both",  "other",  "more",  "most",  "said",  "says",  "say"};
  return words->count(norm) > 0;
}

std::optional<double> ParseNumber(std::string_view norm) {
  std::string digits;
  size_t i = 0;
  for (; i < norm.size(); ++i) {
    char c = norm[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '.') {
      digits += c;
    } else if (c == ',') {
      continue;
    } else {
      break;
    }
  }
  std::string_view rest = norm.substr(i);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") {
    return std::nullopt;
  }
  if (digits.empty() || digits.back() == '.') return std::nullopt;
  double value = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<double> NumberWordValue(std::string_view norm) {
  static const auto* words = new std::unordered_map<std::string_view, double>{
      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},
      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},     {"eleven", 11},
      {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
      {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
      {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70}, {"eighty", 80},
      {"ninety", 90},    {"hundred", 100}, {"dozen", 12},    {"zero", 0}};
  auto it = words->find(norm);
  if (it == words->end()) return std::nullopt;
  return it->second;
}

std::optional<double> MultiplierValue(std::string_view norm) {
  static const auto* words = new std::unordered_map<std::string_view, double>{
      {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"millions", 1e6}, {"m", 1e6},
      {"mln", 1e6},     {"billion", 1e9},  {"bn", 1e9},      {"trillion", 1e12}};
  auto it = words->find(norm);
  if (it == words->end()) return std::nullopt;
  return it->second;
}

std::optional<DateRef::Kind> DateWordKind(std::string_view norm, bool capitalized) {
  static const auto* months = new std::unordered_set<std::string_view>{
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  static const auto* weekdays = new std::unordered_set<std::string_view>{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static const auto* relative =
      new std::unordered_set<std::string_view>{"yesterday", "today", "tomorrow", "tonight"};
  if (capitalized && months->count(norm)) return DateRef::Kind::kMonth;
  if (weekdays->count(norm)) return DateRef::Kind::kWeekday;
  if (relative->count(norm)) return DateRef::Kind::kRelativeDay;
  return std::nullopt;
}

}  // namespace parallax
