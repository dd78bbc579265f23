#include "engine/pipeline/corpus.h"

#include <thread>

#include "engine/base/parallel_for.h"
#include "engine/ingest/article_reader.h"

namespace parallax {

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

StatusOr<Corpus> SplitArticles(std::vector<Article> articles, const Resources& resources,
                               const CorpusOptions& options) {
  StageClock clock;
  const SentenceSplitter* splitter = resources.splitter.get();
  if (splitter == nullptr) return Status::InvalidInput("the segmentation rules were not loaded");
  Corpus corpus;
  corpus.sentences.resize(articles.size());
  ParallelFor(articles.size(), ResolveThreads(options.threads), [&](size_t i) {
    corpus.sentences[i] = splitter->Split(articles[i].text, articles[i].paragraphs);
  });
  corpus.articles = std::move(articles);
  corpus.stories.assign(corpus.articles.size(), "");
  corpus.times.Add("split", clock.Lap());
  return corpus;
}

StatusOr<Corpus> LoadCorpus(const std::vector<std::string>& inputs, const Resources& resources,
                            const CorpusOptions& options) {
  StageClock clock;
  if (resources.boilerplate == nullptr)
    return Status::InvalidInput("the boilerplate rules were not loaded");
  ReadOptions read_options;
  read_options.skip_bad_articles = options.skip_bad_articles;
  read_options.allow_outside_paths = options.allow_outside_paths;
  read_options.threads = ResolveThreads(options.threads);
  ArticleReader reader(*resources.boilerplate, read_options);
  PARALLAX_ASSIGN_OR_RETURN(ReadResult read, reader.ReadAll(inputs));
  StageTimes times;
  times.Add("read", clock.Lap());
  PARALLAX_ASSIGN_OR_RETURN(Corpus corpus,
                            SplitArticles(std::move(read.articles), resources, options));
  times.Append(corpus.times);
  corpus.times = std::move(times);
  corpus.title = std::move(read.title);
  corpus.stories = std::move(read.stories);
  corpus.skipped = std::move(read.skipped);
  return corpus;
}

}  // namespace parallax
