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

// Longest common subsequence of two quotations by word key, of the longest ones the one with
// the fewest breaks (a break: consecutive matches not adjacent on both sides), so that a stray
// early match ("details of *the* conversation, but the lines ..." / "the lines ...") does not
// open a gap: the matched index pairs, in order.
std::vector<std::pair<size_t, size_t>> CommonWords(const SentenceFeatures& a,
                                                   const std::vector<size_t>& x,
                                                   const SentenceFeatures& b,
                                                   const std::vector<size_t>& y) {
  // Suffix tables, as (matches << 16) - breaks so one comparison orders (more matches, fewer
  // breaks). starts(i, j): the best for x[i..], y[j..] whose first match is (i, j) (-1 when the
  // words differ); best(i, j): the best for x[i..], y[j..].
  const size_t n = x.size();
  const size_t m = y.size();
  constexpr int32_t kMatch = 1 << 16;
  std::vector<int32_t> starts((n + 1) * (m + 1), -1);
  std::vector<int32_t> best((n + 1) * (m + 1), 0);
  auto at = [m](std::vector<int32_t>& t, size_t i, size_t j) -> int32_t& {
    return t[i * (m + 1) + j];
  };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      if (a.words[x[i]].key() == b.words[y[j]].key()) {
        int32_t value = kMatch;
        const int32_t next = at(starts, i + 1, j + 1);
        if (next >= 0) value = std::max(value, kMatch + next);
        const int32_t later = at(best, i + 1, j + 1);
        if (later > 0) value = std::max(value, kMatch + later - 1);
        at(starts, i, j) = value;
      }
      at(best, i, j) = std::max({at(starts, i, j), at(best, i + 1, j), at(best, i, j + 1)});
    }
  }
  // Walk the best: find the first match of the best suffix, then continue from it.
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  size_t j = 0;
  int32_t want = n && m ? at(best, 0, 0) : 0;
  while (want > 0 && i < n && j < m) {
    if (at(starts, i, j) == want) {
      out.emplace_back(i, j);
      const int32_t rest = want - kMatch;
      ++i;
      ++j;
      if (rest == 0) break;
      if (i < n && j < m && at(starts, i, j) == rest) {
        want = rest;  // adjacent match
      } else {
        want = rest + 1;  // after a break
      }
    } else if (at(best, i + 1, j) == want) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

// `common` without a run of function words at either end that a break without a negation
// separates from the rest ("*the* meeting, but lines of communication ..." / "the lines of
// communication ...": one side lacks "the" before "lines", and the "the" found earlier is no
// part of the quotation; but "I attended" / "I did not attend" keep their "I").
std::vector<std::pair<size_t, size_t>> TrimmedOfStrayFunctionWords(
    const SentenceFeatures& a, const std::vector<size_t>& x, const SentenceFeatures& b,
    const std::vector<size_t>& y, std::vector<std::pair<size_t, size_t>> common) {
  auto adjacent = [&](size_t k) {  // common[k] and common[k + 1]
    return common[k + 1].first == common[k].first + 1 &&
           common[k + 1].second == common[k].second + 1;
  };
  auto negation_between = [&](size_t k) {  // in the break after common[k]
    for (size_t i = common[k].first + 1; i < common[k + 1].first; ++i) {
      if (a.words[x[i]].is_negation()) return true;
    }
    for (size_t j = common[k].second + 1; j < common[k + 1].second; ++j) {
      if (b.words[y[j]].is_negation()) return true;
    }
    return false;
  };
  auto function_words = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      if (Counts(a.words[x[common[k].first]])) return false;
    }
    return true;
  };
  size_t first_run_end = 1;  // the first run is common[0, first_run_end)
  while (first_run_end < common.size() && adjacent(first_run_end - 1)) ++first_run_end;
  if (first_run_end < common.size() && function_words(0, first_run_end) &&
      !negation_between(first_run_end - 1)) {
    common.erase(common.begin(), common.begin() + static_cast<ptrdiff_t>(first_run_end));
  }
  if (common.size() < 2) return common;
  size_t last_run_start = common.size() - 1;  // the last run is common[last_run_start, end)
  while (last_run_start > 0 && adjacent(last_run_start - 1)) --last_run_start;
  if (last_run_start > 0 && function_words(last_run_start, common.size()) &&
      !negation_between(last_run_start - 1)) {
    common.resize(last_run_start);
  }
  return common;
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
                  std::vector<Span>* spans, std::string* text, bool* negation) {
  for (size_t i = from; i < to; ++i) {
    const SentenceWord& w = f.words[q[i]];
    *negation = *negation || w.is_negation();
    spans->push_back(w.span());
    if (!text->empty()) *text += ' ';
    *text += w.norm();
  }
}

