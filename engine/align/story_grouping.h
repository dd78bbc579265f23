// Story grouping: which articles report the same event, from the words of the whole articles
// (titles included), from how many of their sentences have a close counterpart in the other
// article, and from their dates.
//
// Article similarity, for two articles i and j of different sources that the sentence
// candidates of the whole corpus pair at least once (claim_clusters.h: ScoreCandidates; no
// other article pair is compared, so the cost follows the candidates):
//   cos(i, j)    = cosine of the articles' terms (StoryArticle::terms: their sentences' TF-IDF
//                  vectors summed, the title's counted `title_weight` times)
//   shared(i, j) = sentences of i with a scored pair into j at least `sentence_threshold`
//   share(i, j)  = (shared(i, j) + shared(j, i)) / (sentences(i) + sentences(j))
//   sim(i, j)    = 0 when cos < min_cosine, else
//                  cosine_weight * cos + share_weight * share
// (share alone when either article's terms are unknown), multiplied by `date_penalty` when
// both dates are known and more than `max_date_gap_days` apart. The article words keep stories
// that share background sentences apart (three Russia-investigation stories restating the same
// history; same-people stories on AllSides), the shared sentences join reports of one event
// told with other words.
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
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/align/claim_clusters.h"
#include "engine/align/sentence_features.h"

namespace parallax {

struct StoryArticle {
  uint32_t source = 0;
  std::string date;        // YYYY-MM-DD (longer ISO strings are cut), or "" when unknown
  uint32_t sentences = 0;  // sentences taking part (headings excluded)
  // The article's words (ArticleTerms), sorted by term; empty when unknown.
  std::vector<std::pair<int32_t, float>> terms = {};
};

// Returns the terms of an article: the sum of its sentences' TF-IDF vectors (SentenceFeatures::
// vector) and `title_weight` times its title's, L2-normalised, sorted by term.
std::vector<std::pair<int32_t, float>> ArticleTerms(std::span<const SentenceFeatures> sentences,
                                                    const SentenceFeatures* title,
                                                    double title_weight);

// Defaults chosen on the dev data (scripts/eval_stories.py: BASIL, 150 articles, 50 events;
// scripts/eval_story_grouping.py: ECB+ dev sub-topics, NeuS dev), adjusted Rand index
// 1.000 / 0.885 / 0.694 at these values, where the share alone gave 1.000 / 0.830 / 0.408 and
// a TF-IDF article clustering gives 0.766 / 0.632 on the last two. A mean similarity of
// link_threshold is a mean cosine of 0.3 with no sentence shared.
struct StoryOptions {
  double sentence_threshold = 0.25;
  double link_threshold = 0.03;
  int max_date_gap_days = 7;
  double date_penalty = 0.25;
  double min_cosine = 0.2;
  double cosine_weight = 0.1;
  double share_weight = 0.02;
  double title_weight = 2;  // for callers building StoryArticle::terms
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
