// Marker: marks the language of a sentence — hedges, boosters, attributions with their source
// and stance, evaluative words, scare quotes — using a loaded Lexicon.
//
//   StatusOr<Lexicon> lexicon = Lexicon::LoadDir(data_dir + "/lexicons");
//   Marker marker(*lexicon);
//   for (const Sentence& s : sentences) {
//     std::vector<Mark> marks = marker.MarkSentence(article.text, s);
//   }
//
// What MarkSentence does, in order:
//   1. tokenizes the sentence and runs every lexicon pattern over it in one pass (matcher.h);
//   2. drops matches whose context constraints fail ("May 20" is not a hedge), and
//      attribution cues inside a non_report phrase ("only time will tell", "think tank");
//   3. keeps, within each category, the longest of overlapping cues (hedges and boosters
//      compete as one group, so "not clear" beats "clear");
//   4. negation: a negator (negators.h: "not", "no", "never", "-n't") up to `negation_window`
//      tokens before the cue in the same clause sets Mark::negated; a negated booster becomes a
//      hedge ("not certain") and a negated evaluative word flips its polarity;
//   4b. when the lexicon directory has a cue model (cue_model.h), it decides which tokens are
//      attribution cues: each run of tokens it scores above its extend threshold, holding one
//      above its threshold, is one cue, taking the entry, stance and source rule of the lexicon
//      cue it overlaps (or a neutral "cue model" entry), except that a run overlapping no
//      lexicon cue and made only of function words (Lexicon::function_words: "on", "to"),
//      auxiliaries and verb adverbs ("has", "is also") is dropped; so is a run overlapping no
//      lexicon cue that nothing confirms (MarkerOptions::confirm_model_cues): it needs a
//      reporting structure (a colon, quotation, "that" or wh-word after it; a quotation or a
//      comma before it at the end of the sentence; an agentless passive or a reduced relative)
//      or a speaker (a source of at most four tokens ending in a name or a personal pronoun,
//      or anonymous).
//      Lexicon attribution cues it does not confirm are dropped unless they are phrases or
//      have a source rule other than "before"; a run takes no token of a non_report phrase and
//      never ends on an article, a possessive or a weak content word (the content starts there);
//   4c. nested attribution: a report verb in the same clause after an attribution cue (no
//      clause break or dash between them), with no "and", "but" or "or" before it, lies in that
//      attribution's content ("Merrill says Machado promised to") and is no cue of its own
//      (MarkerOptions::mark_nested_attributions); constructions that locate their own source ("what
//      he described as") stay. Nor is a cue inside a quotation ("“I think we win,” he said": only
//      "said");
//   5. attribution: finds each cue's source and its kind (named, anonymous, none) by the
//      entry's source rule (source_finder.h);
//   6. voice: "quoted" when the cue lies inside one of Sentence::quotes (speech "direct"), or,
//      for hedges, boosters and evaluative words, in the content of an attribution
//      (reported_speech.h: "officials said the case is overblown"; speech "reported"); else
//      "outlet". A praising word right before a negative one takes its polarity
//      ("extraordinary rebuke"); "not only" negates nothing;
//   7. scare quotes: a quoted stretch of 1..max_scare_quote_words words with no attribution cue
//      close before or after it and not introduced by ':' or ','.
//   8. evaluative threshold: the sentence's evaluative marks are dropped unless their weights
//      sum to evaluative.min_weight (evaluative_threshold.h: weak, context-dependent words
//      such as "failed" stand only beside another evaluative word).
// Marks come back ordered by start offset.
//
// Thread safety: a Marker is immutable after construction; MarkSentence may be called from many
// threads at once.
#ifndef PARALLAX_ENGINE_LEXICON_MARKER_H_
#define PARALLAX_ENGINE_LEXICON_MARKER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lexicon/cue_model.h"
#include "engine/lexicon/evaluative_threshold.h"
#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/mark.h"
#include "engine/lexicon/matcher.h"
#include "engine/lexicon/negators.h"
#include "engine/lexicon/word_table.h"
#include "engine/segment/sentence.h"

