// Story grouping: which articles report the same event, from how many of their sentences have a
// close counterpart in the other article, and from their dates.
//
// Article similarity, for two articles i and j of different sources:
//   shared(i, j) = sentences of i with a scored pair into j at least `sentence_threshold`
//   sim(i, j)    = (shared(i, j) + shared(j, i)) / (sentences(i) + sentences(j))
// multiplied by `date_penalty` when both dates are known and more than `max_date_gap_days`
// apart. The pairs are the sentence candidates of the whole corpus (claim_clusters.h:
// ScoreCandidates), so no article pair is compared in full and the cost follows the candidates.
//
// Clustering: average-linkage agglomeration, merging the two clusters with the highest mean
// similarity over their article pairs of different sources (pairs of one source are unknown, not
// dissimilar: candidates never link them) while that mean is at least `link_threshold`. Ties
// break on the smaller article numbers, so the result is deterministic.
//
// Thread safety: a pure function.
#ifndef PARALLAX_ENGINE_ALIGN_STORY_GROUPING_H_
#define PARALLAX_ENGINE_ALIGN_STORY_GROUPING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/align/claim_clusters.h"

namespace parallax {

struct StoryArticle {
  uint32_t source = 0;
  std::string date;        // YYYY-MM-DD (longer ISO strings are cut), or "" when unknown
  uint32_t sentences = 0;  // sentences taking part (headings excluded)
};

// Defaults chosen on BASIL (150 articles, 50 events; scripts/eval_stories.py): ARI 1.0 at these
// values, >= 0.97 for link_threshold in [0.02, 0.06].
struct StoryOptions {
  double sentence_threshold = 0.25;
  double link_threshold = 0.03;
  int max_date_gap_days = 7;
  double date_penalty = 0.25;
};

// A weighted link between two articles (a < b), for inspection and tests.
struct ArticleLink {
  uint32_t a = 0;
  uint32_t b = 0;
  double similarity = 0;
};

// Returns the article similarities above 0 (see the file comment), sorted by (a, b).
// `sentence_article[i]` is the article of sentence i, the sentence numbering of `pairs`.
std::vector<ArticleLink> ArticleSimilarities(const std::vector<StoryArticle>& articles,
                                             const std::vector<uint32_t>& sentence_article,
                                             const std::vector<ScoredPair>& pairs,
                                             const StoryOptions& options);

// Returns each article's story number; stories are numbered 0, 1, ... by their first article.
std::vector<uint32_t> GroupStories(const std::vector<StoryArticle>& articles,
                                   const std::vector<uint32_t>& sentence_article,
                                   const std::vector<ScoredPair>& pairs,
                                   const StoryOptions& options);

// Days between two YYYY-MM-DD dates (absolute), or -1 when either does not parse.
int DaysApart(const std::string& a, const std::string& b);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_STORY_GROUPING_H_
