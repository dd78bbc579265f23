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
// "Axelrod, a former newspaperman, defended", "Feinstein, Democrat of California, said"); an
// inverted speaker is a noun phrase ("..., said the minister", not "said the plan has failed");
// an aside between subject and verb is skipped
// ("Dar, speaking alongside Wang, stressed"; "Grassley, who owns a farm, notes"); a second verb of
// the same speaker takes the source of the attribution before it ("said ..., adding", "said ...,
// but warned").
// A source is never a phrase opening with a preposition that names no one ("said recently on
// local cable television"); a phrase opening or ending with a subject pronoun is that pronoun
// ("He sent an e-mail to members saying", "a military fight he called"); a name followed by
// where or when it spoke is the name ("Munir at Beijing", "Munir on July 26"); a source after
// its cue ends at a be-form ("quoted by Carney is not in the Bible"); one lower-case adverb is
// no source ("newly confirmed").
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

#include <optional>
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

// A cue's source: tokens [begin, end), or begin = end = -1 and kind kNone when it has none.
struct CitedSpan {
  int begin = -1;
  int end = -1;
  SourceKind kind = SourceKind::kNone;
};

class SourceFinder {
 public:
  SourceFinder(const SentenceTokens& sentence, int max_source_tokens);

  // The source of attribution cue `m` of entry `e` (see above). Cues come in text order.
  CitedSpan Find(const LexiconEntry& e, const TokenMatch& m);

  // The kind of the source tokens [begin, end): kAnonymous or kNamed (see above).
  SourceKind Classify(int begin, int end) const;

 private:
  // A source before its kind is settled: tokens [begin, end) (-1 when there is none), and the
  // kind when it is taken from an earlier cue of the same speaker.
  struct Found {
    int begin = -1;
    int end = -1;
    std::optional<SourceKind> kind;
  };
  struct FoundSource {
    int cue_end;
    int begin, end;
    SourceKind kind;
  };

  // The steps of Find under SourceRule::kBefore, in order. `i` is the last token before the
  // cue and the verb modifiers right before it ("officials have also said": "officials").
  Found FindBefore(const TokenMatch& m) const;
  // The cue is passive ("was asked", "is expected", "the contests known as"): only "by ..."
  // after it is a source.
  bool PassiveCue(const TokenMatch& m, int i) const;
  // The cue holds a report noun with no possessor right before it ("concerns about").
  bool ReportNounWithoutPossessor(const TokenMatch& m) const;
  // The words before the cue cannot hold its speaker: an opening participle, "to say", a
  // preposition or article before a noun cue.
  bool NoSubjectBefore(const TokenMatch& m, int i) const;
  // The subject before the cue, else an earlier cue's source, an aside's subject or the
  // speaker after an inverted cue.
  Found SubjectOf(const TokenMatch& m, int i) const;
  // Tokens [begin, end) before the cue, unless they are not who speaks (see the file comment).
  Found SubjectPhrase(const TokenMatch& m, int begin, int end) const;
  // The speaker after a cue that follows speech: "..., said the minister".
  Found InvertedSpeaker(const TokenMatch& m) const;
  // The found source's kind, a dummy "it"/"there" dropped; remembers it for later cues.
  CitedSpan Settle(const LexiconEntry& e, const TokenMatch& m, Found found);

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