// The text between words `before` and `after` of `side`, with word `before` itself when
// `with_before` ("he’s " where the tokenizer keeps the clitic with its word); "" when the
// offsets do not fit.
std::string_view Gap(const QuotedSentence& side, size_t before, size_t after,
                     bool with_before = false) {
  const Span first = side.features.words[before].span();
  const size_t from = with_before ? first.start : first.end;
  const size_t to = side.features.words[after].span().start;
  if (from < side.base || to < from || to - side.base > side.text.size()) return {};
  return side.text.substr(from - side.base, to - from);
}

// True iff `text` holds an elision ("…", "...") or a bracket.
bool HasEditorsMark(std::string_view text) {
  return text.find("...") != std::string_view::npos ||
         text.find("\xE2\x80\xA6") != std::string_view::npos ||  // U+2026 …
         text.find_first_of("[]()") != std::string_view::npos;
}

// True iff the text between words `before` and `after` of `side` shows an editor's hand: an
// elision ("…", "...") or brackets ("[...]", "[firearms]", "these (local) supervisors").
bool ShowsEditing(const QuotedSentence& side, size_t before, size_t after) {
  return HasEditorsMark(Gap(side, before, after));
}

// True iff the words [from, to) of quotation `q` are what a contraction in `other_gap` spells
// out: "he is" / "he's", "do not" / "don't", "we will" / "we'll".
bool SpelledOutContraction(const SentenceFeatures& f, const std::vector<size_t>& q, size_t from,
                           size_t to, std::string_view other_gap) {
  if (to != from + 1) return false;
  static constexpr std::pair<std::string_view, std::string_view> kForms[] = {
      {"is", "s"},    {"has", "s"}, {"are", "re"},  {"am", "m"},  {"will", "ll"},
      {"would", "d"}, {"had", "d"}, {"have", "ve"}, {"not", "t"}, {"us", "s"}};
  const std::string& word = f.words[q[from]].norm();
  for (const auto& [full, contracted] : kForms) {
    if (word != full) continue;
    for (std::string_view apostrophe : {"'", "\xE2\x80\x99"}) {  // ' and U+2019
      const size_t at = other_gap.find(apostrophe);
      if (at != std::string_view::npos &&
          other_gap.substr(at + apostrophe.size()).starts_with(contracted)) {
        return true;
      }
    }
  }
  return false;
}

// True iff the one word [from, from + 1) of `qa` and of `qb` are one word, one side written
// as its abbreviation: a strict prefix followed by "." ("Sen." / "Senator", "Gov." /
// "Governor").
bool Abbreviates(const QuotedSentence& qa, const std::vector<size_t>& x, size_t i,
                 const QuotedSentence& qb, const std::vector<size_t>& y, size_t j) {
  const SentenceWord& wa = qa.features.words[x[i]];
  const SentenceWord& wb = qb.features.words[y[j]];
  const bool a_short = wa.norm().size() < wb.norm().size();
  const SentenceWord& shorter = a_short ? wa : wb;
  const SentenceWord& longer = a_short ? wb : wa;
  const QuotedSentence& side = a_short ? qa : qb;
  if (shorter.norm().size() < 2 || !longer.norm().starts_with(shorter.norm())) return false;
  const size_t dot = shorter.span().end;
  return dot >= side.base && dot - side.base < side.text.size() &&
         side.text[dot - side.base] == '.';
}

