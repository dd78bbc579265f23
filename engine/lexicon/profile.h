// SourceProfile: how one source (an outlet, a columnist) uses marked language across its
// articles — counts and rates per 1,000 words of each mark category, attribution stance,
// attribution source kind and evaluative polarity, with the outlet's own voice counted apart
// from quoted speech, and the sentences that hold each kind of mark as evidence.
//
// Rates let sources of different length be compared: a report draws one bar per bucket.
// Evidence points back to (article index, sentence index) as the caller numbered them.
//
// A profile also lists whom the source cites: its attribution marks grouped by what their
// source spans say ("Munir", "Pakistan’s military media wing", "reliable sources"), most
// cited first. Two spans are one source when CitedSourceKey gives them the same key, or when
// both name one entity of the alias table (rules/aliases.yaml: "Munir", "General Munir" and
// "Munir at Beijing" are all "Asim Munir"), or when they write one person's name with and
// without title or first name ("Gov. Deval Patrick", "Mr. Patrick", "Patrick": one surname, no
// two first names among them, and not an organisation's head word such as "House"); pronouns
// and relative words ("he", "it", "who") are left out, since they say nothing without their
// antecedent.
//
// Thread safety: BuildProfile and CountWords are pure functions.
#ifndef PARALLAX_ENGINE_LEXICON_PROFILE_H_
#define PARALLAX_ENGINE_LEXICON_PROFILE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lexicon/mark.h"
#include "engine/text/aliases.h"

namespace parallax {

// The marks of one sentence of one article, as the profile needs them.
struct MarkedSentence {
  int article = 0;   // the caller's index of the article
  int sentence = 0;  // Sentence::index
  size_t words = 0;  // CountWords() of the sentence text
  std::vector<Mark> marks;
  // The text the marks' spans index into (the article's). Empty: sources are not listed.
  std::string_view text;
};

struct Evidence {
  int article = 0;
  int sentence = 0;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct ProfileBucket {
  std::string name;           // "hedge", "distancing", "anonymous", "negative", ...
  int count = 0;              // marks of this kind, any voice
  int outlet_count = 0;       // of those, in the outlet's own voice
  double per_1000_words = 0;  // count * 1000 / words (0 when there are no words)
  double outlet_per_1000_words = 0;
  std::vector<Evidence> evidence;  // sentences with such a mark, each once, in input order
};

// A source the profile's outlet cites, over all its articles.
struct CitedSource {
  std::string name;  // the entity's canonical name, else the span as first written
  SourceKind kind = SourceKind::kNamed;  // kNamed or kAnonymous, whichever more of its marks
                                         // say (ties: kNamed)
  int count = 0;                         // attribution marks citing it
  int outlet_count = 0;                  // of those, in the outlet's own voice
  std::vector<int> stance_counts;        // marks per stance, in Stance order
  std::vector<Evidence> evidence;        // sentences citing it, each once, in input order
  // The distinct spans that cite it, as written, in order of first use (at most
  // ProfileOptions::max_written_as): "Munir", "General Munir" for the entity "Asim Munir".
  std::vector<std::string> written_as;
};

struct SourceProfile {
  std::string source;
  int articles = 0;  // distinct article indices seen
  int sentences = 0;
  size_t words = 0;
  std::vector<ProfileBucket> categories;    // one per MarkCategory, in enum order
  std::vector<ProfileBucket> stances;       // attribution marks by stance, in Stance order
  std::vector<ProfileBucket> source_kinds;  // attribution marks by kind, in SourceKind order
  std::vector<ProfileBucket> polarities;    // evaluative marks, in Polarity order
  std::vector<CitedSource> cited;           // most cited first; ties in order of first citation

  // The bucket named `name` in `group` (one of the vectors above), or nullptr.
  static const ProfileBucket* Find(const std::vector<ProfileBucket>& group, std::string_view name);
};

struct ProfileOptions {
  // Evidence kept per bucket; the count is exact whatever this is.
  size_t max_evidence = 50;
  // Cited sources kept, the most cited; 0 keeps none.
  size_t max_cited = 12;
  // Spans kept per cited source in CitedSource::written_as.
  size_t max_written_as = 5;
  // Entities for grouping cited sources (see CitedEntity); not owned, may be null.
  const AliasTable* aliases = nullptr;
};

SourceProfile BuildProfile(const std::string& source, const std::vector<MarkedSentence>& sentences,
                           const ProfileOptions& options = ProfileOptions());

// The key under which source spans count as one cited source: lower-cased, curly apostrophes
// folded, runs of spaces made one, and a leading article ("the", "a", "an") and a trailing
// possessive ("'s") removed, so "The ministry" and "the ministry's" meet. Empty for a span that
// is only a pronoun or relative word ("he", "It", "who", "which").
std::string CitedSourceKey(std::string_view source);

// The canonical name of the entity a source span names, or "" when it names none: the span is an
// alias, possibly after capitalised title words ("Foreign Minister Dar") and before a place or
// time ("Munir at Beijing", "Munir on July 26"). "Pakistan's military media wing" and "The
// Chinese foreign minister" name no entity: the entity there qualifies another noun.
std::string CitedEntity(std::string_view source, const AliasTable& aliases);

// Number of word tokens (see text/tokenizer.h) in `text` that are not bare numbers: the
// denominator of every rate. Not the segmenter's CountSpacedWords (sentence_splitter.cc), which
// counts runs of non-space bytes holding a letter or digit, numbers included, to tell a short
// quotation from a long one without tokenizing.
size_t CountWords(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_PROFILE_H_
