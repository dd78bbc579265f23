// Indexing a corpus: every article of a Corpus added to a lasting sentence index, with the
// canonical entity names of the loaded aliases (Resources::aliases), one transaction per
// article (index/).
#ifndef PARALLAX_ENGINE_PIPELINE_INDEXING_H_
#define PARALLAX_ENGINE_PIPELINE_INDEXING_H_

#include <functional>
#include <string>

#include "engine/base/status.h"
#include "engine/index/sentence_index.h"
#include "engine/pipeline/corpus.h"

namespace parallax {

// Adds (or replaces, by id) every article of `corpus` in `index`, then commits. `progress`, when
// set, is called after each article with (articles done, total). Returns the first error,
// naming the article's origin; articles added before it stay committed.
Status AddCorpusToIndex(const Corpus& corpus, const Resources& resources, SentenceIndex* index,
                        const std::function<void(size_t, size_t)>& progress = nullptr);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_INDEXING_H_