// True iff the text between words `before` and `after` of `side` holds a quotation mark: the
// quoted stretch ends (or a new one opens) there.
bool QuoteMarkBetween(const QuotedSentence& side, size_t before, size_t after) {
  const std::string_view gap = Gap(side, before, after);
  return gap.find('"') != std::string_view::npos ||
         gap.find("\xE2\x80\x9C") != std::string_view::npos ||  // U+201C
         gap.find("\xE2\x80\x9D") != std::string_view::npos;    // U+201D
}

// A side's own words at one end of a shared quotation: [from, to) in the quotation's words.
struct OwnWords {
  size_t from = 0;
  size_t to = 0;
};

// The words of quotation `q` after its last common word `last`, up to a quotation mark.
OwnWords WordsAfter(const QuotedSentence& side, const std::vector<size_t>& q, size_t last) {
  size_t to = last + 1;
  while (to < q.size() && !QuoteMarkBetween(side, q[to - 1], q[to])) ++to;
  return {last + 1, to};
}

// The words of quotation `q` before its first common word `first`, back to a quotation mark.
OwnWords WordsBefore(const QuotedSentence& side, const std::vector<size_t>& q, size_t first) {
  size_t from = first;
  while (from > 0 && !QuoteMarkBetween(side, q[from - 1], q[from])) --from;
  return {from, first};
}

// True iff the text of words `w` of quotation `q`, with the word next to them on either side
// and one character beyond, shows an editor's hand ("[arm personnel]", "...").
bool EditedWords(const QuotedSentence& side, const std::vector<size_t>& q, OwnWords w) {
  const size_t before = w.from > 0 ? q[w.from - 1] : q[w.from];
  const size_t after = w.to < q.size() ? q[w.to] : q[w.to - 1];
  const Span first = side.features.words[before].span();
  const Span last = side.features.words[after].span();
  if (first.start < side.base || last.end < first.start ||
      last.end - side.base > side.text.size()) {
    return false;
  }
  // One character more on each side: the brackets around "[arm personnel]".
  const size_t from = first.start - side.base > 0 ? first.start - side.base - 1 : 0;
  const size_t to = std::min(side.text.size(), last.end - side.base + 1);
  return HasEditorsMark(side.text.substr(from, to - from));
}

// True iff two ends of one quotation, each a side's own words, give that end in other words:
// both present, each of at most kMaxOtherEndingWords, a content word on either side, no
// editor's hand shown, and not the same words in another house style or abbreviation.
bool OtherEnding(const QuotedSentence& qa, const std::vector<size_t>& x, OwnWords ea,
                 const QuotedSentence& qb, const std::vector<size_t>& y, OwnWords eb) {
  const size_t na = ea.to - ea.from;
  const size_t nb = eb.to - eb.from;
  if (na == 0 || nb == 0 || na > kMaxOtherEndingWords || nb > kMaxOtherEndingWords) return false;
  if (EditedWords(qa, x, ea) || EditedWords(qb, y, eb)) return false;
  bool content = false;
  for (size_t i = ea.from; i < ea.to; ++i) content = content || Counts(qa.features.words[x[i]]);
  for (size_t j = eb.from; j < eb.to; ++j) content = content || Counts(qb.features.words[y[j]]);
  if (!content) return false;
  if (Spelling(qa.features, x, ea.from, ea.to) == Spelling(qb.features, y, eb.from, eb.to)) {
    return false;
  }
  return !(na == 1 && nb == 1 && Abbreviates(qa, x, ea.from, qb, y, eb.from));
}

}  // namespace

