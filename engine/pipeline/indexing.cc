#include "engine/pipeline/indexing.h"

#include "engine/text/aliases.h"

namespace parallax {

Status AddCorpusToIndex(const Corpus& corpus, const std::string& data_dir, SentenceIndex* index,
                        const std::function<void(size_t, size_t)>& progress) {
  PARALLAX_ASSIGN_OR_RETURN(AliasTable aliases, AliasTable::Load(data_dir + "/rules/aliases.yaml"));
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
