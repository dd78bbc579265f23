// The Xapian synonyms that let plain query words name entities (SentenceIndex::
// SetEntityAliases). Internal to engine/index; the format is described in schema.h and
// engine/index/README.md.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_INDEX_ENTITY_SYNONYMS_H_
#define PARALLAX_ENGINE_INDEX_ENTITY_SYNONYMS_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/index/sentence_index.h"

namespace parallax {

// (key, entity term) pairs, sorted, without duplicates: for every alias and every canonical
// name, schema::SynonymKey of it and of its possessive ("beijing's", which the alias table
// matches in text too) -> the entity's XE term. Names without a key are left out.
using SynonymList = std::vector<std::pair<std::string, std::string>>;
SynonymList EntitySynonyms(const std::vector<EntityAlias>& aliases);

// A short string that changes whenever `synonyms` does.
std::string SynonymsFingerprint(const SynonymList& synonyms);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_ENTITY_SYNONYMS_H_
