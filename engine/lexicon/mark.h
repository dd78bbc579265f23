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

// The closed sets below follow MarkCategory: an enum, its number of values, and a Name/Parse
// pair over the names that lexicon files, JSON output and reports use. A Mark holds the enum;
// the names are written only at the output boundary (the report model, the mark JSON).

// How an attribution cue presents what it reports.
enum class Stance {
  kNeutral,     // said, according to
  kDistancing,  // claimed, alleged
  kEndorsing,   // revealed, confirmed
  kEmphatic,    // stressed, insisted
  kConcessive,  // admitted, conceded
};
inline constexpr int kNumStances = 5;
// "neutral", "distancing", "endorsing", "emphatic", "concessive".
std::string_view StanceName(Stance stance);
// Returns true iff `name` is one of the names above, and sets *stance.
bool ParseStance(std::string_view name, Stance* stance);

// What kind of source an attribution cites.
enum class SourceKind {
  kNamed,      // a proper name, a personal pronoun or a definite description
  kAnonymous,  // "officials", "a source", "sources close to the talks"
  kNone,       // no source in the sentence ("reportedly", "it is believed")
};
inline constexpr int kNumSourceKinds = 3;
// "named", "anonymous", "none".
std::string_view SourceKindName(SourceKind kind);
bool ParseSourceKind(std::string_view name, SourceKind* kind);

// Which way an evaluative word judges.
enum class Polarity { kNegative, kPositive };
inline constexpr int kNumPolarities = 2;
// "negative", "positive".
std::string_view PolarityName(Polarity polarity);
bool ParsePolarity(std::string_view name, Polarity* polarity);
// The other polarity: a negated evaluative word judges the other way ("not clever").
Polarity Opposite(Polarity polarity);

// Whose words a mark is in.
enum class Voice {
  kOutlet,  // the writer's own
  kQuoted,  // the cited source's
};
// "outlet", "quoted".
std::string_view VoiceName(Voice voice);
bool ParseVoice(std::string_view name, Voice* voice);

// How a quoted voice reaches the text.
enum class Speech {
  kDirect,    // between quotation marks
  kReported,  // the content of an attribution: "officials said the case is overblown"
};
// "direct", "reported".
std::string_view SpeechName(Speech speech);
bool ParseSpeech(std::string_view name, Speech* speech);

// The name of an optional value, "" when it has none (a field that does not apply to a mark's
// category: the stance of a hedge).
std::string_view StanceName(std::optional<Stance> stance);
std::string_view SourceKindName(std::optional<SourceKind> kind);
std::string_view PolarityName(std::optional<Polarity> polarity);
std::string_view SpeechName(std::optional<Speech> speech);

struct Mark {
  MarkCategory category = MarkCategory::kHedge;
  Span span;                              // the cue, into the article text
  std::string cue;                        // the cue's text as it stands in the article
  std::string entry;                      // the lexicon entry that fired, as written in its file
  std::string lexicon;                    // the file it came from, without ".yaml" ("hedges")
  std::optional<Stance> stance;           // attribution only
  std::optional<SourceKind> source_kind;  // attribution only
  std::optional<Span> cited;              // attribution: who is cited, when found in the sentence
  std::optional<Polarity> polarity;       // evaluative, when its entry has one
  // kOutlet (the writer's own words) or kQuoted (the cited source's words: inside quoted
  // speech, or for hedges, boosters and evaluative words, in the content of an attribution).
  Voice voice = Voice::kOutlet;
  std::optional<Speech> speech;  // set iff the voice is kQuoted
  bool negated = false;          // a negator governs the cue within its clause ("not clear")
  // Attribution only: the cue reports an act or stance of its source, not what it says or
  // believes (lexicon.h: LexiconEntry::reports_act).
  bool reports_act = false;
  double weight = 1.0;  // from the lexicon entry
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_MARK_H_
