// Lexicon: the entries of every lexicon file in a directory (lexicons/*.yaml), validated.
//
// Each file declares one `category`: a mark category (hedge, booster, attribution,
// evaluative) or a helper list the marker consults (anonymous_source: what makes a cited
// source unnamed; negator: words that negate a cue in their clause; non_report: set phrases
// whose report words report nothing, "easier said than done"). The file format is
// documented in lexicons/README.md; patterns in engine/lexicon/pattern.h.
//
// Loading refuses, with "<file>:<line>:<column>: <what>", an unknown category, key, stance,
// polarity or source rule, a bad pattern, a weight outside (0, 10], a negator that is not one
// word (negators.h), and an entry written twice in one category (the message names the first
// place too).
//
// Thread safety: a loaded Lexicon is immutable and may be shared between threads.
#ifndef PARALLAX_ENGINE_LEXICON_LEXICON_H_
#define PARALLAX_ENGINE_LEXICON_LEXICON_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/lexicon/cue_model.h"
#include "engine/lexicon/mark.h"
#include "engine/lexicon/pattern.h"
#include "engine/yaml/yaml_tree.h"

namespace parallax {

// What an entry is for.
enum class EntryRole {
  kMark,             // produces a Mark of `category`
  kAnonymousSource,  // a cited source matching it is anonymous ("officials", "sources close to *")
  kNegator,          // negates a cue later in its clause ("not", "no", "never")
  kNonReport,        // a set phrase with a report word that reports nothing ("easier said than
                     // done", "only time will tell", "think tank"): no attribution cue in it
};

// Where an attribution cue's source is looked for.
enum class SourceRule {
  kBefore,  // the subject before the cue ("officials said"), or after it when inverted
            // ("..., said the minister")
  kAfter,   // the phrase after the cue ("according to the ministry")
  kGap,     // the tokens of the pattern's gap ("what he described as")
  kNone,    // never has one in the sentence ("reportedly", "it is believed")
};

struct LexiconEntry {
  std::string text;  // the pattern as written in the file
  Pattern pattern;
  std::string lexicon;  // file name without ".yaml"
  std::string where;    // "<file>:<line>:<column>" for messages
  EntryRole role = EntryRole::kMark;
  MarkCategory category = MarkCategory::kHedge;  // kMark only
  double weight = 1.0;
  std::optional<Stance> stance;      // attribution (kNeutral unless the file says otherwise)
  std::optional<Polarity> polarity;  // evaluative, when the file gives one
  SourceRule source_rule = SourceRule::kBefore;
  // Attribution: the cue reports an act or stance of its source ("opposed", "urged",
  // "expressed concern about"), not a statement, belief or finding ("said", "believes",
  // "accused ... of"). The file's `reports: act` (default `content`).
  bool reports_act = false;
  // Negator: "not" negates its whole clause, "without" and "hardly" only the phrase they open
  // (negators.h: the similarity model counts clause negators only).
  bool negates_clause = true;
  // Context constraints, checked on the tokens around a match.
  bool lowercase = false;               // the first cue token is not capitalised, unless it
                                        // opens the sentence ("may", not the month "May")
  std::vector<std::string> not_before;  // the token after the match is none of these
  std::vector<std::string> not_after;   // the token before the match is none of these
  // In the two lists "#num" stands for any number and "#cap" for a capitalised word.
};

class Lexicon {
 public:
  Lexicon() = default;

  // Loads every *.yaml file in `lexicon_dir` (in name order), and the attribution cue model
  // kCueModelFile and the function word list kFunctionWordsFile when the directory has them.
  // Returns NotFound when the directory does not exist, InvalidInput naming file:line for a bad
  // file.
  static StatusOr<Lexicon> LoadDir(const std::string& lexicon_dir);

  // The learned attribution cue scorer of the directory (cue_model.h), if any.
  static constexpr std::string_view kCueModelFile = "attribution_cues.tsv";
  const std::shared_ptr<const CueModel>& cue_model() const { return cue_model_; }
  void set_cue_model(std::shared_ptr<const CueModel> model) { cue_model_ = std::move(model); }

  // Function words (articles, prepositions, pronouns, auxiliaries...) that are never an
  // attribution cue on their own: a run of cue-model tokens made only of these is not a cue
  // ("on", "to"), though they may extend one ("pointed to"). Read from kFunctionWordsFile when
  // the directory has one; one word a line, '#' comments.
  static constexpr std::string_view kFunctionWordsFile = "function_words.txt";
  const std::vector<std::string>& function_words() const { return function_words_; }

  // Parses the text of a function word list; `name` is used in messages. Returns InvalidInput
  // naming "<name>:<line>" for a line that is not a single word as the tokenizer sees it.
  Status AddFunctionWords(std::string_view text, const std::string& name);

  // Adds the entries of one parsed file; `name` becomes LexiconEntry::lexicon.
  Status AddFile(const YamlNode& root, const std::string& name);

  // Parses YAML text as one lexicon file (for tests and tools).
  Status AddText(std::string_view yaml, const std::string& name);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  // Names of the files loaded, in order.
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::vector<LexiconEntry> entries_;
  std::vector<std::string> files_;
  std::shared_ptr<const CueModel> cue_model_;  // shared: immutable once loaded
  std::vector<std::string> function_words_;    // normalized, in file order
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_LEXICON_H_
