#include "engine/lexicon/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "engine/base/file_io.h"
#include "engine/base/text_lines.h"
#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

constexpr std::string_view kEntryKeys[] = {"pattern", "weight",    "stance",     "polarity",
                                           "source",  "lowercase", "not_before", "not_after",
                                           "negates", "note",      "reports"};
constexpr std::string_view kFileKeys[] = {"category", "description", "sources",
                                          "defaults", "entries",     "groups"};

template <size_t N>
bool OneOf(std::string_view value, const std::string_view (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed);
}

// Applies the attribute keys of `map` (an entry, a group or `defaults`) to *entry.
// `allow_pattern` is true for entries only.
Status ApplyAttributes(const YamlNode& map, bool allow_pattern, const std::string_view* extra_keys,
                       size_t num_extra, LexiconEntry* entry) {
  for (const auto& [key, value] : map.entries) {
    bool known = OneOf(key, kEntryKeys) ||
                 std::find(extra_keys, extra_keys + num_extra, key) != extra_keys + num_extra;
    if (!known || (key == "pattern" && !allow_pattern)) {
      return value.Error("unknown key '" + key + "'");
    }
    if (key == "pattern" || key == "note" ||
        std::find(extra_keys, extra_keys + num_extra, key) != extra_keys + num_extra) {
      continue;
    }
    if (key == "weight") {
      PARALLAX_ASSIGN_OR_RETURN(double w, value.AsDouble());
      if (!(w > 0 && w <= 10)) return value.Error("weight must be in (0, 10]");
      entry->weight = w;
    } else if (key == "lowercase") {
      PARALLAX_ASSIGN_OR_RETURN(entry->lowercase, value.AsBool());
    } else if (key == "not_before" || key == "not_after") {
      PARALLAX_ASSIGN_OR_RETURN(std::vector<std::string> words, value.AsStringList());
      for (std::string& w : words) {
        if (w != "#num" && w != "#cap") w = NormalizeWord(w);
      }
      (key == "not_before" ? entry->not_before : entry->not_after) = std::move(words);
    } else if (!value.IsScalar()) {
      return value.Error("'" + key + "' must be a single word");
    } else if (key == "stance") {
      if (entry->role != EntryRole::kMark || entry->category != MarkCategory::kAttribution) {
        return value.Error("'stance' applies to attribution entries only");
      }
      Stance stance;
      if (!ParseStance(value.scalar, &stance)) {
        return value.Error("unknown stance '" + value.scalar +
                           "' (neutral, distancing, endorsing, emphatic, concessive)");
      }
      entry->stance = stance;
    } else if (key == "polarity") {
      if (entry->role != EntryRole::kMark || entry->category != MarkCategory::kEvaluative) {
        return value.Error("'polarity' applies to evaluative entries only");
      }
      Polarity polarity;
      if (!ParsePolarity(value.scalar, &polarity)) {
        return value.Error("unknown polarity '" + value.scalar + "' (negative, positive)");
      }
      entry->polarity = polarity;
    } else if (key == "negates") {
      if (entry->role != EntryRole::kNegator) {
        return value.Error("'negates' applies to negator entries only");
      }
      if (value.scalar != "clause" && value.scalar != "phrase") {
        return value.Error("unknown scope '" + value.scalar + "' (clause, phrase)");
      }
      entry->negates_clause = value.scalar == "clause";
    } else if (key == "source") {
      if (entry->role != EntryRole::kMark || entry->category != MarkCategory::kAttribution) {
        return value.Error("'source' applies to attribution entries only");
      }
      const std::string& s = value.scalar;
      if (s == "before") {
        entry->source_rule = SourceRule::kBefore;
      } else if (s == "after") {
        entry->source_rule = SourceRule::kAfter;
      } else if (s == "gap") {
        entry->source_rule = SourceRule::kGap;
      } else if (s == "none") {
        entry->source_rule = SourceRule::kNone;
      } else {
        return value.Error("unknown source rule '" + s + "' (before, after, gap, none)");
      }
    } else if (key == "reports") {
      if (entry->role != EntryRole::kMark || entry->category != MarkCategory::kAttribution) {
        return value.Error("'reports' applies to attribution entries only");
      }
      if (value.scalar != "content" && value.scalar != "act") {
        return value.Error("unknown value '" + value.scalar + "' of 'reports' (content, act)");
      }
      entry->reports_act = value.scalar == "act";
    }
  }
  return Status::Ok();
}

