// SourceFinder: who an attribution cue cites — the source's tokens and their kind — found in the
// cue's sentence by the rule of the cue's lexicon entry (LexiconEntry::source_rule):
//   - kAfter: the phrase after the cue ("according to the ministry");
//   - kGap: the pattern's gap ("what he described as");
//   - kNone: never a source ("reportedly", "it is believed");
//   - kBefore: the subject before the cue ("officials said"), or after it when inverted ("...,
//     said the minister"), or "by ..." after a passive ("was criticized by the mayor").
// Under kBefore there is no source when the words before the cue are not who speaks: the
// subject of "seem"/"appear" or of a bare "expected"/"known" ("the race appears close"), an
// article or preposition right before a noun cue ("a swipe at", "concerns about"), a phrase
// opening with a preposition and naming no one ("In a swipe"), ending in a lower-case "-ed"
// verb ("Clinton faced questions") or holding an auxiliary with a verb after it ("The attack
// is stirring debate"). A source keeps titles and initials ("Mr.", "Sen.", "John F. Kennedy"),
// names joined by "and", and a name's appositive ("said Adrian Mapp, a Clinton delegate",
// "Axelrod, a former newspaperman, defended"); an aside between subject and verb is skipped
// ("Dar, speaking alongside Wang, stressed"; "Grassley, who owns a farm, notes"); a second verb of
// the same speaker takes the source of the attribution before it ("said ..., adding", "said ...,
// but warned").
//
// A source is "anonymous" when an anonymous_source lexicon entry matches inside it or it is an
// indefinite or bare common noun phrase ("officials", "a source"), and "named" when it holds a
// proper name, a personal pronoun or a definite description ("the ministry", "his").
//
//   SourceFinder finder({text, &tokens, &break_before, &anonymous}, options.max_source_tokens);
//   for (each attribution cue, in text order) CitedSpan s = finder.Find(entry, match);
//
// Thread safety: one SourceFinder per sentence; it remembers the sources it found, so cues must
// be given in text order. It reads the caller's vectors, which must outlive it.
#ifndef PARALLAX_ENGINE_LEXICON_SOURCE_FINDER_H_
#define PARALLAX_ENGINE_LEXICON_SOURCE_FINDER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/matcher.h"
#include "engine/text/tokenizer.h"

namespace parallax {

// What the finder reads of one sentence. Not owned.
struct SentenceTokens {
  std::string_view text;                  // the text the token spans index into
  const std::vector<Token>* tokens;       // the sentence's tokens
  const std::vector<char>* break_before;  // n + 1 flags: a clause break before token i
  const std::vector<char>* anonymous;     // token i is inside an anonymous_source match
};

// A cue's source: tokens [begin, end), or begin = end = -1 and kind "none" when it has none.
struct CitedSpan {
  int begin = -1;
  int end = -1;
  std::string kind;  // "named", "anonymous" or "none"
};

class SourceFinder {
 public:
  SourceFinder(const SentenceTokens& sentence, int max_source_tokens);

  // The source of attribution cue `m` of entry `e` (see above). Cues come in text order.
  CitedSpan Find(const LexiconEntry& e, const TokenMatch& m);

  // The kind of the source tokens [begin, end): "anonymous" or "named" (see above).
  std::string Classify(int begin, int end) const;

 private:
  struct FoundSource {
    int cue_end;
    int begin, end;
    std::string kind;
  };

  // Tokens [from, end) running right from `from` until a clause break or clause word.
  std::pair<int, int> PhraseAfter(int from) const;
  // The gap before token i is a comma and nothing else.
  bool CommaBefore(int i) const;
  // Tokens [begin, end) read as a noun phrase.
  bool NounPhrase(int begin, int end) const;
  // Tokens [begin, end) are an appositive ("a Clinton delegate from New Jersey").
  bool Appositive(int begin, int end) const;
  // The first token of the comma-delimited segment that ends before token `end`.
  int SegmentStart(int end) const;
  // The subject of a cue right after an aside between subject and verb, or {-1, -1}.
  std::pair<int, int> SubjectBeforeAside(int cue) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<char>& break_before_;
  const std::vector<char>& anonymous_;
  const int n_;
  const int max_source_tokens_;
  std::vector<FoundSource> sources_;  // found so far in this sentence, in cue order
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_SOURCE_FINDER_H_
