#include "engine/pipeline/marking.h"

#include "engine/base/parallel_for.h"

namespace parallax {

CorpusMarks MarkCorpus(const Corpus& corpus, const Marker& marker, int threads) {
  CorpusMarks marks(corpus.articles.size());
  ParallelFor(corpus.articles.size(), ResolveThreads(threads), [&](size_t a) {
    const std::vector<Sentence>& sentences = corpus.sentences[a];
    marks[a].resize(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) {
      marks[a][s] = marker.MarkSentence(corpus.articles[a].text, sentences[s]);
    }
  });
  return marks;
}

StatusOr<std::unique_ptr<Marker>> LoadMarker(const std::string& data_dir) {
  PARALLAX_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::LoadDir(data_dir + "/lexicons"));
  return std::make_unique<Marker>(lexicon);
}

}  // namespace parallax
