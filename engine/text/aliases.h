// AliasTable: names of the same entity mapped to one canonical name, from rules/aliases.yaml.
//
// "Beijing", "PRC" and "China" all become "China"; "COAS" and "Field Marshal Asim Munir" become
// "Asim Munir". The index stores canonical names as terms, and the aligner compares them, so that
// sentences naming one entity differently still meet.
//
// File format (documented again at the top of rules/aliases.yaml):
//   entities:
//     - name: China                 # canonical name (required)
//       kind: country               # optional free label: person, country, organisation, place
//       aliases: [Beijing, PRC]     # other names (the canonical name always matches itself)
//       case_sensitive: [Chinese]   # optional: aliases that match only with this exact case
// Matching is by whole tokens (see tokenizer.h), case-insensitive unless listed under
// case_sensitive, ignores a trailing possessive "'s", and prefers the longest alias at a position.
//
// Thread safety: immutable after Load; Find may be called from several threads at once.
#ifndef PARALLAX_ENGINE_TEXT_ALIASES_H_
#define PARALLAX_ENGINE_TEXT_ALIASES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/base/span.h"
#include "engine/base/status.h"
#include "engine/text/tokenizer.h"

namespace parallax {

struct EntityMention {
  Span span;              // bytes of the mention, from its first token's start to its last's end
  std::string canonical;  // the entity's canonical name
  std::string kind;       // as given in the file, may be empty
};

class AliasTable {
 public:
  AliasTable() = default;  // empty: finds nothing

  // Loads rules/aliases.yaml (or any file of that format). Errors name file:line:column;
  // an alias given to two different entities is an error.
  static StatusOr<AliasTable> Load(const std::string& path);

  // Returns the entity mentions among `tokens`, in text order, never overlapping.
  std::vector<EntityMention> Find(const std::vector<Token>& tokens) const;

  // Returns the canonical name for a single alias phrase, or "" when unknown.
  std::string Canonical(std::string_view phrase) const;

  size_t size() const { return entities_.size(); }

  // Every name of every entity as {phrase, canonical name}, in file order: the entity's name
  // (as its own alias), then its `aliases`. Case-sensitive aliases are left out: they are exact
  // forms, not names a query would use.
  const std::vector<std::pair<std::string, std::string>>& Names() const { return names_; }

 private:
  struct Entity {
    std::string name;
    std::string kind;
  };
  struct Alias {
    std::vector<std::string> words;  // normalised tokens
    bool case_sensitive = false;
    std::vector<std::string> exact;  // original-case tokens when case_sensitive
    size_t entity = 0;
  };

  Status AddAlias(const std::string& phrase, bool case_sensitive, size_t entity,
                  const std::string& where);

  std::vector<Entity> entities_;
  std::vector<Alias> aliases_;
  std::vector<std::pair<std::string, std::string>> names_;
  // First normalised word -> aliases starting with it, longest first.
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_TEXT_ALIASES_H_
