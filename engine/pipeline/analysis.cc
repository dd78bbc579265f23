#include "engine/pipeline/analysis.h"

namespace parallax {

StatusOr<Analysis> AnalyzeCorpus(Corpus corpus, const Resources& resources,
                                 const AnalysisOptions& options) {
  Analysis analysis;
  analysis.times = corpus.times;
  if (resources.marker == nullptr)
    return Status::InvalidInput("AnalyzeCorpus: the lexicons were not loaded");
  StageClock clock;
  analysis.marks = MarkCorpus(corpus, *resources.marker, options.threads);
  analysis.times.Add("mark", clock.Lap());
  AlignOptions align;
  align.threads = options.threads;
  align.group_stories = options.group_stories;
  align.marks = &analysis.marks;
  PARALLAX_ASSIGN_OR_RETURN(analysis.alignment, AlignCorpus(corpus, resources, align));
  analysis.times.Append(analysis.alignment.times, "align.");
  analysis.corpus = std::move(corpus);
  return analysis;
}

StatusOr<Analysis> Analyze(const std::vector<std::string>& inputs, const Resources& resources,
                           const AnalysisOptions& options) {
  CorpusOptions corpus_options;
  corpus_options.threads = options.threads;
  corpus_options.skip_bad_articles = options.skip_bad_articles;
  corpus_options.allow_outside_paths = options.allow_outside_paths;
  PARALLAX_ASSIGN_OR_RETURN(Corpus corpus, LoadCorpus(inputs, resources, corpus_options));
  return AnalyzeCorpus(std::move(corpus), resources, options);
}

}  // namespace parallax
