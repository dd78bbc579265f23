#include "engine/pipeline/indexing.h"

#include "engine/text/aliases.h"

namespace parallax {

Status AddCorpusToIndex(const Corpus& corpus, const Resources& resources, SentenceIndex* index,
                        const std::function<void(size_t, size_t)>& progress) {
  if (resources.aliases == nullptr)
    return Status::InvalidInput("AddCorpusToIndex: the aliases were not loaded");
  const AliasTable& aliases = *resources.aliases;
  // The names as query synonyms ("Beijing" finds "China"); written only when they changed.
  PARALLAX_RETURN_IF_ERROR(index->SetEntityAliases(EntityAliases(aliases)));
  const size_t total = corpus.articles.size();
  for (size_t i = 0; i < total; ++i) {
    const Article& article = corpus.articles[i];
    const std::vector<Sentence>& sentences = corpus.sentences[i];
    Status status =
        index->AddArticle(article, sentences, FindEntityNames(aliases, article, sentences));
    if (!status.ok()) return status.WithContext(article.origin);
    if (progress) progress(i + 1, total);
  }
  return index->Commit();
}

}  // namespace parallax
