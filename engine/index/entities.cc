// The bridge from text/aliases.h to the index: FindEntityNames (the entity terms of each
// sentence) and EntityAliases / EntitySynonyms (the synonyms that let query words name
// entities).
#include <algorithm>
#include <cstdio>

#include "engine/index/entity_synonyms.h"
#include "engine/index/schema.h"
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

std::vector<EntityAlias> EntityAliases(const AliasTable& aliases) {
  std::vector<EntityAlias> out;
  out.reserve(aliases.Names().size());
  for (const auto& [phrase, canonical] : aliases.Names()) out.push_back({phrase, canonical});
  return out;
}

SynonymList EntitySynonyms(const std::vector<EntityAlias>& aliases) {
  SynonymList synonyms;
  for (const EntityAlias& alias : aliases) {
    const std::string key = schema::SynonymKey(alias.phrase);
    if (key.empty() || alias.canonical.empty()) continue;
    std::string term = schema::LabelTerm(schema::kEntityPrefix, schema::FoldLabel(alias.canonical));
    if (key.size() + 2 <= schema::kMaxTermBytes &&
        key.compare(key.size() - std::min<size_t>(2, key.size()), 2, "'s") != 0) {
      synonyms.emplace_back(key + "'s", term);
    }
    synonyms.emplace_back(key, std::move(term));
  }
  std::sort(synonyms.begin(), synonyms.end());
  synonyms.erase(std::unique(synonyms.begin(), synonyms.end()), synonyms.end());
  return synonyms;
}

std::string SynonymsFingerprint(const SynonymList& synonyms) {
  std::string all;
  for (const auto& [key, term] : synonyms)
    all.append(key).append(1, '\0').append(term).append(1, '\n');
  char buf[48];
  std::snprintf(buf, sizeof buf, "%zu:%016llx", synonyms.size(),
                static_cast<unsigned long long>(schema::StableHash(all)));
  return buf;
}

}  // namespace parallax
