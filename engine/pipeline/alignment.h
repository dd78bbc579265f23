// Aligning a corpus: its articles grouped into stories (optional) and, within each story, its
// sentences grouped into claims with the sources carrying and omitting each, and where the
// versions differ (engine/align/claim_clusters.h, story_grouping.h).
//
// Steps: the similarity model is built from the corpus's own sentences (IDF from them), every
// non-heading sentence is featurized (on `threads` threads), candidate pairs of the whole corpus
// are found once and scored once, then stories are grouped from those scores (or all articles
// make one story) and claims are clustered story by story (stories in parallel). The result
// does not depend on the thread count.
//
// Sources: articles with the same non-empty Article::source are one source; an article without
// a source is a source of its own (named by its id, or "article <n>").
//
// Thread safety: AlignCorpus holds no global state; the resources are only read.
#ifndef PARALLAX_ENGINE_PIPELINE_ALIGNMENT_H_
#define PARALLAX_ENGINE_PIPELINE_ALIGNMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/align/claim_clusters.h"
#include "engine/align/similarity_model.h"
#include "engine/align/story_grouping.h"
#include "engine/base/status.h"
#include "engine/pipeline/corpus.h"
#include "engine/pipeline/marking.h"
#include "engine/pipeline/stage_times.h"

namespace parallax {

struct AlignOptions {
  int threads = 0;  // 0: one per core
  // false: all articles are one story. true: stories are grouped by content, except that
  // articles the input labels with a story (corpus.stories, a JSONL "story" field) are grouped
  // by their label.
  bool group_stories = false;
  ClaimOptions claims;  // thresholds left negative come from rules/similarity.yaml
  StoryOptions stories;
  // The corpus's marks (MarkCorpus), or null. With them each sentence's certainty (stated,
  // attributed, hedged: align/certainty.h) comes from the lexicon's marks and claims show
  // certainty drift; without them, none. Not owned; must outlive the call.
  const CorpusMarks* marks = nullptr;
};

struct AlignedStory {
  std::string id;                  // "s1", "s2", ... by first article
  std::vector<uint32_t> articles;  // corpus article indices, ascending
  std::vector<uint32_t> sources;   // source ids of those articles, sorted, distinct
};

struct Alignment {
  std::vector<std::string> sources;      // source names; a source id indexes this
  std::vector<uint32_t> article_source;  // per article: its source id
  std::vector<uint32_t> article_story;   // per article: index into `stories`
  std::vector<AlignedStory> stories;
  // Claims of all stories, ordered and named as NumberClaims does (claim_clusters.h);
  // Claim::story indexes `stories`, ClaimMember::article indexes corpus.articles and
  // ClaimMember::sentence indexes corpus.sentences[article].
  std::vector<Claim> claims;
  // Wall seconds of the steps: "model", "features", "candidates", "stories",
  // "claims".
  StageTimes times;
};

// Aligns the corpus with the alignment part of `resources` (similarity rules, WordNet,
// aliases); InvalidInput when that part was not loaded.
StatusOr<Alignment> AlignCorpus(const Corpus& corpus, const Resources& resources,
                                const AlignOptions& options);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_ALIGNMENT_H_