namespace parallax {

struct MarkerOptions {
  // Longest quoted stretch, in words, that can be a scare quote.
  int max_scare_quote_words = 4;
  // How far before a cue (in tokens, within its clause) a negator counts.
  int negation_window = 3;
  // Longest source phrase, in tokens.
  int max_source_tokens = 8;
  // An attribution cue this many tokens or fewer before (or after) a quote makes it speech.
  int quote_speaker_window = 4;
  // An attribution cue takes in its verb group: auxiliaries and adverbs right before it ("has
  // also said", "is expected") and one particle or weekday right after it ("pointed to",
  // "said Tuesday"), the extent PolNeAR annotators give cues.
  bool extend_attribution_cues = true;
  // A colon before a quotation, or after a headline speaker, is an attribution cue.
  bool colon_cues = true;
  // A cue-model run that overlaps no lexicon cue must be confirmed by a reporting structure or
  // a speaker (step 4b), and single lexicon report verbs the model does not confirm are
  // dropped even when they carry a stance. Chosen on PolNeAR train's held-out fifth: cue token
  // precision 0.60 -> 0.69 at recall 0.59 -> 0.50. False keeps every run the model finds.
  bool confirm_model_cues = true;
  // A report verb in the same clause after an attribution cue, not coordinated with it ("and",
  // "but", "or"), lies in that attribution's content: "Merrill says Machado [promised] to",
  // "Shelby said he [refused] to". It is the cited source's report, not the outlet's
  // attribution, and is not marked unless this is true; PolNeAR annotators mark such verbs
  // as cues one time in eight. Dropping them: PolNeAR dev cue token P/R 0.680/0.534 ->
  // 0.733/0.527 (train's held-out fifth 0.779/0.610 -> 0.808/0.596). Likewise a cue inside a
  // quotation (one time in ten a cue): 0.733/0.527 -> 0.741/0.526.
  bool mark_nested_attributions = false;
  // When a sentence keeps its evaluative marks (evaluative_threshold.h); a min_weight of 0
  // keeps every evaluative mark.
  EvaluativeThreshold evaluative;
};

class Marker {
 public:
  // Copies what it needs from `lexicon`.
  explicit Marker(const Lexicon& lexicon, MarkerOptions options = MarkerOptions());

  // Marks one sentence. `text` is the whole article text; sentence.span and sentence.quotes
  // index into it. REQUIRES: sentence.span lies within text.
  std::vector<Mark> MarkSentence(std::string_view text, const Sentence& sentence) const;

  const std::vector<LexiconEntry>& entries() const { return entries_; }

  // For training and testing the cue model: the tokens of the sentence, whether each passes
  // the model's gate (none does when there is no model), the features of those that do (empty
  // for the rest) and, when `scores` is not null, their scores (0 for the rest), exactly as
  // MarkSentence computes them.
  void CueFeatures(std::string_view text, const Sentence& sentence, std::vector<Token>* tokens,
                   std::vector<char>* gate, std::vector<std::vector<std::string>>* features,
                   std::vector<float>* scores = nullptr) const;

 private:
  struct Candidate;        // a lexicon match that may become a mark, with its entry
  struct ModelRun;         // a run of cue-model tokens and the cue it makes
  struct SentenceScratch;  // a sentence's tokens, flags, cues and cue model input; reused
  struct SentenceContext;  // what MarkSentence's steps share: the scratch, the marks so far

  // Steps 1-4 of the file comment, and the cue model's input (CueFeatures uses them too).
  void Analyze(std::string_view text, const Sentence& sentence, SentenceScratch* s) const;
  // Tokens, clause breaks and every lexicon match.
  void TokenizeAndMatch(std::string_view text, const Sentence& sentence, SentenceScratch* s) const;
  // Negator, anonymous-source and non_report flags; the matches that may become marks.
  void ReadMatches(SentenceScratch* s) const;
  // Step 3: within each group, the longest of overlapping cues.
  static void KeepLongestCues(SentenceScratch* s);
  void FillCueInput(std::string_view text, const Sentence& sentence, SentenceScratch* s) const;

  // Step 4b: the cue model's runs replace the lexicon's attribution cues.
  void ApplyCueModel(SentenceContext* c) const;
  void ScoreCueTokens(const SentenceContext& c, std::vector<float>* score,
                      std::vector<char>* cue_token) const;
  ModelRun FindModelRun(const SentenceContext& c, const std::vector<float>& score,
                        const std::vector<Candidate>& lexicon_cues, int begin, int end,
                        std::vector<char>* confirmed) const;
  bool KeepsModelRun(const SentenceContext& c, const ModelRun& run) const;
  bool ModelRunConfirmed(std::string_view text, const SentenceScratch& s,
                         const TokenMatch& run) const;
  void AddUnconfirmedLexiconCues(const std::vector<Candidate>& lexicon_cues,
                                 const std::vector<char>& confirmed,
                                 std::vector<Candidate>* merged) const;

  // Steps 4-6: a mark per kept cue, negated, with its voice, polarity, stance and source.
  // Step 4c: attribution cues in the content of an earlier one are dropped.
  static void DropNestedAttributions(SentenceContext* c);
  void BuildMarks(SentenceContext* c) const;
  bool Negated(const SentenceContext& c, int cue_begin) const;
  // A colon before a quotation or after a headline speaker (MarkerOptions::colon_cues).
  void AddColonCues(SentenceContext* c) const;
  // Step 7.
  void AddScareQuotes(SentenceContext* c) const;
  // Step 6, reported speech: hedges, boosters and evaluative words in an attribution's content.
  void MarkReportedSpeech(SentenceContext* c) const;

  std::vector<LexiconEntry> entries_;
  TokenMatcher matcher_;
  MarkerOptions options_;
  std::shared_ptr<const CueModel> cue_model_;  // null: attribution cues from the lexicon only
  Negators negators_;         // the lexicon's negator entries (lexicons/negators.yaml)
  WordTable function_words_;  // a cue-model run of these alone is no cue (Lexicon::function_words)
  LexiconEntry model_entry_;  // what a cue the model finds outside every lexicon entry fires as
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_MARKER_H_
