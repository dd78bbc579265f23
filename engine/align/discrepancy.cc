#include "engine/align/discrepancy.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

namespace parallax {
namespace {

bool IsYear(const SentenceFeatures& s, const NumberRef& n) {
  return std::any_of(s.dates.begin(), s.dates.end(), [&](const DateRef& d) {
    return d.kind == DateRef::Kind::kYear && d.span.Overlaps(n.span);
  });
}

bool SameNumber(double x, double y) {
  return std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y));
}

// Items of `mine` whose key no item of `theirs` shares.
template <typename T, typename Key>
std::vector<const T*> Unmatched(const std::vector<const T*>& mine,
                                const std::vector<const T*>& theirs, Key same) {
  std::vector<const T*> out;
  for (const T* m : mine) {
    if (std::none_of(theirs.begin(), theirs.end(), [&](const T* t) { return same(*m, *t); })) {
      out.push_back(m);
    }
  }
  return out;
}

void Describe(const std::vector<Span>& spans, const std::vector<std::string>& texts,
              std::vector<Span>* out_spans, std::string* out_text) {
  *out_spans = spans;
  for (const std::string& t : texts) {
    if (!out_text->empty()) *out_text += ", ";
    *out_text += t;
  }
}

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

bool IsPlaceKind(const std::string& kind) {
  return kind == "country" || kind == "place" || kind == "city";
}

// A place named where something happens ("in Karachi", "outside Lahore"), not as an actor or
// an adjective ("Chinese officials", "Pakistan's army"): only those can disagree.
bool IsLocative(const SentenceFeatures& s, const EntityRef& e) {
  static constexpr std::string_view kPrepositions[] = {
      "in", "at", "near", "outside", "inside", "into", "across", "from", "throughout"};
  // "to" names a place after a journey: "an official visit to China", "flew to Beijing".
  static constexpr std::string_view kJourneys[] = {"visit",  "visits",    "trip",     "trips",
                                                   "travel", "travelled", "traveled", "flew",
                                                   "went",   "came",      "returned", "journey"};
  if (e.first_word == 0 || e.first_word > s.words.size()) return false;
  const std::string& before = s.words[e.first_word - 1].norm();
  if (before == "to" && e.first_word >= 2) {
    const std::string& journey = s.words[e.first_word - 2].norm();
    return std::find(std::begin(kJourneys), std::end(kJourneys), journey) != std::end(kJourneys);
  }
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), before) !=
         std::end(kPrepositions);
}

// The first word after a number (past its multiplier), and the word before it: its unit and
// what it counts. Keys of 0 when there is none.
std::pair<uint64_t, uint64_t> UnitOf(const SentenceFeatures& s, const NumberRef& n) {
  uint64_t after = 0, before = 0;
  for (size_t k = n.word; k < s.words.size(); ++k) {
    // A range ("40 to 60 hours", "$800 to $1,000 per") counts what its last figure counts.
    const std::string& w = s.words[k].norm();
    if (w == "to" || w == "and" || w == "or") continue;
    if (s.words[k].span().start >= n.span.end && !s.words[k].is_number()) {
      after = s.words[k].key();
      break;
    }
  }
  if (n.word > 0) before = s.words[n.word - 1].key();
  return {after, before};
}

// Returns true iff x and y count the same thing: they share the word after them, or (both
// without a content word after) the word before.
bool SameQuantity(const SentenceFeatures& a, const NumberRef& x, const SentenceFeatures& b,
                  const NumberRef& y) {
  // Within 2% is a rounding ("$43,350" / "$43,000"), not a disagreement.
  if (std::abs(x.value - y.value) <= 0.02 * std::max(std::abs(x.value), std::abs(y.value))) {
    return false;
  }
  const auto [xa, xb] = UnitOf(a, x);
  const auto [ya, yb] = UnitOf(b, y);
  return xa != 0 && xa == ya;
}

// Content words of `s` governed by a negation (one of the two words before them is one).
std::vector<size_t> Negated(const SentenceFeatures& s) {
  std::vector<size_t> out;
  for (size_t k = 0; k < s.words.size(); ++k) {
    const SentenceWord& w = s.words[k];
    if (w.is_stop() || w.is_number() || w.is_negation()) continue;
    for (size_t back = 1; back <= 2 && back <= k; ++back) {
      if (s.words[k - back].is_negation()) {
        out.push_back(k);
        break;
      }
    }
  }
  return out;
}

// The negations in `a` that govern a content word `b` has ungoverned (and no governed copy).
void NegatedShared(const SentenceFeatures& a, const SentenceFeatures& b, std::vector<Span>* spans,
                   std::string* text) {
  // Only against a sentence with no negation at all: negation scope is not parsed here.
  if (b.negations > 0) return;
  const std::vector<size_t> governed_b = Negated(b);
  for (size_t k : Negated(a)) {
    const uint64_t key = a.words[k].key();
    bool in_b = false, governed_in_b = false;
    for (size_t j = 0; j < b.words.size(); ++j) {
      if (b.words[j].key() != key) continue;
      in_b = true;
      governed_in_b =
          governed_in_b || std::find(governed_b.begin(), governed_b.end(), j) != governed_b.end();
    }
    if (!in_b || governed_in_b) continue;
    const size_t neg = k >= 1 && a.words[k - 1].is_negation() ? k - 1 : k - 2;
    spans->push_back({a.words[neg].span().start, a.words[k].span().end});
    if (!text->empty()) *text += ", ";
    *text += a.words[neg].norm() + " " + a.words[k].norm();
  }
}

}  // namespace