// A negator entry is one word (alternatives and inflections allowed) with no context
// constraint: Negators reads it as a word list.
bool IsOneWord(const LexiconEntry& e) {
  if (e.pattern.slots.size() != 1 || e.lowercase || !e.not_before.empty() || !e.not_after.empty()) {
    return false;
  }
  const PatternSlot& slot = e.pattern.slots[0];
  return slot.kind == PatternSlot::Kind::kWords && !slot.optional && !slot.context;
}

// Identity of an entry for duplicate detection: its slots, whatever the spacing.
std::string EntryKey(const LexiconEntry& e) {
  std::string key = e.role == EntryRole::kMark ? std::string(CategoryName(e.category))
                                               : std::to_string(static_cast<int>(e.role));
  key += ':';
  size_t i = 0;
  while (i < e.text.size()) {
    while (i < e.text.size() && e.text[i] == ' ') ++i;
    size_t j = e.text.find(' ', i);
    if (j == std::string::npos) j = e.text.size();
    if (j > i) key += NormalizeWord(e.text.substr(i, j - i)) + " ";
    i = j;
  }
  return key;
}

}  // namespace

Status Lexicon::AddText(std::string_view yaml, const std::string& name) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, ParseYaml(yaml, name + ".yaml"));
  return AddFile(root, name);
}

Status Lexicon::AddFile(const YamlNode& root, const std::string& name) {
  if (!root.IsMap()) return root.Error("a lexicon file is a map with 'category' and 'entries'");
  for (const auto& [key, value] : root.entries) {
    if (!OneOf(key, kFileKeys)) return value.Error("unknown key '" + key + "'");
  }
  const YamlNode* category = root.Find("category");
  if (category == nullptr || !category->IsScalar()) return root.Error("missing 'category'");
  LexiconEntry base;
  base.lexicon = name;
  if (category->scalar == "anonymous_source") {
    base.role = EntryRole::kAnonymousSource;
  } else if (category->scalar == "negator") {
    base.role = EntryRole::kNegator;
  } else if (category->scalar == "non_report") {
    base.role = EntryRole::kNonReport;
  } else if (!ParseCategory(category->scalar, &base.category) ||
             base.category == MarkCategory::kScareQuote) {
    return category->Error("unknown category '" + category->scalar +
                           "' (hedge, booster, attribution, evaluative, anonymous_source, "
                           "negator, non_report)");
  }
  if (base.category == MarkCategory::kAttribution) base.stance = Stance::kNeutral;
  if (const YamlNode* defaults = root.Find("defaults")) {
    if (!defaults->IsMap()) return defaults->Error("'defaults' must be a map");
    PARALLAX_RETURN_IF_ERROR(ApplyAttributes(*defaults, false, nullptr, 0, &base));
  }

  std::map<std::string, std::string> seen;  // entry key -> where, for duplicates
  for (const LexiconEntry& e : entries_) seen.emplace(EntryKey(e), e.where);

  auto add_entries = [&](const YamlNode& list, const LexiconEntry& group) -> Status {
    if (!list.IsList()) return list.Error("'entries' must be a list");
    for (const YamlNode& item : list.items) {
      LexiconEntry entry = group;
      entry.where = item.Where();
      const YamlNode* pattern_node = &item;
      if (item.IsMap()) {
        pattern_node = item.Find("pattern");
        if (pattern_node == nullptr) return item.Error("entry without 'pattern'");
        PARALLAX_RETURN_IF_ERROR(ApplyAttributes(item, true, nullptr, 0, &entry));
      }
      if (!pattern_node->IsScalar()) return pattern_node->Error("a pattern must be a string");
      entry.text = pattern_node->scalar;
      StatusOr<Pattern> pattern = ParsePattern(entry.text);
      if (!pattern.ok()) {
        return pattern_node->Error("bad pattern '" + entry.text +
                                   "': " + pattern.status().message());
      }
      entry.pattern = std::move(pattern).value();
      if (entry.role == EntryRole::kNegator && !IsOneWord(entry)) {
        return pattern_node->Error("a negator is one word, with no context ('" + entry.text + "')");
      }
      if (entry.source_rule == SourceRule::kGap && !entry.pattern.has_gap) {
        return pattern_node->Error("'source: gap' needs a gap '*' inside the pattern");
      }
      auto [it, inserted] = seen.emplace(EntryKey(entry), entry.where);
      if (!inserted) {
        return pattern_node->Error("duplicate entry '" + entry.text + "' (first at " + it->second +
                                   ")");
      }
      entries_.push_back(std::move(entry));
    }
    return Status::Ok();
  };

  if (const YamlNode* entries = root.Find("entries")) {
    PARALLAX_RETURN_IF_ERROR(add_entries(*entries, base));
  }
  if (const YamlNode* groups = root.Find("groups")) {
    if (!groups->IsList()) return groups->Error("'groups' must be a list");
    static constexpr std::string_view kGroupKeys[] = {"entries", "name"};
    for (const YamlNode& group : groups->items) {
      if (!group.IsMap()) return group.Error("a group is a map with 'entries'");
      LexiconEntry group_base = base;
      PARALLAX_RETURN_IF_ERROR(ApplyAttributes(group, false, kGroupKeys, 2, &group_base));
      const YamlNode* entries = group.Find("entries");
      if (entries == nullptr) return group.Error("group without 'entries'");
      PARALLAX_RETURN_IF_ERROR(add_entries(*entries, group_base));
    }
  }
  files_.push_back(name);
  return Status::Ok();
}

