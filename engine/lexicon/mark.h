// Mark: one piece of marked language in a sentence — a hedge, a booster, an attribution, an
// evaluative word or a scare quote — with the byte span of its cue and the lexicon entry that
// fired, so a report can highlight it and explain why it is there.
//
// Marks are plain values. Spans index into the article's text (the same text the Sentence's
// span indexes into), never into a normalised copy.
#ifndef PARALLAX_ENGINE_LEXICON_MARK_H_
#define PARALLAX_ENGINE_LEXICON_MARK_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/base/span.h"

namespace parallax {

enum class MarkCategory {
  kHedge,        // epistemic uncertainty: may, seems, possibly, reportedly
  kBooster,      // epistemic certainty: clearly, undoubtedly, it is clear that
  kAttribution,  // who says it: said, according to, claimed, sources close to
  kEvaluative,   // loaded or judging words, with a polarity
  kScareQuote,   // a short quoted phrase with no speaker
};

inline constexpr int kNumMarkCategories = 5;

// "hedge", "booster", "attribution", "evaluative", "scare_quote": the names used in lexicon
// files, JSON output and reports.
std::string_view CategoryName(MarkCategory category);

// Returns true iff `name` is one of the names above, and sets *category.
bool ParseCategory(std::string_view name, MarkCategory* category);

// Stances of attribution cues, as lexicon files and JSON name them.
inline constexpr std::string_view kStances[] = {"neutral", "distancing", "endorsing", "emphatic",
                                                "concessive"};
// Kinds of attribution source.
inline constexpr std::string_view kSourceKinds[] = {"named", "anonymous", "none"};

struct Mark {
  MarkCategory category = MarkCategory::kHedge;
  Span span;                   // the cue, into the article text
  std::string cue;             // the cue's text as it stands in the article
  std::string entry;           // the lexicon entry that fired, as written in its file
  std::string lexicon;         // the file it came from, without ".yaml" ("hedges")
  std::string stance;          // attribution: one of kStances; else empty
  std::string source_kind;     // attribution: one of kSourceKinds; else empty
  std::optional<Span> source;  // attribution: who is cited, when found in the sentence
  std::string polarity;        // evaluative: "negative" or "positive" (or empty when unknown)
  // "outlet" (the writer's own words) or "quoted" (the cited source's words: inside quoted
  // speech, or for hedges, boosters and evaluative words, in the content of an attribution).
  std::string voice;
  // For a "quoted" voice: "direct" (between quotation marks) or "reported" (the content of an
  // attribution: "officials said the case is overblown"); else empty.
  std::string speech;
  bool negated = false;  // a negator governs the cue within its clause ("not clear")
  double weight = 1.0;   // from the lexicon entry
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_MARK_H_