const char* DiscrepancyKindName(Discrepancy::Kind kind) {
  switch (kind) {
    case Discrepancy::Kind::kNumber:
      return "number";
    case Discrepancy::Kind::kNegation:
      return "negation";
    case Discrepancy::Kind::kDate:
      return "date";
    case Discrepancy::Kind::kPlace:
      return "place";
    case Discrepancy::Kind::kSpeaker:
      return "speaker";
    case Discrepancy::Kind::kAttribution:
      return "attribution";
    case Discrepancy::Kind::kQuote:
      return "quote";
  }
  return "unknown";
}

std::vector<Discrepancy> FindDiscrepancies(const SentenceFeatures& a, const SentenceFeatures& b) {
  std::vector<Discrepancy> out;

  // Numbers (years excluded: they are dates).
  std::vector<const NumberRef*> na;
  std::vector<const NumberRef*> nb;
  for (const NumberRef& n : a.numbers) {
    if (!IsYear(a, n)) na.push_back(&n);
  }
  for (const NumberRef& n : b.numbers) {
    if (!IsYear(b, n)) nb.push_back(&n);
  }
  auto same_number = [](const NumberRef& x, const NumberRef& y) {
    return SameNumber(x.value, y.value);
  };
  auto ua = Unmatched(na, nb, same_number);
  auto ub = Unmatched(nb, na, same_number);
  // Only values of one quantity disagree: keep the unmatched values with a counterpart of the
  // same unit on the other side.
  std::vector<const NumberRef*> na_same, nb_same;
  for (const NumberRef* x : ua) {
    for (const NumberRef* y : ub) {
      if (!SameQuantity(a, *x, b, *y)) continue;
      if (std::find(na_same.begin(), na_same.end(), x) == na_same.end()) na_same.push_back(x);
      if (std::find(nb_same.begin(), nb_same.end(), y) == nb_same.end()) nb_same.push_back(y);
    }
  }
  if (!na_same.empty() && !nb_same.empty()) {
    Discrepancy d;
    d.kind = Discrepancy::Kind::kNumber;
    for (const NumberRef* n : na_same) {
      d.a_spans.push_back(n->span);
      d.a_text += (d.a_text.empty() ? "" : ", ") + FormatNumber(n->value);
    }
    for (const NumberRef* n : nb_same) {
      d.b_spans.push_back(n->span);
      d.b_text += (d.b_text.empty() ? "" : ", ") + FormatNumber(n->value);
    }
    out.push_back(std::move(d));
  }

  // Polarity of a word both sentences have.
  std::vector<Span> neg_a, neg_b;
  std::string text_a, text_b;
  NegatedShared(a, b, &neg_a, &text_a);
  NegatedShared(b, a, &neg_b, &text_b);
  if (!neg_a.empty() || !neg_b.empty()) {
    Discrepancy d;
    d.kind = Discrepancy::Kind::kNegation;
    d.a_spans = std::move(neg_a);
    d.b_spans = std::move(neg_b);
    d.a_text = std::move(text_a);
    d.b_text = std::move(text_b);
    out.push_back(std::move(d));
  }

  // Dates, kind by kind.
  for (DateRef::Kind kind : {DateRef::Kind::kYear, DateRef::Kind::kMonth, DateRef::Kind::kWeekday,
                             DateRef::Kind::kRelativeDay}) {
    std::vector<const DateRef*> da;
    std::vector<const DateRef*> db;
    for (const DateRef& x : a.dates) {
      if (x.kind == kind) da.push_back(&x);
    }
    for (const DateRef& x : b.dates) {
      if (x.kind == kind) db.push_back(&x);
    }
    auto same = [](const DateRef& x, const DateRef& y) { return x.value == y.value; };
    auto xa = Unmatched(da, db, same);
    auto xb = Unmatched(db, da, same);
    if (xa.empty() || xb.empty()) continue;
    Discrepancy d;
    d.kind = Discrepancy::Kind::kDate;
    std::vector<Span> sa, sb;
    std::vector<std::string> ta, tb;
    for (const DateRef* x : xa) {
      sa.push_back(x->span);
      ta.push_back(x->value);
    }
    for (const DateRef* x : xb) {
      sb.push_back(x->span);
      tb.push_back(x->value);
    }
    Describe(sa, ta, &d.a_spans, &d.a_text);
    Describe(sb, tb, &d.b_spans, &d.b_text);
    out.push_back(std::move(d));
  }

  // Places.
  std::vector<const EntityRef*> pa;
  std::vector<const EntityRef*> pb;
  for (const EntityRef& e : a.entities) {
    if (IsPlaceKind(e.kind) && IsLocative(a, e)) pa.push_back(&e);
  }
  for (const EntityRef& e : b.entities) {
    if (IsPlaceKind(e.kind) && IsLocative(b, e)) pb.push_back(&e);
  }
  auto same_place = [](const EntityRef& x, const EntityRef& y) {
    return x.canonical == y.canonical;
  };
  auto qa = Unmatched(pa, pb, same_place);
  auto qb = Unmatched(pb, pa, same_place);
  if (!qa.empty() && !qb.empty()) {
    Discrepancy d;
    d.kind = Discrepancy::Kind::kPlace;
    std::vector<Span> sa, sb;
    std::vector<std::string> ta, tb;
    for (const EntityRef* e : qa) {
      sa.push_back(e->span);
      ta.push_back(e->canonical);
    }
    for (const EntityRef* e : qb) {
      sb.push_back(e->span);
      tb.push_back(e->canonical);
    }
    Describe(sa, ta, &d.a_spans, &d.a_text);
    Describe(sb, tb, &d.b_spans, &d.b_text);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace parallax
