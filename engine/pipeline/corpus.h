// Corpus: the articles of a run and their sentences, read and split in one call.
//
// LoadCorpus is where the ingest and segment stages meet; the CLI, the index, the aligner and
// the reports all start from a Corpus. Articles are read and split on `threads` threads; the
// result does not depend on the thread count (articles keep input order).
//
// Thread safety: a Corpus is a value; LoadCorpus holds no global state.
#ifndef PARALLAX_ENGINE_PIPELINE_CORPUS_H_
#define PARALLAX_ENGINE_PIPELINE_CORPUS_H_

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/ingest/article.h"
#include "engine/pipeline/resources.h"
#include "engine/pipeline/stage_times.h"
#include "engine/segment/sentence.h"

namespace parallax {

struct CorpusOptions {
  // Batch mode: report and skip articles that cannot be read instead of failing.
  bool skip_bad_articles = false;
  // Worker threads for reading and splitting; 0 means one per core.
  int threads = 0;
  // Let manifests name files outside their folder (ReadOptions::allow_outside_paths).
  bool allow_outside_paths = false;
};

struct Corpus {
  std::string title;                             // the manifest's title, or ""
  std::vector<Article> articles;                 // in input order
  std::vector<std::vector<Sentence>> sentences;  // sentences[i] are articles[i]'s
  std::vector<std::string> stories;              // per article: story label from the input, or ""
  std::vector<std::string> skipped;              // messages for articles skipped (batch mode)
  StageTimes times;                              // "read", "split": wall seconds of LoadCorpus
};

// Reads the inputs (manifests, article files, JSONL files, directories) and splits every
// article into sentences, with the reading part of `resources` (boilerplate and segmentation
// rules).
StatusOr<Corpus> LoadCorpus(const std::vector<std::string>& inputs, const Resources& resources,
                            const CorpusOptions& options);

// Splits articles already in memory (for `mark` on stdin and for tests).
StatusOr<Corpus> SplitArticles(std::vector<Article> articles, const Resources& resources,
                               const CorpusOptions& options);

// Resolves threads = 0 to the number of cores (at least 1).
int ResolveThreads(int threads);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_CORPUS_H_
