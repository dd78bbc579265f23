#include "engine/align/similarity_rules.h"

#include <cmath>
#include <string_view>

#include "engine/yaml/yaml_tree.h"

namespace parallax {
namespace {

Status CheckKeys(const YamlNode& node, std::initializer_list<std::string_view> allowed) {
  if (!node.IsMap()) return node.Error("expected a map");
  for (const auto& [key, value] : node.entries) {
    bool known = false;
    std::string list;
    for (std::string_view a : allowed) {
      known = known || key == a;
      if (!list.empty()) list += ", ";
      list += a;
    }
    if (!known) return value.Error("unknown key '" + key + "' (expected " + list + ")");
  }
  return Status::Ok();
}

Status ReadDouble(const YamlNode& map, std::string_view key, double* out) {
  const YamlNode* node = map.Find(key);
  if (node == nullptr) return Status::Ok();
  PARALLAX_ASSIGN_OR_RETURN(*out, node->AsDouble());
  if (!std::isfinite(*out))
    return node->Error("'" + std::string(key) + "' must be a finite number");
  return Status::Ok();
}

Status ReadUnit(const YamlNode& map, std::string_view key, double* out) {
  PARALLAX_RETURN_IF_ERROR(ReadDouble(map, key, out));
  if (*out < 0 || *out > 1) {
    return map.Find(key)->Error("'" + std::string(key) + "' must be between 0 and 1");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<SimilarityRules> LoadSimilarityRules(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path));
  SimilarityRules rules;
  if (root.IsNull()) return rules;
  PARALLAX_RETURN_IF_ERROR(CheckKeys(root, {"wordnet", "alignment", "model", "thresholds"}));

  if (const YamlNode* wn = root.Find("wordnet")) {
    PARALLAX_RETURN_IF_ERROR(CheckKeys(*wn, {"dir", "max_senses", "derivation"}));
    if (const YamlNode* dir = wn->Find("dir")) {
      if (dir->IsNull()) {
        rules.wordnet_dir.clear();
      } else if (dir->IsScalar()) {
        rules.wordnet_dir = dir->scalar;
      } else {
        return dir->Error("'dir' must be a folder name, or empty to turn synonyms off");
      }
    }
    double senses = rules.wordnet.max_senses;
    PARALLAX_RETURN_IF_ERROR(ReadDouble(*wn, "max_senses", &senses));
    if (senses < 0 || senses != std::floor(senses) || senses > 1000) {
      return wn->Find("max_senses")->Error("'max_senses' must be a whole number from 0 (all) up");
    }
    rules.wordnet.max_senses = static_cast<int>(senses);
    if (const YamlNode* d = wn->Find("derivation")) {
      PARALLAX_ASSIGN_OR_RETURN(rules.wordnet.derivation, d->AsBool());
    }
  }

  if (const YamlNode* al = root.Find("alignment")) {
    PARALLAX_RETURN_IF_ERROR(CheckKeys(*al, {"synonym_strength"}));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*al, "synonym_strength", &rules.synonym_strength));
  }

  if (const YamlNode* model = root.Find("model")) {
    PARALLAX_RETURN_IF_ERROR(CheckKeys(*model, {"combine", "bias", "weights"}));
    if (const YamlNode* c = model->Find("combine")) {
      if (c->IsScalar() && c->scalar == "logistic") {
        rules.logistic = true;
      } else if (c->IsScalar() && c->scalar == "linear") {
        rules.logistic = false;
      } else {
        return c->Error("'combine' must be 'logistic' or 'linear'");
      }
    }
    PARALLAX_RETURN_IF_ERROR(ReadDouble(*model, "bias", &rules.bias));
    if (const YamlNode* w = model->Find("weights")) {
      if (!w->IsMap()) return w->Error("'weights' must map feature names to numbers");
      rules.weights.fill(0);
      for (const auto& [name, value] : w->entries) {
        int index = -1;
        for (int i = 0; i < kPairFeatureCount; ++i) {
          if (name == kPairFeatureNames[i]) index = i;
        }
        if (index < 0) return value.Error("unknown feature '" + name + "'");
        PARALLAX_RETURN_IF_ERROR(ReadDouble(*w, name, &rules.weights[index]));
      }
    }
  }

  if (const YamlNode* th = root.Find("thresholds")) {
    PARALLAX_RETURN_IF_ERROR(CheckKeys(*th, {"paraphrase", "claim", "claim_best",
                                             "claim_best_overlap", "claim_mutual", "claim_quote"}));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*th, "paraphrase", &rules.paraphrase_threshold));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*th, "claim", &rules.claim_threshold));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*th, "claim_best", &rules.claim_best_threshold));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*th, "claim_best_overlap", &rules.claim_best_overlap));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*th, "claim_mutual", &rules.claim_mutual_threshold));
    PARALLAX_RETURN_IF_ERROR(ReadUnit(*th, "claim_quote", &rules.claim_quote_threshold));
  }
  return rules;
}

}  // namespace parallax