QuoteMatch MatchQuotations(const QuotedSentence& qa_side, const QuotedSentence& qb_side) {
  const SentenceFeatures& a = qa_side.features;
  const SentenceFeatures& b = qb_side.features;
  QuoteMatch best;
  if (qa_side.quotes.empty() || qb_side.quotes.empty()) return best;
  const std::vector<std::vector<size_t>> qa = QuotedWords(a, qa_side.quotes);
  const std::vector<std::vector<size_t>> qb = QuotedWords(b, qb_side.quotes);
  for (const std::vector<size_t>& x : qa) {
    for (const std::vector<size_t>& y : qb) {
      const std::vector<std::pair<size_t, size_t>> common =
          TrimmedOfStrayFunctionWords(a, x, b, y, CommonWords(a, x, b, y));
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
      match.a_common = {a.words[x[common.front().first]].span().start,
                        a.words[x[common.back().first]].span().end};
      // Both versions going on past the last common word with their own few words gives the
      // ending in other words ("closer to a nuclear bomb" / "closer to nuclear arms"); one
      // going on alone is a quotation cut short. Likewise before the first common word. A
      // negation there is no quotation given the other way round (negation_differs): the
      // versions differ in more than the negation. In text order: opening, gaps, ending.
      bool ignored = false;
      const OwnWords a_head = WordsBefore(qa_side, x, common.front().first);
      const OwnWords b_head = WordsBefore(qb_side, y, common.front().second);
      if (OtherEnding(qa_side, x, a_head, qb_side, y, b_head)) {
        AddUnmatched(a, x, a_head.from, a_head.to, &match.a_spans, &match.a_text, &ignored);
        AddUnmatched(b, y, b_head.from, b_head.to, &match.b_spans, &match.b_text, &ignored);
      }
      // Words each side has between two consecutive common words.
      for (size_t k = 0; k + 1 < common.size(); ++k) {
        const auto [i0, j0] = common[k];
        const auto [i1, j1] = common[k + 1];
        if (i1 == i0 + 1 && j1 == j0 + 1) continue;
        // An editor's hand shown on either side: words left out at "…", words put in "[...]".
        if (ShowsEditing(qa_side, x[i0], x[i1]) || ShowsEditing(qb_side, y[j0], y[j1])) continue;
        // A contraction on one side, spelled out on the other: the same words.
        if ((j1 == j0 + 1 &&
             SpelledOutContraction(a, x, i0 + 1, i1, Gap(qb_side, y[j0], y[j1], true))) ||
            (i1 == i0 + 1 &&
             SpelledOutContraction(b, y, j0 + 1, j1, Gap(qa_side, x[i0], x[i1], true)))) {
          continue;
        }
        // The same words in another house style ("F.B.I." / "FBI", "2 in 3" / "two-in-three").
        if (Spelling(a, x, i0 + 1, i1) == Spelling(b, y, j0 + 1, j1)) continue;
        if (i1 == i0 + 2 && j1 == j0 + 2 && Abbreviates(qa_side, x, i0 + 1, qb_side, y, j0 + 1)) {
          continue;
        }
        AddUnmatched(a, x, i0 + 1, i1, &match.a_spans, &match.a_text, &match.negation_differs);
        AddUnmatched(b, y, j0 + 1, j1, &match.b_spans, &match.b_text, &match.negation_differs);
      }
      const OwnWords a_tail = WordsAfter(qa_side, x, common.back().first);
      const OwnWords b_tail = WordsAfter(qb_side, y, common.back().second);
      if (OtherEnding(qa_side, x, a_tail, qb_side, y, b_tail)) {
        AddUnmatched(a, x, a_tail.from, a_tail.to, &match.a_spans, &match.a_text, &ignored);
        AddUnmatched(b, y, b_tail.from, b_tail.to, &match.b_spans, &match.b_text, &ignored);
      }
      match.differs = !match.a_spans.empty() || !match.b_spans.empty();
      best = std::move(match);
    }
  }
  return best;
}

}  // namespace parallax
