#include "engine/text/aliases.h"

#include <algorithm>

#include "engine/yaml/yaml_tree.h"

namespace parallax {
namespace {

// "china's" -> "china": possessives name the same entity.
std::string_view StripPossessive(std::string_view norm) {
  if (norm.size() > 2 && norm.substr(norm.size() - 2) == "'s")
    return norm.substr(0, norm.size() - 2);
  return norm;
}

std::vector<Token> TokensOf(std::string_view phrase) {
  std::vector<Token> tokens;
  Tokenize(phrase, 0, &tokens);
  return tokens;
}

}  // namespace

Status AliasTable::AddAlias(const std::string& phrase, bool case_sensitive, size_t entity,
                            const std::string& where) {
  std::vector<Token> tokens = TokensOf(phrase);
  if (tokens.empty()) return Status::InvalidInput(where + ": alias '" + phrase + "' has no words");
  Alias alias;
  alias.entity = entity;
  alias.case_sensitive = case_sensitive;
  for (const Token& t : tokens) {
    alias.words.emplace_back(StripPossessive(t.norm));
    if (case_sensitive) alias.exact.emplace_back(t.span.Of(phrase));
  }
  for (size_t id : by_first_word_[alias.words.front()]) {
    const Alias& other = aliases_[id];
    if (other.words == alias.words && other.case_sensitive == case_sensitive) {
      if (other.entity == entity) return Status::Ok();  // repeated for the same entity: harmless
      return Status::InvalidInput(where + ": alias '" + phrase + "' already names '" +
                                  entities_[other.entity].name + "'");
    }
  }
  aliases_.push_back(std::move(alias));
  auto& bucket = by_first_word_[aliases_.back().words.front()];
  bucket.push_back(aliases_.size() - 1);
  std::stable_sort(bucket.begin(), bucket.end(), [this](size_t a, size_t b) {
    return aliases_[a].words.size() > aliases_[b].words.size();
  });
  return Status::Ok();
}

StatusOr<AliasTable> AliasTable::Load(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path));
  AliasTable table;
  if (root.IsNull()) return table;
  if (!root.IsMap()) return root.Error("expected a map with the key 'entities'");
  for (const auto& [key, value] : root.entries) {
    if (key != "entities") return value.Error("unknown key '" + key + "' (expected 'entities')");
  }
  const YamlNode* entities = root.Find("entities");
  if (entities == nullptr || entities->IsNull()) return table;
  if (!entities->IsList()) return entities->Error("'entities' must be a list");
  for (const YamlNode& item : entities->items) {
    if (!item.IsMap()) return item.Error("each entity must be a map with 'name' and 'aliases'");
    Entity entity;
    std::vector<std::string> aliases;
    std::vector<std::string> exact;
    for (const auto& [key, value] : item.entries) {
      if (key == "name" && value.IsScalar()) {
        entity.name = value.scalar;
      } else if (key == "kind" && value.IsScalar()) {
        entity.kind = value.scalar;
      } else if (key == "aliases") {
        PARALLAX_ASSIGN_OR_RETURN(aliases, value.AsStringList());
      } else if (key == "case_sensitive") {
        PARALLAX_ASSIGN_OR_RETURN(exact, value.AsStringList());
      } else {
        return value.Error("unknown or malformed key '" + key +
                           "' (expected name, kind, aliases, case_sensitive)");
      }
    }
    if (entity.name.empty()) return item.Error("entity without a 'name'");
    size_t id = table.entities_.size();
    table.entities_.push_back(entity);
    const std::string where = item.Where();
    PARALLAX_RETURN_IF_ERROR(table.AddAlias(entity.name, false, id, where));
    table.names_.emplace_back(entity.name, entity.name);
    for (const std::string& a : aliases) {
      PARALLAX_RETURN_IF_ERROR(table.AddAlias(a, false, id, where));
      table.names_.emplace_back(a, entity.name);
    }
    for (const std::string& a : exact) PARALLAX_RETURN_IF_ERROR(table.AddAlias(a, true, id, where));
  }
  return table;
}

std::vector<EntityMention> AliasTable::Find(const std::vector<Token>& tokens) const {
  std::vector<EntityMention> out;
  if (by_first_word_.empty()) return out;
  // Tokens carry no text, so case-sensitive aliases compare capitalisation through
  // Token::capitalized and Token::all_caps.
  size_t i = 0;
  while (i < tokens.size()) {
    auto it = by_first_word_.find(std::string(StripPossessive(tokens[i].norm)));
    size_t matched = 0;
    const Alias* best = nullptr;
    if (it != by_first_word_.end()) {
      for (size_t id : it->second) {
        const Alias& alias = aliases_[id];
        if (i + alias.words.size() > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < alias.words.size() && ok; ++k) {
          const Token& t = tokens[i + k];
          ok = StripPossessive(t.norm) == alias.words[k];
          if (ok && alias.case_sensitive) {
            const std::string& want = alias.exact[k];
            bool want_capital = !want.empty() && want[0] >= 'A' && want[0] <= 'Z';
            bool want_all_caps =
                want.size() >= 2 && std::all_of(want.begin(), want.end(),
                                                [](char c) { return !(c >= 'a' && c <= 'z'); });
            ok = t.capitalized == want_capital && (!want_all_caps || t.all_caps);
          }
        }
        if (ok) {
          best = &alias;
          matched = alias.words.size();
          break;  // longest first
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    const Entity& e = entities_[best->entity];
    out.push_back({Span{tokens[i].span.start, tokens[i + matched - 1].span.end}, e.name, e.kind});
    i += matched;
  }
  return out;
}

std::string AliasTable::Canonical(std::string_view phrase) const {
  std::vector<Token> tokens = TokensOf(phrase);
  std::vector<EntityMention> found = Find(tokens);
  if (found.size() == 1 && found[0].span.start == tokens.front().span.start &&
      found[0].span.end == tokens.back().span.end) {
    return found[0].canonical;
  }
  return "";
}

}  // namespace parallax
