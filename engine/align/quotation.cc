#include "engine/align/quotation.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>

namespace parallax {
namespace {

// Quotations longer than this are compared on their first words only (bounded work: the
// common-subsequence table is quadratic).
constexpr size_t kMaxQuoteWords = 120;

// The words of `f` inside each quoted stretch, as word indices.
std::vector<std::vector<size_t>> QuotedWords(const SentenceFeatures& f,
                                             std::span<const Span> quotes) {
  std::vector<std::vector<size_t>> out;
  for (const Span& q : quotes) {
    std::vector<size_t> words;
    for (size_t k = 0; k < f.words.size() && words.size() < kMaxQuoteWords; ++k) {
      const Span w = f.words[k].span();
      if (w.start >= q.start && w.end <= q.end) words.push_back(k);
    }
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

bool Counts(const SentenceWord& w) { return !w.is_stop() || w.is_negation(); }

// Longest common subsequence of two quotations by word key: the matched index pairs, in order.
std::vector<std::pair<size_t, size_t>> CommonWords(const SentenceFeatures& a,
                                                   const std::vector<size_t>& x,
                                                   const SentenceFeatures& b,
                                                   const std::vector<size_t>& y) {
  const size_t n = x.size();
  const size_t m = y.size();
  std::vector<uint16_t> table((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint16_t& { return table[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = a.words[x[i]].key() == b.words[y[j]].key()
                     ? static_cast<uint16_t>(at(i + 1, j + 1) + 1)
                     : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (a.words[x[i]].key() == b.words[y[j]].key()) {
      out.emplace_back(i, j);
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

bool HasNegation(const SentenceFeatures& f, const std::vector<size_t>& q, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (f.words[q[i]].is_negation()) return true;
  }
  return false;
}

// The words [from, to) of quotation `q` as one string of letters and digits, each number word
// written as digits: how a house style cannot change it. "F.B.I." (f b i), "FBI"; "tax-filing",
// "tax filing"; "two-in-three", "2 in 3" each give one spelling.
std::string Spelling(const SentenceFeatures& f, const std::vector<size_t>& q, size_t from,
                     size_t to) {
  static constexpr std::pair<std::string_view, std::string_view> kNumbers[] = {
      {"zero", "0"},     {"one", "1"},        {"two", "2"},       {"three", "3"},
      {"four", "4"},     {"five", "5"},       {"six", "6"},       {"seven", "7"},
      {"eight", "8"},    {"nine", "9"},       {"ten", "10"},      {"eleven", "11"},
      {"twelve", "12"},  {"thirteen", "13"},  {"fourteen", "14"}, {"fifteen", "15"},
      {"sixteen", "16"}, {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"},
      {"twenty", "20"}};
  std::string out;
  for (size_t i = from; i < to; ++i) {
    const std::string& norm = f.words[q[i]].norm();
    std::string part;
    auto flush = [&] {
      for (const auto& [word, digits] : kNumbers) {
        if (part == word) part = digits;
      }
      out += part;
      part.clear();
    };
    for (const char c : norm) {
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        part += c;
      } else {
        flush();
      }
    }
    flush();
  }
  return out;
}

// Adds the words [from, to) of quotation `q` that are not matched to the side's difference.
void AddUnmatched(const SentenceFeatures& f, const std::vector<size_t>& q, size_t from, size_t to,
                  std::vector<Span>* spans, std::string* text, bool* content) {
  for (size_t i = from; i < to; ++i) {
    const SentenceWord& w = f.words[q[i]];
    spans->push_back(w.span());
    if (!text->empty()) *text += ' ';
    *text += w.norm();
    *content = *content || Counts(w);
  }
}

}  // namespace

QuoteMatch MatchQuotations(const SentenceFeatures& a, std::span<const Span> a_quotes,
                           const SentenceFeatures& b, std::span<const Span> b_quotes) {
  QuoteMatch best;
  if (a_quotes.empty() || b_quotes.empty()) return best;
  const std::vector<std::vector<size_t>> qa = QuotedWords(a, a_quotes);
  const std::vector<std::vector<size_t>> qb = QuotedWords(b, b_quotes);
  for (const std::vector<size_t>& x : qa) {
    for (const std::vector<size_t>& y : qb) {
      const std::vector<std::pair<size_t, size_t>> common = CommonWords(a, x, b, y);
      if (common.size() < kMinSharedQuoteWords || common.size() <= best.shared_words) continue;
      size_t content = 0;
      for (const auto& [i, j] : common) content += Counts(a.words[x[i]]) ? 1 : 0;
      if (content < kMinSharedQuoteContentWords) continue;
      const double coverage =
          static_cast<double>(common.size()) / static_cast<double>(std::min(x.size(), y.size()));
      if (coverage < kMinQuoteCoverage) continue;
      QuoteMatch match;
      match.shared = true;
      match.shared_words = common.size();
      // Words each side has between two consecutive common words.
      bool a_content = false;
      bool b_content = false;
      for (size_t k = 0; k + 1 < common.size(); ++k) {
        const auto [i0, j0] = common[k];
        const auto [i1, j1] = common[k + 1];
        // Words on one side only are an elision, not a change, unless they negate.
        if ((i1 == i0 + 1 || j1 == j0 + 1) && !HasNegation(a, x, i0 + 1, i1) &&
            !HasNegation(b, y, j0 + 1, j1)) {
          continue;
        }
        // The same words in another house style ("F.B.I." / "FBI", "2 in 3" / "two-in-three").
        if (Spelling(a, x, i0 + 1, i1) == Spelling(b, y, j0 + 1, j1)) continue;
        AddUnmatched(a, x, i0 + 1, i1, &match.a_spans, &match.a_text, &a_content);
        AddUnmatched(b, y, j0 + 1, j1, &match.b_spans, &match.b_text, &b_content);
      }
      match.differs =
          (!match.a_spans.empty() || !match.b_spans.empty()) && (a_content || b_content);
      if (!match.differs) {
        match.a_spans.clear();
        match.b_spans.clear();
        match.a_text.clear();
        match.b_text.clear();
      }
      best = std::move(match);
    }
  }
  return best;
}

}  // namespace parallax
