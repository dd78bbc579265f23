#include "engine/align/claim_clusters.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "engine/align/voice.h"
#include "engine/base/parallel_for.h"

namespace parallax {
namespace {

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | b;
}

// Similarity of sentence pairs: the pre-scored ones, the rest scored on first use.
class PairScores {
 public:
  PairScores(const std::vector<ClaimSentence>& sentences, const SimilarityModel& model)
      : sentences_(sentences), model_(model) {}

  void Add(uint32_t a, uint32_t b, float score) { cache_.emplace(PairKey(a, b), score); }

  float Get(uint32_t a, uint32_t b) {
    auto [it, inserted] = cache_.try_emplace(PairKey(a, b), 0.0f);
    if (inserted) {
      it->second =
          static_cast<float>(model_.Score(*sentences_[a].features, *sentences_[b].features));
    }
    return it->second;
  }

 private:
  const std::vector<ClaimSentence>& sentences_;
  const SimilarityModel& model_;
  std::unordered_map<uint64_t, float> cache_;
};

// Returns true iff the union of clusters x and y may be one claim (see the header).
bool MayJoin(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y,
             const std::vector<ClaimSentence>& s, const ClaimOptions& options,
             double average_threshold, PairScores* scores) {
  std::map<uint32_t, size_t> per_article;
  for (uint32_t i : x) ++per_article[s[i].article];
  for (uint32_t i : y) {
    if (++per_article[s[i].article] > options.max_per_article) return false;
  }
  // Mean over all cross-source pairs of the union: the pairs inside x and inside y were
  // checked when they were built, so the sums are recomputed in full only for clarity of the
  // invariant; clusters are small (a few sentences per source).
  double sum = 0;
  size_t count = 0;
  auto add_pairs = [&](const std::vector<uint32_t>& p, const std::vector<uint32_t>& q, bool same) {
    for (size_t i = 0; i < p.size(); ++i) {
      for (size_t j = same ? i + 1 : 0; j < q.size(); ++j) {
        if (s[p[i]].source == s[q[j]].source) continue;
        sum += scores->Get(p[i], q[j]);
        ++count;
      }
    }
  };
  add_pairs(x, x, true);
  add_pairs(y, y, true);
  add_pairs(x, y, false);
  return count > 0 && sum / static_cast<double>(count) >= average_threshold;
}

void FillClaim(const std::vector<uint32_t>& cluster, const std::vector<ClaimSentence>& s,
               const std::vector<uint32_t>& story_sources, PairScores* scores, Claim* claim) {
  std::vector<uint32_t> order = cluster;
  std::sort(order.begin(), order.end(), [&](uint32_t p, uint32_t q) {
    return s[p].article != s[q].article ? s[p].article < s[q].article
                                        : s[p].sentence < s[q].sentence;
  });
  for (uint32_t i : order) {
    ClaimMember m{s[i].article, s[i].sentence, s[i].source, 0};
    double sum = 0;
    size_t count = 0;
    for (uint32_t j : order) {
      if (s[j].source == s[i].source) continue;
      sum += scores->Get(i, j);
      ++count;
    }
    if (count > 0) m.score = sum / static_cast<double>(count);
    claim->members.push_back(m);
    claim->sources.push_back(s[i].source);
  }
  std::sort(claim->sources.begin(), claim->sources.end());
  claim->sources.erase(std::unique(claim->sources.begin(), claim->sources.end()),
                       claim->sources.end());
  for (uint32_t src : story_sources) {
    if (!std::binary_search(claim->sources.begin(), claim->sources.end(), src)) {
      claim->omitted.push_back(src);
    }
  }
  std::sort(claim->omitted.begin(), claim->omitted.end());
  claim->omitted.erase(std::unique(claim->omitted.begin(), claim->omitted.end()),
                       claim->omitted.end());

  if (order.size() < 2) return;
  std::vector<SentenceVoice> voices;
  voices.reserve(order.size());
  for (uint32_t i : order) voices.push_back(FindVoice(*s[i].features, s[i].text, s[i].base));
  for (uint32_t x = 0; x < order.size(); ++x) {
    for (uint32_t y = x + 1; y < order.size(); ++y) {
      const ClaimSentence& a = s[order[x]];
      const ClaimSentence& b = s[order[y]];
      if (a.source == b.source) continue;
      for (Discrepancy& d : FindDiscrepancies(*a.features, *b.features)) {
        claim->discrepancies.push_back({x, y, std::move(d)});
      }
      for (Discrepancy& d : FindVoiceDiscrepancies(voices[x], voices[y])) {
        claim->discrepancies.push_back({x, y, std::move(d)});
      }
    }
  }
}

}  // namespace

