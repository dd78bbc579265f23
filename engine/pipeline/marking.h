// Marking a whole corpus: every sentence of every article through the lexicon Marker, on all
// cores. The result does not depend on the thread count.
#ifndef PARALLAX_ENGINE_PIPELINE_MARKING_H_
#define PARALLAX_ENGINE_PIPELINE_MARKING_H_

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/lexicon/mark.h"
#include "engine/lexicon/marker.h"
#include "engine/pipeline/corpus.h"

namespace parallax {

// marks[a][s] are the marks of corpus.sentences[a][s], ordered by start offset.
using CorpusMarks = std::vector<std::vector<std::vector<Mark>>>;

CorpusMarks MarkCorpus(const Corpus& corpus, const Marker& marker, int threads);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_MARKING_H_