Status Lexicon::AddFunctionWords(std::string_view text, const std::string& name) {
  return ForEachLine(text, [&](std::string_view line, int number) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line[0] == '#') return Status::Ok();
    std::vector<Token> tokens;
    Tokenize(line, 0, &tokens);
    if (tokens.size() != 1 || tokens[0].span.start != 0 || tokens[0].span.end != line.size()) {
      return Status::InvalidInput(name + ":" + std::to_string(number) + ": '" + std::string(line) +
                                  "' is not a single word as the tokenizer sees it");
    }
    function_words_.push_back(tokens[0].norm);
    return Status::Ok();
  });
}

StatusOr<Lexicon> Lexicon::LoadDir(const std::string& lexicon_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(lexicon_dir, ec)) {
    return Status::NotFound("lexicon directory not found: " + lexicon_dir);
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(lexicon_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return Status::IoError("cannot list " + lexicon_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  Lexicon lexicon;
  for (const fs::path& path : files) {
    PARALLAX_ASSIGN_OR_RETURN(YamlNode root, LoadYamlFile(path.string()));
    PARALLAX_RETURN_IF_ERROR(lexicon.AddFile(root, path.stem().string()));
  }
  if (lexicon.files_.empty()) return Status::NotFound("no *.yaml lexicon in " + lexicon_dir);
  const fs::path model_path = fs::path(lexicon_dir) / kCueModelFile;
  if (fs::is_regular_file(model_path, ec)) {
    PARALLAX_ASSIGN_OR_RETURN(CueModel model, CueModel::Load(model_path.string()));
    lexicon.cue_model_ = std::make_shared<const CueModel>(std::move(model));
  }
  const fs::path words_path = fs::path(lexicon_dir) / kFunctionWordsFile;
  if (fs::is_regular_file(words_path, ec)) {
    PARALLAX_ASSIGN_OR_RETURN(std::string text, ReadFile(words_path.string()));
    PARALLAX_RETURN_IF_ERROR(lexicon.AddFunctionWords(text, words_path.string()));
  }
  return lexicon;
}

}  // namespace parallax
