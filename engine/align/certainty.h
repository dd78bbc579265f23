// Certainty: how a sentence presents what it says — as fact, as someone's claim, or hedged — and
// the drift between two versions of one claim ("pleaded guilty" / "is expected to plead guilty";
// "X did Y" / "X did Y, prosecutors said").
//
// One source of truth for "who says so": the aligner never looks for report verbs itself. The
// pipeline fills a SentenceCertainty from the lexicon's marks (lexicons/attribution.yaml,
// hedges.yaml) of the sentence, so the drift a claim shows and the marks the same page
// highlights cannot contradict each other. A sentence without marks given is kUnknown and never
// drifts.
//
// Drift is framing, not disagreement: reports show it apart from conflicts.
//
// Thread safety: plain values and pure functions.
#ifndef PARALLAX_ENGINE_ALIGN_CERTAINTY_H_
#define PARALLAX_ENGINE_ALIGN_CERTAINTY_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/align/discrepancy.h"
#include "engine/base/span.h"

namespace parallax {

enum class Assertion {
  kUnknown,     // no marks were given for the sentence
  kStated,      // no attribution or hedge in the outlet's own voice
  kAttributed,  // an attribution cue in the outlet's voice ("officials said", "according to")
  kHedged,      // a hedge in the outlet's voice ("may", "is expected to"), and no attribution
};

// "unknown", "stated", "attributed", "hedged".
const char* AssertionName(Assertion assertion);

struct SentenceCertainty {
  Assertion assertion = Assertion::kUnknown;
  std::vector<Span> cues;  // the attribution (else hedge) cues, into the article text
  std::string cue_text;    // their text, lower-cased, ", "-separated
  // Named sources of the attributions (lower-cased last word of each: "steele"), sorted.
  std::vector<std::string> speakers;
  std::vector<Span> speaker_spans;
  // Lower-cased words of the cited sources (attributed sentences), sorted: a version that
  // names the same people reports their act, not a fact on their word.
  std::vector<std::string> source_words;
};

// Returns a kAttribution discrepancy iff one side is kStated and the other kAttributed or
// kHedged: a_text / b_text hold the cues, "" for the side that states it as fact. The caller
// checks that the stated side does not name the attributed side's source (source_words).
std::optional<Discrepancy> FindCertaintyDrift(const SentenceCertainty& a,
                                              const SentenceCertainty& b);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_CERTAINTY_H_
