#include "engine/align/story_grouping.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace parallax {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long DaysFromCivil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool ParseDate(const std::string& s, long* days) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const long y = std::atol(s.substr(0, 4).c_str());
  const unsigned m = static_cast<unsigned>(std::atoi(s.substr(5, 2).c_str()));
  const unsigned d = static_cast<unsigned>(std::atoi(s.substr(8, 2).c_str()));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *days = DaysFromCivil(y, m, d);
  return true;
}

uint64_t Key(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

}  // namespace

int DaysApart(const std::string& a, const std::string& b) {
  long x = 0;
  long y = 0;
  if (!ParseDate(a, &x) || !ParseDate(b, &y)) return -1;
  return static_cast<int>(std::labs(x - y));
}

std::vector<std::pair<int32_t, float>> ArticleTerms(std::span<const SentenceFeatures> sentences,
                                                    const SentenceFeatures* title,
                                                    double title_weight) {
  // All (term, weight) entries, sorted and summed per term: cheaper than a map of sums.
  std::vector<std::pair<int32_t, double>> entries;
  for (const SentenceFeatures& f : sentences) {
    for (const auto& [term, weight] : f.vector) entries.emplace_back(term, weight);
  }
  if (title != nullptr) {
    for (const auto& [term, weight] : title->vector)
      entries.emplace_back(term, title_weight * weight);
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::pair<int32_t, double>> sum;
  for (const auto& [term, weight] : entries) {
    if (!sum.empty() && sum.back().first == term) {
      sum.back().second += weight;
    } else {
      sum.emplace_back(term, weight);
    }
  }
  double norm = 0;
  for (const auto& [term, weight] : sum) norm += weight * weight;
  norm = std::sqrt(norm);
  std::vector<std::pair<int32_t, float>> out;
  if (norm <= 0) return out;
  out.reserve(sum.size());
  for (const auto& [term, weight] : sum) out.emplace_back(term, static_cast<float>(weight / norm));
  return out;
}

std::vector<ArticleLink> ArticleSimilarities(const std::vector<StoryArticle>& articles,
                                             const std::vector<uint32_t>& sentence_article,
                                             const std::vector<ScoredPair>& pairs,
                                             const StoryOptions& options) {
  // The article pairs the candidates pair (runs of pairs between the same two articles are
  // common), as a sorted list of keys: 8 bytes each, where a hash map took about 40.
  std::vector<uint64_t> keys;
  // For each ordered (sentence, other article): does the sentence have a strong pair there?
  std::unordered_set<uint64_t> strong;            // (sentence, article)
  std::unordered_map<uint64_t, uint32_t> shared;  // (article a, article b), a < b -> count
  auto note = [&](uint32_t sentence, uint32_t other) {
    if (!strong.insert(Key(sentence, other)).second) return;
    uint32_t mine = sentence_article[sentence];
    ++shared[Key(std::min(mine, other), std::max(mine, other))];
  };
  for (const ScoredPair& p : pairs) {
    if (p.a >= sentence_article.size() || p.b >= sentence_article.size()) continue;
    const uint32_t aa = sentence_article[p.a];
    const uint32_t ab = sentence_article[p.b];
    if (aa == ab || aa >= articles.size() || ab >= articles.size()) continue;
    if (articles[aa].source == articles[ab].source) continue;
    const uint64_t articles_key = Key(std::min(aa, ab), std::max(aa, ab));
    if (keys.empty() || keys.back() != articles_key) keys.push_back(articles_key);
    if (p.score < options.sentence_threshold) continue;
    note(p.a, ab);
    note(p.b, aa);
  }
  std::unordered_set<uint64_t>().swap(strong);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  keys.shrink_to_fit();
  // Articles in (a, b) order, so that each article's terms are spread into a dense row once and
  // every partner's cosine is a lookup per term (not a merge of two lists).
  int32_t max_term = -1;
  for (const StoryArticle& article : articles) {
    if (!article.terms.empty()) max_term = std::max(max_term, article.terms.back().first);
  }
  std::vector<float> row(static_cast<size_t>(max_term + 1), 0.0f);
  std::vector<long> days(articles.size(), 0);
  std::vector<char> dated(articles.size(), 0);
  for (size_t i = 0; i < articles.size(); ++i) dated[i] = ParseDate(articles[i].date, &days[i]);
  std::vector<ArticleLink> out;

  uint32_t spread = UINT32_MAX;  // the article whose terms are in `row`
  auto set_row = [&](uint32_t article, bool on) {
    for (const auto& [term, weight] : articles[article].terms) {
      if (term >= 0) row[static_cast<size_t>(term)] = on ? weight : 0.0f;
    }
  };
  for (const uint64_t key : keys) {
    const auto it = shared.find(key);
    const uint32_t count = it == shared.end() ? 0 : it->second;
    const uint32_t a = static_cast<uint32_t>(key >> 32);
    const uint32_t b = static_cast<uint32_t>(key & 0xffffffffu);
    const double total = static_cast<double>(articles[a].sentences) + articles[b].sentences;
    if (total <= 0) continue;
    const double share = std::min(1.0, count / total);
    double sim = share;
    if (!articles[a].terms.empty() && !articles[b].terms.empty()) {
      if (spread != a) {
        if (spread != UINT32_MAX) set_row(spread, false);
        set_row(a, true);
        spread = a;
      }
      double cos = 0;
      for (const auto& [term, weight] : articles[b].terms) {
        if (term >= 0) cos += static_cast<double>(row[static_cast<size_t>(term)]) * weight;
      }
      sim =
          cos < options.min_cosine ? 0 : options.cosine_weight * cos + options.share_weight * share;
    }
    if (dated[a] && dated[b] && std::labs(days[a] - days[b]) > options.max_date_gap_days) {
      sim *= options.date_penalty;
    }
    if (sim > 0) out.push_back({a, b, sim});
  }
  std::sort(out.begin(), out.end(), [](const ArticleLink& p, const ArticleLink& q) {
    return p.a != q.a ? p.a < q.a : p.b < q.b;
  });
  return out;
}

std::vector<uint32_t> GroupStories(const std::vector<StoryArticle>& articles,
                                   const std::vector<uint32_t>& sentence_article,
                                   const std::vector<ScoredPair>& pairs,
                                   const StoryOptions& options) {
  const uint32_t n = static_cast<uint32_t>(articles.size());
  // Clusters are named by their smallest article; a merged-away cluster is dead.
  std::vector<std::vector<uint32_t>> members(n);
  std::vector<std::map<uint32_t, uint32_t>> per_source(n);
  std::vector<std::unordered_map<uint32_t, double>> sums(n);  // neighbour -> summed similarity
  std::vector<uint32_t> version(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    members[i] = {i};
    per_source[i][articles[i].source] = 1;
  }
  for (const ArticleLink& l : ArticleSimilarities(articles, sentence_article, pairs, options)) {
    sums[l.a][l.b] += l.similarity;
    sums[l.b][l.a] += l.similarity;
  }
  auto mean = [&](uint32_t x, uint32_t y, double sum) {
    uint64_t pairs_count = static_cast<uint64_t>(members[x].size()) * members[y].size();
    for (const auto& [source, count] : per_source[x]) {
      auto it = per_source[y].find(source);
      if (it != per_source[y].end()) pairs_count -= static_cast<uint64_t>(count) * it->second;
    }
    return pairs_count == 0 ? 0.0 : sum / static_cast<double>(pairs_count);
  };

  // (mean, -x, -y, version x, version y): the best mean first, then the smallest names.
  using Entry = std::tuple<double, int64_t, int64_t, uint32_t, uint32_t>;
  std::priority_queue<Entry> queue;
  auto push = [&](uint32_t x, uint32_t y) {
    if (x > y) std::swap(x, y);
    const double m = mean(x, y, sums[x][y]);
    if (m >= options.link_threshold) {
      queue.emplace(m, -static_cast<int64_t>(x), -static_cast<int64_t>(y), version[x], version[y]);
    }
  };
  for (uint32_t x = 0; x < n; ++x) {
    for (const auto& [y, sum] : sums[x]) {
      if (x < y) push(x, y);
    }
  }
  while (!queue.empty()) {
    auto [m, nx, ny, vx, vy] = queue.top();
    queue.pop();
    const uint32_t x = static_cast<uint32_t>(-nx);
    const uint32_t y = static_cast<uint32_t>(-ny);
    if (members[x].empty() || members[y].empty() || version[x] != vx || version[y] != vy) continue;
    // Merge y into x (x < y keeps clusters named by their smallest article).
    members[x].insert(members[x].end(), members[y].begin(), members[y].end());
    members[y].clear();
    for (const auto& [source, count] : per_source[y]) per_source[x][source] += count;
    per_source[y].clear();
    for (const auto& [z, sum] : sums[y]) {
      if (z == x) continue;
      sums[x][z] += sum;
      sums[z][x] += sum;
      sums[z].erase(y);
    }
    sums[y].clear();
    sums[x].erase(y);
    ++version[x];
    ++version[y];
    for (const auto& [z, sum] : sums[x]) push(x, z);
  }

  std::vector<uint32_t> story(n, 0);
  uint32_t next = 0;
  for (uint32_t x = 0; x < n; ++x) {  // clusters by their smallest article = first appearance
    if (members[x].empty()) continue;
    for (uint32_t a : members[x]) story[a] = next;
    ++next;
  }
  return story;
}

}  // namespace parallax
