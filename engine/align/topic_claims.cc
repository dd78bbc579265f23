#include "engine/align/topic_claims.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "engine/align/word_classes.h"

namespace parallax {
namespace {

constexpr uint32_t kNone = static_cast<uint32_t>(-1);

// Returns true iff word `k` of sentence `c` may be part of an anchor: a content word that is
// neither a number, a date nor a name.
bool SubjectWord(const ClaimSentence& c, size_t k) {
  const SentenceWord& w = c.features->words[k];
  if (w.term() < 0 || w.is_stop() || w.is_number() || w.is_negation() ||
      c.features->EntityOf(k) >= 0)
    return false;
  const size_t at = w.span().start - c.base;
  const bool capitalized =
      w.span().start >= c.base && at < c.text.size() && c.text[at] >= 'A' && c.text[at] <= 'Z';
  if (DateWordKind(w.norm(), capitalized).has_value()) return false;
  return !capitalized || k == 0;  // capitalised inside a sentence: a name
}

// The smallest element two sorted lists share; `none` when they share none.
uint64_t FirstShared(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
                     uint64_t none = ~uint64_t{0}) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return a[i];
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return none;
}

template <typename T>
std::vector<T> Shared(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

struct TopicLink {
  uint32_t x = 0;  // x < y
  uint32_t y = 0;
  double anchor_weight = 0;
  float score = 0;
};

bool BetterLink(const TopicLink& p, const TopicLink& q) {
  if (p.anchor_weight != q.anchor_weight) return p.anchor_weight > q.anchor_weight;
  if (p.score != q.score) return p.score > q.score;
  return p.x != q.x ? p.x < q.x : p.y < q.y;
}

// Step 2: the shared claims near each sentence, sorted: clusters with several sources holding a
// sentence of the same article within topic_context positions.
std::vector<std::vector<uint32_t>> SharedClaimsNear(
    const std::vector<ClaimSentence>& s, const std::vector<uint32_t>& cluster_of,
    const std::vector<std::vector<uint32_t>>& clusters, const ClaimOptions& options) {
  const size_t n = s.size();
  std::vector<bool> shared_cluster(n, false);
  for (size_t c = 0; c < n; ++c) {
    for (uint32_t i : clusters[c]) {
      if (s[i].source != s[clusters[c].front()].source) shared_cluster[c] = true;
    }
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t p, uint32_t q) {
    return s[p].article != s[q].article ? s[p].article < s[q].article
                                        : s[p].sentence < s[q].sentence;
  });
  std::vector<std::vector<uint32_t>> near(n);
  const size_t context = static_cast<size_t>(options.topic_context);
  for (size_t k = 0; k < n; ++k) {
    const uint32_t i = order[k];
    const size_t from = k >= context ? k - context : 0;
    for (size_t m = from; m < n && m <= k + context; ++m) {
      const uint32_t j = order[m];
      if (s[j].article != s[i].article || !shared_cluster[cluster_of[j]]) continue;
      near[i].push_back(cluster_of[j]);
    }
    std::sort(near[i].begin(), near[i].end());
    near[i].erase(std::unique(near[i].begin(), near[i].end()), near[i].end());
  }
  return near;
}

// Step 3: pairs sharing an anchor, one side lonely, the context agreeing, the score high enough.
std::vector<TopicLink> FindLinks(const std::vector<ClaimSentence>& s,
                                 const std::vector<bool>& lonely,
                                 const std::vector<std::vector<uint32_t>>& near,
                                 const TopicAnchors& anchors, const ClaimOptions& options,
                                 const PairScore& score_of) {
  const size_t n = s.size();
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < n; ++i) {
    if (near[i].empty()) continue;
    for (uint64_t t : anchors.of[i]) postings[t].push_back(i);
  }
  std::vector<uint64_t> terms;
  for (const auto& [t, list] : postings) terms.push_back(t);
  std::sort(terms.begin(), terms.end());  // the link order must not depend on hashing
  std::vector<TopicLink> links;
  // A link needs a lonely side, so only the pairs of each term's list with a lonely member are
  // visited (a common anchor in a corpus-wide story is in thousands of sentences, few of them
  // lonely), in the order of all pairs (p < q), so that ties between links fall the same way.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint64_t t : terms) {
    const std::vector<uint32_t>& list = postings[t];
    pairs.clear();
    for (uint32_t p = 0; p < list.size(); ++p) {
      if (!lonely[list[p]]) continue;
      for (uint32_t q = 0; q < list.size(); ++q) {
        if (q != p) pairs.emplace_back(std::min(p, q), std::max(p, q));
      }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [p, q] : pairs) {
      const uint32_t x = list[p];
      const uint32_t y = list[q];
      if (s[x].source == s[y].source) continue;
      // A pair sharing several anchors is met once per anchor: take it at the first.
      if (FirstShared(anchors.of[x], anchors.of[y]) != t) continue;
      if (Shared(near[x], near[y]).empty()) continue;
      const float score = score_of(x, y);
      if (score < options.topic_min_score) continue;
      double weight = 0;
      for (uint64_t a : Shared(anchors.of[x], anchors.of[y])) weight += anchors.weight.at(a);
      links.push_back({std::min(x, y), std::max(x, y), weight, score});
    }
  }
  return links;
}

