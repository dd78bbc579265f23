// The claims view's groups and order, and the first screen of the report (html_parts.h): per
// outlet, what it carries, what it omits that others carry, its conflicts and certainty drifts
// and its framing in one line, each a link into the evidence.
//
// Links work without the script: each goes to a real element (the first claim it counts, a
// group of single-source sentences, a profile's evidence list). Its data-view attribute names
// the filter (report.js) that shows all of them at once, in the URL fragment's syntax.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/report/html_parts.h"
#include "engine/report/page_parts.h"

namespace parallax::html {
namespace {

// At most this many claim labels are listed per outlet and kind ("conflicts: C3, C7, …"), and
// this many omitted claims with the start of their text; the filter the figure links to shows
// them all.
constexpr size_t kMaxListedClaims = 6;
constexpr size_t kMaxListedOmissions = 3;
// At most this many disagreements are listed on the first screen.
constexpr size_t kMaxDisagreements = 8;

// The columns of the sources whose sentences `d` names (its spans' sentences when it names
// none), added to `out` once each.
void AddSourcesOf(const ReportModel& model, const ClaimTable& table, const ReportDiscrepancy& d,
                  std::vector<uint32_t>* out) {
  auto add = [&](const SentenceRef& ref) {
    if (!IsValidRef(model, ref)) return;
    const std::string& source = model.articles[ref.article].source;
    const auto it = std::find(table.sources.begin(), table.sources.end(), source);
    if (it == table.sources.end()) return;
    const auto column = static_cast<uint32_t>(it - table.sources.begin());
    if (std::find(out->begin(), out->end(), column) == out->end()) out->push_back(column);
  };
  for (const SentenceRef& ref : d.sentences) add(ref);
  if (d.sentences.empty()) {
    for (const ReportDiscrepancySpan& span : d.spans) add(span.sentence);
  }
}

bool Contains(const std::vector<uint32_t>& columns, size_t column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// The start of claim `c`'s first valid sentence, for a reader to recognise the claim by.
std::string ClaimSnippet(const ReportModel& model, int c) {
  constexpr size_t kMaxSnippetBytes = 90;
  for (const SentenceRef& ref : model.claims[c].sentences) {
    if (!IsValidRef(model, ref)) continue;
    const ReportArticle& article = model.articles[ref.article];
    return ShortenUtf8(CollapseSpaces(article.sentences[ref.sentence].span.Of(article.text)),
                       kMaxSnippetBytes);
  }
  return "";
}

// Claim labels as links: {label, href, snippet}, at most `max`.
void SetClaimLinks(const ReportModel& model, const std::vector<int>& claims, size_t max,
                   TemplateData* data, Ref out, std::string_view key) {
  const Ref list = data->SetList(out, key);
  for (size_t k = 0; k < claims.size() && k < max; ++k) {
    const Ref item = data->AddObject(list);
    data->Set(item, "label", ClaimLabel(model.claims[claims[k]].id));
    data->Set(item, "href", "#claim-" + std::to_string(claims[k]));
    data->Set(item, "snippet", ClaimSnippet(model, claims[k]));
  }
}

// The first claim of `claims` as a link target, or `fallback` when there is none.
std::string FirstHref(const std::vector<int>& claims, std::string_view fallback) {
  return claims.empty() ? std::string(fallback) : "#claim-" + std::to_string(claims.front());
}

// Sets one kind of claims of an outlet ("omits", "conflicts", ...): the count, the first `max`
// claims as links, how many more there are, and the link to the first.
void SetClaimKind(const ReportModel& model, const std::vector<int>& claims, std::string_view key,
                  size_t max, TemplateData* data, Ref out) {
  const std::string k(key);
  data->Set(out, k + "_n", FormatCount(claims.size()));
  data->Set(out, k + "_s", claims.size() == 1 ? "" : "s");  // "1 claim", "2 claims"
  data->SetBool(out, "has_" + k, !claims.empty());
  data->SetBool(out, k + "_more", claims.size() > max);
  data->Set(out, k + "_more_n", FormatCount(claims.size() > max ? claims.size() - max : 0));
  data->Set(out, k + "_href", FirstHref(claims, "#claims"));
  SetClaimLinks(model, claims, max, data, out, k + "_claims");
}

// The framing line of outlet column `s`: each category's marks per 1,000 words, linking to the
// profile's evidence list for it, flagged when it is well above or below the other outlets'
// mean (at least 1.5 times, and at least 1 per 1,000 words apart).
void SetFraming(const ReportModel& model, const ClaimTable& table, size_t s, TemplateData* data,
                Ref out) {
  // The bar of each known category: the one that breaks nothing down (a category's total).
  auto category_bar = [&](const ReportSourceProfile& profile, const std::string& category) {
    for (size_t b = 0; b < profile.bars.size(); ++b) {
      const ReportProfileBar& bar = profile.bars[b];
      if (bar.category == category && bar.breakdown_by.empty()) return static_cast<int>(b);
    }
    return -1;
  };
  int own = -1;
  for (size_t p = 0; p < model.profiles.size(); ++p) {
    if (model.profiles[p].source == table.sources[s]) own = static_cast<int>(p);
  }
  const Ref list = data->SetList(out, "framing");
  data->SetBool(out, "has_framing", own >= 0);
  if (own < 0) return;
  data->Set(out, "profile_href", "#profile-" + std::to_string(own));
  for (const std::string& category : KnownCategoryNames()) {
    const int b = category_bar(model.profiles[own], category);
    if (b < 0) continue;
    const double rate = model.profiles[own].bars[b].per_1000_words;
    double others = 0;
    int n_others = 0;
    for (size_t p = 0; p < model.profiles.size(); ++p) {
      if (static_cast<int>(p) == own) continue;
      const int ob = category_bar(model.profiles[p], category);
      if (ob < 0) continue;
      others += model.profiles[p].bars[ob].per_1000_words;
      ++n_others;
    }
    const Ref item = data->AddObject(list);
    data->Set(item, "cat", ClassToken(category));
    data->Set(item, "label", CategoryLabel(category));
    data->Set(item, "rate", FormatFixed(rate, 1));
    data->Set(item, "href", "#ev-" + std::to_string(own) + "-" + std::to_string(b));
    std::string trend;
    std::string title = FormatFixed(rate, 1) + " marks per 1,000 words";
    if (n_others > 0) {
      const double mean = others / n_others;
      title += "; the other outlets average " + FormatFixed(mean, 1);
      if (std::fabs(rate - mean) >= 1.0 && rate >= 1.5 * mean) trend = "more";
      if (std::fabs(rate - mean) >= 1.0 && rate * 1.5 <= mean) trend = "less";
    }
    data->SetBool(item, "more", trend == "more");
    data->SetBool(item, "less", trend == "less");
    data->Set(item, "title", title);
  }
}

}  // namespace

ClaimLayout LayOutClaims(const ReportModel& model, const ClaimTable& table) {
  const size_t n = model.claims.size();
  ClaimLayout layout;
  layout.group.assign(n, ClaimGroup::kShared);
  layout.single_source.assign(n, -1);
  layout.conflict.assign(n, false);
  layout.drift.assign(n, false);
  layout.conflict_sources.resize(n);
  layout.drift_sources.resize(n);
  std::vector<int> shared, related, single;
  for (size_t c = 0; c < n; ++c) {
    const ReportClaim& claim = model.claims[c];
    for (const ReportDiscrepancy& d : claim.discrepancies) {
      if (IsDrift(d)) {
        layout.drift[c] = true;
        AddSourcesOf(model, table, d, &layout.drift_sources[c]);
      } else {
        layout.conflict[c] = true;
        AddSourcesOf(model, table, d, &layout.conflict_sources[c]);
      }
    }
    if (claim.related) {
      layout.group[c] = ClaimGroup::kRelated;
      related.push_back(static_cast<int>(c));
    } else if (table.CarryingCount(c) == 1) {
      layout.group[c] = ClaimGroup::kSingle;
      layout.single_source[c] = static_cast<int>(table.rows[c].carrying[0]);
      single.push_back(static_cast<int>(c));
    } else {
      shared.push_back(static_cast<int>(c));  // a claim no valid sentence carries shows here too
    }
  }
  std::stable_sort(shared.begin(), shared.end(), [&](int x, int y) {
    if (layout.conflict[x] != layout.conflict[y]) return static_cast<bool>(layout.conflict[x]);
    if (layout.drift[x] != layout.drift[y]) return static_cast<bool>(layout.drift[x]);
    return table.CarryingCount(x) > table.CarryingCount(y);
  });
  std::stable_sort(single.begin(), single.end(),
                   [&](int x, int y) { return layout.single_source[x] < layout.single_source[y]; });
  layout.order = shared;
  layout.order.insert(layout.order.end(), related.begin(), related.end());
  layout.order.insert(layout.order.end(), single.begin(), single.end());
  return layout;
}

void SetOutletSummary(const ReportModel& model, const ClaimTable& table, const ClaimLayout& layout,
                      TemplateData* data) {
  int n_shared = 0, n_conflict = 0, n_drift = 0, n_omitted = 0, n_single = 0;
  for (int c : layout.order) {
    if (layout.group[c] == ClaimGroup::kSingle) ++n_single;
    if (layout.group[c] != ClaimGroup::kShared) continue;
    ++n_shared;
    n_conflict += layout.conflict[c];
    n_drift += layout.drift[c];
    n_omitted += table.OmittingCount(c) > 0;
  }
  data->Set(kRoot, "n_shared", FormatCount(n_shared));
  data->Set(kRoot, "n_conflict", FormatCount(n_conflict));
  data->Set(kRoot, "n_drift", FormatCount(n_drift));
  data->Set(kRoot, "n_omitted", FormatCount(n_omitted));
  data->Set(kRoot, "n_single", FormatCount(n_single));
  data->SetBool(kRoot, "has_shared", n_shared > 0);

  const Ref outlets = data->SetList(kRoot, "outlets");
  for (size_t s = 0; s < table.sources.size(); ++s) {
    std::vector<int> carries, omits, conflicts, drifts, only;
    for (int c : layout.order) {
      const bool carried = !table.Cell(c, s).empty();
      if (layout.group[c] == ClaimGroup::kSingle) {
        if (layout.single_source[c] == static_cast<int>(s)) only.push_back(c);
        continue;
      }
      if (layout.group[c] != ClaimGroup::kShared) continue;
      (carried ? carries : omits).push_back(c);
      if (Contains(layout.conflict_sources[c], s)) conflicts.push_back(c);
      if (Contains(layout.drift_sources[c], s)) drifts.push_back(c);
    }
    const Ref out = data->AddObject(outlets);
    SetClean(data, out, "name", table.sources[s]);
    data->Set(out, "column", std::to_string(s));
    data->Set(out, "carries_n", FormatCount(carries.size()));
    data->Set(out, "carries_href", FirstHref(carries, "#claims"));
    data->Set(out, "only_n", FormatCount(only.size()));
    data->Set(out, "only_word", only.size() == 1 ? "sentence" : "sentences");
    data->SetBool(out, "has_only", !only.empty());
    data->Set(out, "only_href", "#only-" + std::to_string(s));
    SetClaimKind(model, omits, "omits", kMaxListedOmissions, data, out);
    SetClaimKind(model, conflicts, "conflicts", kMaxListedClaims, data, out);
    SetClaimKind(model, drifts, "drifts", kMaxListedClaims, data, out);
    SetFraming(model, table, s, data, out);
  }

  // The disagreements: conflicts first, then certainty drifts, each with the claim it is in.
  const Ref list = data->SetList(kRoot, "disagreements");
  size_t total = 0;
  for (bool drift : {false, true}) {
    for (int c : layout.order) {
      if (layout.group[c] != ClaimGroup::kShared) continue;
      for (const ReportDiscrepancy& d : model.claims[c].discrepancies) {
        if (IsDrift(d) != drift) continue;
        if (++total > kMaxDisagreements) continue;
        const Ref item = data->AddObject(list);
        data->Set(item, "label", ClaimLabel(model.claims[c].id));
        data->Set(item, "href", "#claim-" + std::to_string(c));
        SetClean(data, item, "kind", drift ? std::string("certainty") : d.kind);
        data->Set(item, "kind_class", ClassToken(d.kind));
        data->Set(item, "flag", drift ? "\u2248" : "\u2260");
        SetClean(data, item, "description", d.description);
      }
    }
  }
  data->SetBool(kRoot, "has_disagreements", total > 0);
  data->SetBool(kRoot, "more_disagreements", total > kMaxDisagreements);
  data->Set(kRoot, "n_disagreements", FormatCount(total));
}

}  // namespace parallax::html
