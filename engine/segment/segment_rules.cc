#include "engine/segment/segment_rules.h"

#include <cmath>
#include <vector>

#include "engine/yaml/yaml_tree.h"

namespace parallax {
namespace {

bool HasSpace(const std::string& s) {
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  }
  return false;
}

// Reads a list of abbreviations into `out`; each must end in "." and hold no white space.
Status ReadAbbreviations(const YamlNode& node, std::unordered_set<std::string>* out) {
  PARALLAX_ASSIGN_OR_RETURN(std::vector<std::string> words, node.AsStringList());
  for (const std::string& w : words) {
    if (w.size() < 2 || w.back() != '.' || HasSpace(w)) {
      return node.Error("abbreviation '" + w + "' must end in '.' and contain no white space");
    }
    out->insert(w);
  }
  return Status::Ok();
}

Status ReadWords(const YamlNode& node, std::unordered_set<std::string>* out) {
  PARALLAX_ASSIGN_OR_RETURN(std::vector<std::string> words, node.AsStringList());
  for (const std::string& w : words) {
    if (w.empty() || HasSpace(w)) return node.Error("'" + w + "' must be one word");
    out->insert(w);
  }
  return Status::Ok();
}

Status ReadAbbreviationMap(const YamlNode& node, SegmentRules* rules) {
  if (node.IsNull()) return Status::Ok();
  if (!node.IsMap())
    return node.Error(
        "'abbreviations' must be a map (never_final, may_end, before_number, states, "
        "name_suffixes)");
  for (const auto& [key, value] : node.entries) {
    if (key == "never_final") {
      PARALLAX_RETURN_IF_ERROR(ReadAbbreviations(value, &rules->never_final));
    } else if (key == "may_end") {
      PARALLAX_RETURN_IF_ERROR(ReadAbbreviations(value, &rules->may_end));
    } else if (key == "before_number") {
      PARALLAX_RETURN_IF_ERROR(ReadAbbreviations(value, &rules->before_number));
    } else if (key == "states") {
      PARALLAX_RETURN_IF_ERROR(ReadAbbreviations(value, &rules->states));
    } else if (key == "name_suffixes") {
      PARALLAX_RETURN_IF_ERROR(ReadAbbreviations(value, &rules->name_suffixes));
    } else {
      return value.Error("unknown key '" + key +
                         "' under 'abbreviations' (expected never_final, may_end, before_number, "
                         "states, name_suffixes)");
    }
  }
  return Status::Ok();
}

StatusOr<SegmentRules> FromYaml(const YamlNode& root) {
  SegmentRules rules;
  if (root.IsNull()) return rules;
  if (!root.IsMap()) return root.Error("expected a map (abbreviations, sentence_starters, ...)");
  for (const auto& [key, value] : root.entries) {
    if (key == "abbreviations") {
      PARALLAX_RETURN_IF_ERROR(ReadAbbreviationMap(value, &rules));
    } else if (key == "sentence_starters") {
      PARALLAX_RETURN_IF_ERROR(ReadWords(value, &rules.sentence_starters));
    } else if (key == "name_continuations") {
      PARALLAX_RETURN_IF_ERROR(ReadWords(value, &rules.name_continuations));
    } else if (key == "attribution_verbs") {
      PARALLAX_RETURN_IF_ERROR(ReadWords(value, &rules.attribution_verbs));
    } else if (key == "keep_quotes_whole") {
      PARALLAX_ASSIGN_OR_RETURN(rules.keep_quotes_whole, value.AsBool());
    } else if (key == "whole_quote_below_average_words") {
      PARALLAX_ASSIGN_OR_RETURN(double words, value.AsDouble());
      if (!(words >= 0 && words <= 100)) {
        return value.Error("whole_quote_below_average_words must be a number from 0 to 100");
      }
      rules.whole_quote_below_average_words = words;
    } else if (key == "initials") {
      PARALLAX_ASSIGN_OR_RETURN(rules.initials, value.AsBool());
    } else if (key == "max_sentence_bytes") {
      PARALLAX_ASSIGN_OR_RETURN(double bytes, value.AsDouble());
      // Below a few hundred bytes real sentences would be cut; the upper bound keeps the
      // ICU window (4x this) far below ICU's 32-bit offsets.
      if (bytes != std::floor(bytes) || bytes < 200 || bytes > 1e6) {
        return value.Error("max_sentence_bytes must be a whole number from 200 to 1000000");
      }
      rules.max_sentence_bytes = static_cast<size_t>(bytes);
    } else {
      return value.Error("unknown key '" + key +
                         "' (expected abbreviations, sentence_starters, name_continuations, "
                         "attribution_verbs, "
                         "keep_quotes_whole, whole_quote_below_average_words, initials, "
                         "max_sentence_bytes)");
    }
  }
  if (rules.icu_window_bytes < 4 * rules.max_sentence_bytes) {
    rules.icu_window_bytes = 4 * rules.max_sentence_bytes;
  }
  return rules;
}

}  // namespace

StatusOr<SegmentRules> SegmentRules::Parse(std::string_view yaml, const std::string& file) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, ParseYaml(yaml, file));
  return FromYaml(root);
}

StatusOr<SegmentRules> SegmentRules::Load(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path));
  return FromYaml(root);
}

}  // namespace parallax
