// FindEntityNames: the bridge from text/aliases.h to the index's entity terms.
#include <algorithm>

#include "engine/index/sentence_index.h"
#include "engine/text/aliases.h"
#include "engine/text/tokenizer.h"

namespace parallax {

std::vector<std::vector<std::string>> FindEntityNames(const AliasTable& aliases,
                                                      const Article& article,
                                                      const std::vector<Sentence>& sentences) {
  std::vector<std::vector<std::string>> names(sentences.size());
  if (aliases.size() == 0) return names;
  std::vector<Token> tokens;
  for (size_t i = 0; i < sentences.size(); ++i) {
    tokens.clear();
    Tokenize(sentences[i].span.Of(article.text), sentences[i].span.start, &tokens);
    for (EntityMention& mention : aliases.Find(tokens))
      names[i].push_back(std::move(mention.canonical));
    std::sort(names[i].begin(), names[i].end());
    names[i].erase(std::unique(names[i].begin(), names[i].end()), names[i].end());
  }
  return names;
}

}  // namespace parallax
