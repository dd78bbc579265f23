// ReportedSpeech: which tokens of a sentence are the content of an attribution — the words,
// claims or judgements the outlet reports for someone else — so that hedges, boosters and
// evaluative words there count in the cited source's voice, not the outlet's.
//
// Quotation marks already delimit direct speech (Sentence::quotes). This finds indirect speech
// from the attribution marks of the sentence, by where the cue and its source stand:
//   - content after the cue: "Officials said [the case is overblown]", "According to the
//     ministry, [talks failed]", "Trump accused Clinton [of lying]";
//   - content before it, when the cue and source close the sentence after a comma or a quote
//     ("[The case is overblown], officials said Tuesday.", "..., according to the ministry.");
//   - a relative clause: "lawmakers, who say [the case is overblown], ..." ends at its clause
//     break;
//   - an attribution between commas inside the sentence: the words on both sides ("[The
//     museum], Mr. Bush said, [celebrated his heroes]").
// Content after a cue with no source in the sentence ends at its clause break: "Amid
// allegations of [a cover-up], the case went to trial".
// Content after a cue ends where the next attribution that reports someone starts (a cue that
// reports nobody, "Officials said the plan [reportedly failed]", lies inside it), and at the end
// of a quotation that opens it ("He said “...” and it probably will": "and it probably will" is
// the outlet's).
// Cues with no source in the sentence by their entry's rule ("reportedly", "it is believed")
// report nobody's words and get no content.
//
// Thread safety: a pure function of its arguments.
#ifndef PARALLAX_ENGINE_LEXICON_REPORTED_SPEECH_H_
#define PARALLAX_ENGINE_LEXICON_REPORTED_SPEECH_H_

#include <utility>
#include <vector>

#include "engine/base/span.h"
#include "engine/lexicon/source_finder.h"

namespace parallax {

// One attribution of the sentence, in tokens: its cue, and its source or -1 when none.
struct AttributionExtent {
  int cue_begin = 0;
  int cue_end = 0;
  int source_begin = -1;
  int source_end = -1;
  bool reports_someone = true;  // false for entries that never name a source ("reportedly")
};

// Token ranges [begin, end) of reported content, one per attribution that has some (in no
// particular order; ranges may overlap). `attributions` are in text order of their cues;
// `quotes` are the sentence's quoted stretches (byte spans into sentence.text).
std::vector<std::pair<int, int>> ReportedContent(const SentenceTokens& sentence,
                                                 const std::vector<AttributionExtent>& attributions,
                                                 const std::vector<Span>& quotes);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_REPORTED_SPEECH_H_