// Step 4: each lonely sentence's best link per other source, best first.
std::vector<TopicLink> KeepBestLinks(const std::vector<ClaimSentence>& s,
                                     const std::vector<bool>& lonely,
                                     const std::vector<TopicLink>& links) {
  std::unordered_map<uint64_t, size_t> best;  // (lonely sentence, other source) -> link
  for (size_t k = 0; k < links.size(); ++k) {
    for (auto [i, j] : {std::pair(links[k].x, links[k].y), std::pair(links[k].y, links[k].x)}) {
      if (!lonely[i]) continue;
      const uint64_t key = (static_cast<uint64_t>(i) << 32) | s[j].source;
      auto [it, inserted] = best.try_emplace(key, k);
      if (!inserted && BetterLink(links[k], links[it->second])) it->second = k;
    }
  }
  std::vector<TopicLink> kept;
  for (size_t k = 0; k < links.size(); ++k) {
    bool is_best = false;
    for (auto [i, j] : {std::pair(links[k].x, links[k].y), std::pair(links[k].y, links[k].x)}) {
      if (!lonely[i]) continue;
      auto it = best.find((static_cast<uint64_t>(i) << 32) | s[j].source);
      is_best = is_best || it->second == k;
    }
    if (is_best) kept.push_back(links[k]);
  }
  std::sort(kept.begin(), kept.end(), BetterLink);
  return kept;
}

// Returns true iff groups g and h may become one: few sentences per article, and every two
// members of different sources share an anchor.
bool MayJoinGroups(const std::vector<uint32_t>& g, const std::vector<uint32_t>& h,
                   const std::vector<ClaimSentence>& s, const TopicAnchors& anchors,
                   const ClaimOptions& options) {
  std::map<uint32_t, size_t> per_article;
  for (uint32_t i : g) ++per_article[s[i].article];
  for (uint32_t i : h) {
    if (++per_article[s[i].article] > options.max_per_article) return false;
  }
  for (uint32_t i : g) {
    for (uint32_t j : h) {
      if (s[i].source != s[j].source && Shared(anchors.of[i], anchors.of[j]).empty()) {
        return false;
      }
    }
  }
  return true;
}

// Step 5: groups, best link first; a sentence joins at most one group. Groups of one sentence
// are dropped.
std::vector<std::vector<uint32_t>> GroupLinks(const std::vector<ClaimSentence>& s,
                                              const std::vector<TopicLink>& kept,
                                              const TopicAnchors& anchors,
                                              const ClaimOptions& options) {
  std::vector<uint32_t> group_of(s.size(), kNone);
  std::vector<std::vector<uint32_t>> groups;
  for (const TopicLink& link : kept) {
    uint32_t gx = group_of[link.x];
    const uint32_t gy = group_of[link.y];
    if (gx != kNone && gx == gy) continue;
    const std::vector<uint32_t> mx = gx == kNone ? std::vector<uint32_t>{link.x} : groups[gx];
    std::vector<uint32_t> my = gy == kNone ? std::vector<uint32_t>{link.y} : groups[gy];
    if (!MayJoinGroups(mx, my, s, anchors, options)) continue;
    if (gx == kNone) {
      gx = static_cast<uint32_t>(groups.size());
      groups.push_back({link.x});
      group_of[link.x] = gx;
    }
    if (gy != kNone) groups[gy].clear();
    for (uint32_t i : my) {
      group_of[i] = gx;
      groups[gx].push_back(i);
    }
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(),
                              [](const std::vector<uint32_t>& g) { return g.size() < 2; }),
               groups.end());
  return groups;
}

}  // namespace

