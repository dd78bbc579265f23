// Grammar words: the closed-class word tests shared by the marker (marker.cc) and the source
// finder (source_finder.cc) — auxiliaries, clause openers, prepositions, determiners, report
// nouns — and the punctuation that breaks a clause. Internal to engine/lexicon.
//
// These are grammar, not vocabulary a user would tune, so they live in code rather than in a
// lexicon file. Words are lower-cased as the tokenizer gives them (Token::norm).
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_LEXICON_GRAMMAR_WORDS_H_
#define PARALLAX_ENGINE_LEXICON_GRAMMAR_WORDS_H_

#include <initializer_list>
#include <string_view>
#include <vector>

#include "engine/text/tokenizer.h"

namespace parallax {

// Returns true iff `word` is one of `words`.
bool IsIn(std::string_view word, std::initializer_list<std::string_view> words);

// Between a subject and its verb: "officials have also said", "the statement further claimed".
bool IsVerbModifier(std::string_view w);

// Auxiliaries and adverbs that belong to a reporting verb group ("has also said", "did not
// mention", "is expected"), and particles that complete one ("pointed to", "asked about").
bool IsVerbGroupWord(std::string_view w);

// Words that complete a report verb after it: "pointed to", "asked about", "said Monday".
bool IsParticle(std::string_view w);

// Past participles of a passive report ("was asked", "is expected", "was shown").
bool IsParticiple(std::string_view w);

// Verbs of impression and "be", whose "it" or "there" subject is a dummy.
bool IsImpression(std::string_view w);

// Forms of "be", with the clitic "'s".
bool IsBeForm(std::string_view w);

// Words that open a new clause: the source of a verb does not reach past them.
bool IsClauseWord(std::string_view w);

// Subject pronouns (and "one"): a source that is one of these is named.
bool IsPersonalPronoun(std::string_view w);

// Pronouns of every case, possessives, demonstratives and relative words ("he", "him", "his",
// "this", "who", "which"): a cited source that is only one of these says nothing without its
// antecedent (profile.h, CitedSourceKey). Every IsPersonalPronoun word is one.
bool IsPronounOrRelative(std::string_view w);

// Words that open a definite description ("the", "this", "his", "both"): named.
bool IsDefiniteOpener(std::string_view w);

// Articles, demonstratives and quantifiers that open a noun phrase.
bool IsDeterminer(std::string_view w);

// Prepositions that open an adverbial, not a subject: "In a swipe against ...", "Despite
// complaints that ...". A cue right after one of these (or after an article) is a noun, and
// a phrase opening with one is not who speaks.
bool IsPreposition(std::string_view w);

// Verbs whose subject is what an impression is about, not whose impression it is ("the race
// appears closer", "Washington seems weak"), and participles that report without an agent
// ("immigrants expected this year", "the contests known as Super Tuesday"). In PolNeAR train
// 87% of cues with "seem" or "appear", 90% with "expected" and 84% with "known" have no
// source.
// "Look" and "sound" judge their subject the same way ("Clinton looks weaker", "his speech
// sounded presidential"); 14 of their 18 cues in PolNeAR train have no source.
bool IsSourcelessVerb(std::string_view w);

// Participles that name, judge or charge, and adverbs that put one in a reduced relative
// clause: "the group, now called Forward", "emails now deemed classified", "the so called
// deal", "a contractor accused of spying". The noun before is what is named, not who names.
bool IsNamingParticiple(std::string_view w);

// Adverbs before a naming participle in a reduced relative ("now called", "so called").
bool IsReducedRelativeAdverb(std::string_view w);

// Nouns of speech and opinion that head a cue ("allegations of", "renewed doubts about"). Their
// source is a possessor right before them ("his allegations", "Trump's complaints"); a subject
// further back is whoever raised or faced them ("The documents raised new questions about").
// Nouns that are also report verbs ("fears", "questions", "claims") count only after a
// quantifier or adjective that makes them nouns.
bool IsReportNoun(std::string_view w);

// Report nouns that are also verbs ("fears", "claims"): nouns only after a qualifier.
bool IsReportNounIfQualified(std::string_view w);

// Quantifiers and adjectives that make the next word a noun ("new questions").
bool IsNounQualifier(std::string_view w);

// Possessive pronouns and words ending in 's or s'.
bool IsPossessor(const Token& t);

// Returns true iff the cue [begin, end) is a participle in a reduced relative clause.
bool IsReducedRelative(const std::vector<Token>& tokens, const std::vector<char>& break_before,
                       int begin, int end);

// Characters between two tokens that end a clause for negation and source finding.
bool HasClauseBreak(std::string_view between);

// Returns true iff the text between two tokens of one sentence is a period closing an
// abbreviation or an initial ("Mr. Rubio", "Sen. Marco Rubio", "John F. Kennedy", "U.S.
// officials"): the token before it is at most four letters (dots allowed) and holds a
// capital. The segmenter has already ended the sentence wherever a period ends one.
bool IsAbbreviationPeriod(std::string_view between, const Token& before);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_GRAMMAR_WORDS_H_
