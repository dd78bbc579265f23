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

}  // namespace parallax