TopicAnchors FindTopicAnchors(const std::vector<ClaimSentence>& s, const ClaimOptions& options) {
  const size_t n = s.size();
  TopicAnchors out;
  out.of.resize(n);
  std::unordered_map<uint64_t, uint32_t> df;
  std::unordered_map<uint64_t, uint32_t> first_source;
  std::unordered_set<uint64_t> several_sources;
  for (size_t i = 0; i < n; ++i) {
    const std::vector<SentenceWord>& words = s[i].features->words;
    std::vector<uint64_t>& keys = out.of[i];
    for (size_t k = 0; k < words.size(); ++k) {
      if (!SubjectWord(s[i], k)) continue;
      const SentenceWord& w = words[k];
      if (w.norm().find('-') != std::string::npos) {
        const uint64_t key = static_cast<uint64_t>(w.term());
        keys.push_back(key);
        out.weight.try_emplace(key, w.weight());
        out.norm.try_emplace(key, w.norm());
      }
      // Adjacent in the text too: no punctuation between them ("security cooperation", not
      // "security, cooperation").
      if (k + 1 < words.size() && SubjectWord(s[i], k + 1)) {
        const SentenceWord& v = words[k + 1];
        const std::string_view gap =
            s[i].text.substr(w.span().end - s[i].base, v.span().start - w.span().end);
        if (gap.find_first_not_of(" ") != std::string_view::npos) continue;
        const uint64_t key =
            (static_cast<uint64_t>(w.term() + 1) << 32) | static_cast<uint32_t>(v.term());
        keys.push_back(key);
        out.weight.try_emplace(key, w.weight() + v.weight());
        if (!out.norm.contains(key)) out.norm.emplace(key, w.norm() + " " + v.norm());
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint64_t t : keys) {
      ++df[t];
      auto [it, inserted] = first_source.try_emplace(t, s[i].source);
      if (!inserted && it->second != s[i].source) several_sources.insert(t);
    }
  }
  const double max_df =
      std::max(static_cast<double>(options.topic_min_df),
               std::min(options.topic_max_df_fraction * static_cast<double>(n),
                        static_cast<double>(options.topic_max_df > 0 ? options.topic_max_df : n)));
  for (std::vector<uint64_t>& keys : out.of) {
    keys.erase(
        std::remove_if(keys.begin(), keys.end(),
                       [&](uint64_t t) { return df[t] > max_df || several_sources.count(t) == 0; }),
        keys.end());
  }
  return out;
}

std::vector<std::vector<uint32_t>> FindTopicGroups(
    const std::vector<ClaimSentence>& sentences, const std::vector<uint32_t>& cluster_of,
    const std::vector<std::vector<uint32_t>>& clusters, const TopicAnchors& anchors,
    const ClaimOptions& options, const PairScore& score) {
  const size_t n = sentences.size();
  std::vector<bool> lonely(n, false);
  for (uint32_t i = 0; i < n; ++i) lonely[i] = clusters[cluster_of[i]].size() == 1;
  const std::vector<std::vector<uint32_t>> near =
      SharedClaimsNear(sentences, cluster_of, clusters, options);
  const std::vector<TopicLink> links = FindLinks(sentences, lonely, near, anchors, options, score);
  const std::vector<TopicLink> kept = KeepBestLinks(sentences, lonely, links);
  return GroupLinks(sentences, kept, anchors, options);
}

std::vector<std::string> TopicTerms(const std::vector<uint32_t>& group,
                                    const std::vector<ClaimSentence>& s,
                                    const TopicAnchors& anchors) {
  std::vector<uint64_t> common = anchors.of[group.front()];
  for (uint32_t i : group) common = Shared(common, anchors.of[i]);
  if (common.empty()) {
    for (uint32_t i : group) {
      for (uint32_t j : group) {
        if (s[i].source == s[j].source) continue;
        for (uint64_t t : Shared(anchors.of[i], anchors.of[j])) common.push_back(t);
      }
    }
  }
  std::vector<std::string> out;
  for (uint64_t t : common) out.push_back(anchors.norm.at(t));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace parallax
