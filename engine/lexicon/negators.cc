#include "engine/lexicon/negators.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/lexicon/lexicon.h"
#include "engine/yaml/yaml_tree.h"

namespace parallax {

namespace {

void SortUnique(std::vector<std::string>* words) {
  std::sort(words->begin(), words->end());
  words->erase(std::unique(words->begin(), words->end()), words->end());
}

bool Listed(const std::vector<std::string>& sorted, std::string_view norm) {
  return std::binary_search(sorted.begin(), sorted.end(), norm);
}

}  // namespace

Negators::Negators(const Lexicon& lexicon) {
  for (const LexiconEntry& e : lexicon.entries()) {
    if (e.role != EntryRole::kNegator) continue;
    for (const PatternSlot& slot : e.pattern.slots) {
      words_.insert(words_.end(), slot.words.begin(), slot.words.end());
      if (e.negates_clause) {
        clause_words_.insert(clause_words_.end(), slot.words.begin(), slot.words.end());
      }
    }
  }
  SortUnique(&words_);
  SortUnique(&clause_words_);
}

StatusOr<Negators> Negators::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("negator file not found: " + path);
  }
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path));
  Lexicon lexicon;
  PARALLAX_RETURN_IF_ERROR(lexicon.AddFile(root, std::filesystem::path(path).stem().string()));
  const YamlNode* category = root.Find("category");
  if (category->scalar != "negator") {
    return category->Error("a negator file has 'category: negator', not '" + category->scalar +
                           "'");
  }
  return Negators(lexicon);
}

bool Negators::Contains(std::string_view norm) const {
  return norm.ends_with("n't") || Listed(words_, norm);
}

bool Negators::NegatesClause(std::string_view norm) const {
  return norm.ends_with("n't") || Listed(clause_words_, norm);
}

}  // namespace parallax