std::vector<ScoredPair> ScoreCandidates(const std::vector<SentenceFeatures>& features,
                                        const std::vector<uint32_t>& sources,
                                        const SimilarityModel& model,
                                        const CandidateOptions& options, int threads) {
  std::vector<CandidatePair> pairs = FindCandidates(features, sources, model, options);
  std::vector<ScoredPair> out(pairs.size());
  constexpr size_t kChunk = 256;
  ParallelFor((pairs.size() + kChunk - 1) / kChunk, threads, [&](size_t chunk) {
    const size_t end = std::min(pairs.size(), (chunk + 1) * kChunk);
    for (size_t k = chunk * kChunk; k < end; ++k) {
      const CandidatePair& p = pairs[k];
      out[k] = {p.a, p.b, static_cast<float>(model.Score(features[p.a], features[p.b]))};
    }
  });
  return out;
}

std::vector<Claim> ClusterClaims(const std::vector<ClaimSentence>& sentences,
                                 const std::vector<uint32_t>& story_sources,
                                 const SimilarityModel& model, const ClaimOptions& options,
                                 const std::vector<ScoredPair>* scored) {
  const size_t n = sentences.size();
  const double edge_threshold =
      options.edge_threshold >= 0 ? options.edge_threshold : model.rules().claim_threshold;
  const double best_threshold =
      std::min(edge_threshold, options.best_threshold >= 0 ? options.best_threshold
                                                           : model.rules().claim_best_threshold);
  const double average_threshold =
      options.average_threshold >= 0 ? options.average_threshold : best_threshold;

  std::vector<ScoredPair> own;
  if (scored == nullptr) {
    std::vector<SentenceFeatures> features;
    std::vector<uint32_t> sources;
    features.reserve(n);
    for (const ClaimSentence& s : sentences) {
      features.push_back(*s.features);
      sources.push_back(s.source);
    }
    own = ScoreCandidates(features, sources, model, options.candidates, options.threads);
    scored = &own;
  }

  PairScores scores(sentences, model);
  // best[(i, source)]: the best score of sentence i with a sentence of that source.
  std::unordered_map<uint64_t, float> best;
  auto best_key = [&](uint32_t i, uint32_t other) {
    return (static_cast<uint64_t>(i) << 32) | sentences[other].source;
  };
  std::vector<ScoredPair> valid;
  for (const ScoredPair& p : *scored) {
    if (p.a >= n || p.b >= n || p.a == p.b) continue;
    if (sentences[p.a].source == sentences[p.b].source) continue;
    scores.Add(p.a, p.b, p.score);
    valid.push_back(p);
    for (auto [i, j] : {std::pair(p.a, p.b), std::pair(p.b, p.a)}) {
      auto [it, inserted] = best.try_emplace(best_key(i, j), p.score);
      if (!inserted) it->second = std::max(it->second, p.score);
    }
  }
  std::vector<ScoredPair> edges;
  for (const ScoredPair& p : valid) {
    const bool best_match =
        p.score >= best[best_key(p.a, p.b)] || p.score >= best[best_key(p.b, p.a)];
    if (p.score >= edge_threshold || (best_match && p.score >= best_threshold)) {
      edges.push_back(p);
    }
  }
  std::sort(edges.begin(), edges.end(), [](const ScoredPair& p, const ScoredPair& q) {
    if (p.score != q.score) return p.score > q.score;
    return p.a != q.a ? p.a < q.a : p.b < q.b;
  });

  // cluster_of[i] is sentence i's cluster; clusters[c] its members (empty once merged away).
  std::vector<uint32_t> cluster_of(n);
  std::iota(cluster_of.begin(), cluster_of.end(), 0u);
  std::vector<std::vector<uint32_t>> clusters(n);
  for (uint32_t i = 0; i < n; ++i) clusters[i] = {i};
  for (const ScoredPair& e : edges) {
    uint32_t x = cluster_of[e.a];
    uint32_t y = cluster_of[e.b];
    if (x == y) continue;
    if (!MayJoin(clusters[x], clusters[y], sentences, options, average_threshold, &scores)) {
      continue;
    }
    if (clusters[x].size() < clusters[y].size()) std::swap(x, y);
    for (uint32_t i : clusters[y]) cluster_of[i] = x;
    clusters[x].insert(clusters[x].end(), clusters[y].begin(), clusters[y].end());
    clusters[y].clear();
  }

  std::vector<Claim> claims;
  for (const std::vector<uint32_t>& c : clusters) {
    if (c.empty()) continue;
    claims.emplace_back();
    FillClaim(c, sentences, story_sources, &scores, &claims.back());
  }
  NumberClaims(&claims);
  return claims;
}

void NumberClaims(std::vector<Claim>* claims) {
  std::sort(claims->begin(), claims->end(), [](const Claim& p, const Claim& q) {
    const ClaimMember& a = p.members.front();
    const ClaimMember& b = q.members.front();
    return a.article != b.article ? a.article < b.article : a.sentence < b.sentence;
  });
  for (size_t i = 0; i < claims->size(); ++i) (*claims)[i].id = "c" + std::to_string(i + 1);
}

}  // namespace parallax
