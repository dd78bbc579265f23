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
  if (e.first_word == 0 || e.first_word > s.words.size()) return false;
  const std::string& before = s.words[e.first_word - 1].norm();
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), before) !=
         std::end(kPrepositions);
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
  if (!na.empty() && !nb.empty() && !ua.empty() && !ub.empty()) {
    Discrepancy d;
    d.kind = Discrepancy::Kind::kNumber;
    for (const NumberRef* n : ua) {
      d.a_spans.push_back(n->span);
      d.a_text += (d.a_text.empty() ? "" : ", ") + FormatNumber(n->value);
    }
    for (const NumberRef* n : ub) {
      d.b_spans.push_back(n->span);
      d.b_text += (d.b_text.empty() ? "" : ", ") + FormatNumber(n->value);
    }
    out.push_back(std::move(d));
  }

  // Negation.
  if (a.negations % 2 != b.negations % 2) {
    Discrepancy d;
    d.kind = Discrepancy::Kind::kNegation;
    for (const SentenceWord& w : a.words) {
      if (!w.is_negation()) continue;
      d.a_spans.push_back(w.span());
      d.a_text += (d.a_text.empty() ? "" : ", ") + w.norm();
    }
    for (const SentenceWord& w : b.words) {
      if (!w.is_negation()) continue;
      d.b_spans.push_back(w.span());
      d.b_text += (d.b_text.empty() ? "" : ", ") + w.norm();
    }
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
