#include "engine/lexicon/grammar_words.h"

#include <algorithm>

namespace parallax {

bool IsIn(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsVerbModifier(std::string_view w) {
  return IsIn(
      w, {"has",       "have",         "had",        "also",        "further",    "later",
          "then",      "previously",   "repeatedly", "recently",    "reportedly", "publicly",
          "privately", "again",        "once",       "still",       "already",    "just",
          "first",     "initially",    "quickly",    "immediately", "separately", "earlier",
          "would",     "will",         "could",      "may",         "might",      "can",
          "should",    "did",          "does",       "do",          "not",        "never",
          "often",     "frequently",   "openly",     "flatly",      "falsely",    "wrongly",
          "correctly", "rightly",      "angrily",    "proudly",     "bluntly",    "loudly",
          "quietly",   "subsequently", "herself",    "himself",     "themselves", "itself",
          "even",      "clearly",      "apparently", "allegedly",   "possibly",   "probably",
          "perhaps",   "certainly",    "actually",   "really",      "simply",     "only",
          "strongly",  "widely",       "personally", "directly",    "explicitly", "specifically"});
}

bool IsVerbGroupWord(std::string_view w) {
  return IsIn(w, {"has",   "have",     "had",    "also",    "is",         "are",        "was",
                  "were",  "be",       "been",   "would",   "will",       "did",        "does",
                  "do",    "not",      "never",  "had",     "repeatedly", "previously", "later",
                  "first", "publicly", "widely", "further", "again"}) ||
         w.ends_with("n't");
}

bool IsParticle(std::string_view w) {
  return IsIn(w, {"to", "about", "for", "on", "of", "with", "against", "out", "monday", "tuesday",
                  "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"});
}

bool IsParticiple(std::string_view w) {
  return w.ends_with("ed") ||
         IsIn(w, {"known", "shown", "told", "seen", "said", "thought", "heard", "written", "given",
                  "made", "held", "taken", "understood", "drawn", "quoted", "cited", "meant"});
}

bool IsImpression(std::string_view w) {
  return IsBeForm(w) || w.starts_with("seem") || w.starts_with("appear") || w.starts_with("look") ||
         w.starts_with("sound");
}

bool IsBeForm(std::string_view w) {
  return IsIn(w, {"is", "are", "was", "were", "be", "been", "being", "'s"});
}

bool IsClauseWord(std::string_view w) {
  return IsIn(
      w, {"that",    "which",     "who",      "whom",    "whose",  "and",      "or",     "but",
          "when",    "while",     "as",       "because", "if",     "although", "though", "where",
          "after",   "before",    "since",    "so",      "than",   "what",     "how",    "why",
          "whether", "yet",       "nor",      "said",    "says",   "say",      "told",   "also",
          "however", "by",        "during",   "like",    "unless", "until",    "once",   "then",
          "thus",    "therefore", "meanwhile"});
}

bool IsPersonalPronoun(std::string_view w) {
  return IsIn(w, {"he", "she", "they", "i", "we", "you", "it", "one"});
}

bool IsPronounOrRelative(std::string_view w) {
  return IsPersonalPronoun(w) ||
         IsIn(w, {"him", "her", "them", "us", "me", "who", "whom", "which", "that", "this", "these",
                  "those", "his", "its", "their", "our", "my", "your"});
}

bool IsDefiniteOpener(std::string_view w) {
  return IsIn(w, {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                  "my", "your", "both", "each", "all", "either"});
}

bool IsDeterminer(std::string_view w) {
  return IsIn(w, {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several",
                  "other", "two", "three", "both"});
}

bool IsPreposition(std::string_view w) {
  return IsIn(w,
              {"in",      "at",    "on",     "from",     "with",    "despite", "amid",    "for",
               "of",      "over",  "under",  "into",     "through", "about",   "against", "toward",
               "towards", "among", "behind", "whenever", "without", "within",  "upon"});
}

bool IsSourcelessVerb(std::string_view w) {
  return w.starts_with("seem") || w.starts_with("appear") || w == "expected" || w == "known" ||
         IsIn(w, {"look", "looks", "looked", "sound", "sounds", "sounded"});
}

bool IsNamingParticiple(std::string_view w) {
  return IsIn(w, {"called", "named", "dubbed", "nicknamed", "titled", "entitled", "labeled",
                  "labelled", "branded", "deemed", "considered", "known", "described"});
}

bool IsReducedRelativeAdverb(std::string_view w) {
  return IsIn(w, {"now", "so", "widely", "commonly", "formerly", "popularly", "officially",
                  "informally", "derisively", "aptly", "affectionately", "sometimes"});
}

bool IsReportNoun(std::string_view w) {
  return IsIn(w, {"allegations", "accusations", "rumors", "rumours", "speculation", "denials",
                  "complaints", "criticism", "assurances", "concerns", "requests"});
}

bool IsReportNounIfQualified(std::string_view w) {
  return IsIn(w, {"doubts", "fears", "questions", "claims", "reports", "warnings", "demands"});
}

bool IsNounQualifier(std::string_view w) {
  return IsIn(w,
              {"new",        "renewed",    "growing",  "lingering", "serious",  "main",  "fresh",
               "persistent", "widespread", "mounting", "further",   "more",     "many",  "some",
               "any",        "no",         "repeated", "recent",    "numerous", "sharp", "public"});
}

bool IsPossessor(const Token& t) {
  return IsIn(t.norm, {"his", "her", "their", "its", "our", "my", "your"}) ||
         t.norm.ends_with("'s") || t.norm.ends_with("s'");
}

bool IsReducedRelative(const std::vector<Token>& tokens, const std::vector<char>& break_before,
                       int begin, int end) {
  int p = begin;
  while (p + 1 < end && IsReducedRelativeAdverb(tokens[p].norm)) ++p;
  const std::string& w = tokens[p].norm;
  const int n = static_cast<int>(tokens.size());
  if (IsIn(w, {"accused", "suspected", "charged", "convicted"})) {
    // "accused of": the active verb takes its object first ("accused Clinton of").
    return p + 1 < n && !break_before[p + 1] && IsIn(tokens[p + 1].norm, {"of", "with"});
  }
  if (!IsNamingParticiple(w)) return false;
  if (p > begin) return true;
  return begin > 0 && !break_before[begin] && IsReducedRelativeAdverb(tokens[begin - 1].norm);
}

bool HasClauseBreak(std::string_view between) {
  for (size_t i = 0; i < between.size(); ++i) {
    char c = between[i];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '.' ||
        c == '?' || c == '!' || c == '[' || c == ']') {
      return true;
    }
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < between.size() &&
        static_cast<unsigned char>(between[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(between[i + 2]);
      // – — (dashes), “ ” (double quotes), ‘ (opening single quote)
      if (d == 0x93 || d == 0x94 || d == 0x9C || d == 0x9D || d == 0x98) return true;
    }
  }
  return false;
}

bool IsAbbreviationPeriod(std::string_view between, const Token& before) {
  if (between.empty() || between[0] != '.') return false;
  for (size_t i = 1; i < between.size(); ++i) {
    if (between[i] != ' ') return false;
  }
  if (!before.capitalized && !before.all_caps) return false;
  int letters = 0;
  for (char c : before.norm) {
    if (c == '.') continue;
    if (c < 'a' || c > 'z') return false;
    ++letters;
  }
  return letters >= 1 && letters <= 4;
}

}  // namespace parallax
