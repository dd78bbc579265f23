#include "engine/lexicon/source_finder.h"

#include <gtest/gtest.h>

#include "engine/lexicon/grammar_words.h"

namespace parallax {
namespace {

// One sentence's tokens and clause breaks, as the marker computes them.
struct Sentence {
  std::string text;
  std::vector<Token> tokens;
  std::vector<char> break_before, anonymous;

  explicit Sentence(std::string t) : text(std::move(t)) {
    Tokenize(text, 0, &tokens);
    const int n = static_cast<int>(tokens.size());
    break_before.assign(n + 1, 1);
    for (int i = 1; i < n; ++i) {
      const std::string_view between = Span{tokens[i - 1].span.end, tokens[i].span.start}.Of(text);
      break_before[i] = HasClauseBreak(between) && !IsAbbreviationPeriod(between, tokens[i - 1]);
    }
    anonymous.assign(n, 0);
  }
  SentenceTokens View() const { return {text, &tokens, &break_before, &anonymous}; }
  // The cue: the tokens of the first occurrence of `cue`.
  TokenMatch Cue(const std::string& cue) const {
    const size_t at = text.find(cue);
    TokenMatch m;
    m.begin = m.cue_begin = -1;
    for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
      if (tokens[i].span.start == at) m.begin = m.cue_begin = i;
      if (tokens[i].span.end == at + cue.size()) m.end = m.cue_end = i + 1;
    }
    EXPECT_GE(m.cue_begin, 0) << cue;
    return m;
  }
  std::string Of(const CitedSpan& s) const {
    if (s.begin < 0) return "";
    return std::string(Span{tokens[s.begin].span.start, tokens[s.end - 1].span.end}.Of(text));
  }
};

LexiconEntry Entry(SourceRule rule) {
  LexiconEntry e;
  e.category = MarkCategory::kAttribution;
  e.source_rule = rule;
  return e;
}

TEST(SourceFinderTest, FindsTheSourceByTheEntrysRule) {
  const struct {
    const char* text;
    const char* cue;
    SourceRule rule;
    const char* source;
    const char* kind;
  } cases[] = {
      {"In Kabul, officials said the talks failed.", "said", SourceRule::kBefore, "officials",
       "anonymous"},
      {"Mr. Rubio said the talks failed.", "said", SourceRule::kBefore, "Mr. Rubio", "named"},
      {"The talks failed, according to the ministry.", "according to", SourceRule::kAfter,
       "the ministry", "named"},
      {"The talks reportedly failed.", "reportedly", SourceRule::kNone, "", "none"},
      {"It appears the talks failed.", "appears", SourceRule::kBefore, "", "none"},
      {"The plan was criticized by the mayor.", "was criticized", SourceRule::kBefore, "the mayor",
       "named"},
      {"\xE2\x80\x9CWe will win,\xE2\x80\x9D said Adrian Mapp, a delegate from Ohio.", "said",
       SourceRule::kBefore, "Adrian Mapp, a delegate from Ohio", "named"},
      // Where or when a named speaker spoke is no part of the name; a place of a common noun
      // is ("the officials in Washington"; a definite description is "named", see the header).
      {"Munir at Beijing reaffirmed the support.", "reaffirmed", SourceRule::kBefore, "Munir",
       "named"},
      {"Munir on July 26 reaffirmed the resolve.", "reaffirmed", SourceRule::kBefore, "Munir",
       "named"},
      // A phrase ending in a subject pronoun: the pronoun speaks. One adverb speaks for no one.
      {"He spoke of Afghanistan, a military fight he called a war of choice.", "called",
       SourceRule::kBefore, "he", "named"},
      {"The appointee, newly confirmed, took office.", "confirmed", SourceRule::kBefore, "",
       "none"},
      // A phrase telling where, not who; a subject pronoun with its clause; a be-form after the
      // source.
      {"Patrick, the governor, said recently on local television that it was a priority.", "said",
       SourceRule::kBefore, "Patrick, the governor", "named"},
      {"Patrick, the state's first African-American governor, said recently on local cable "
       "television that it was a priority.",
       "said", SourceRule::kBefore, "", "none"},
      {"He sent an e-mail to members saying he hoped so.", "saying", SourceRule::kBefore, "He",
       "named"},
      {"The phrase quoted by Carney is not in the Bible.", "quoted by", SourceRule::kAfter,
       "Carney", "named"},
      {"The officials in Washington said the talks failed.", "said", SourceRule::kBefore,
       "The officials in Washington", "named"},
  };
  for (const auto& c : cases) {
    const Sentence s(c.text);
    SourceFinder finder(s.View(), 8);
    const CitedSpan found = finder.Find(Entry(c.rule), s.Cue(c.cue));
    EXPECT_EQ(s.Of(found), c.source) << c.text;
    EXPECT_EQ(SourceKindName(found.kind), c.kind) << c.text;
  }
}

// A source the anonymous_source lexicon matched is anonymous even when capitalised.
TEST(SourceFinderTest, AnonymousSourceMatchesMakeTheSourceAnonymous) {
  Sentence s("Officials said the talks failed.");
  SourceFinder named(s.View(), 8);
  EXPECT_EQ(SourceKindName(named.Find(Entry(SourceRule::kBefore), s.Cue("said")).kind), "named");
  s.anonymous[0] = 1;  // as if "officials" matched lexicons/anonymous_sources.yaml
  SourceFinder anonymous(s.View(), 8);
  const CitedSpan found = anonymous.Find(Entry(SourceRule::kBefore), s.Cue("said"));
  EXPECT_EQ(s.Of(found), "Officials");
  EXPECT_EQ(SourceKindName(found.kind), "anonymous");
}

// The finder remembers the sources it found: a later verb of the same speaker takes it.
TEST(SourceFinderTest, ASecondVerbTakesTheSourceOfTheFirst) {
  const Sentence s("Smith said the talks were over, adding that they could resume.");
  SourceFinder finder(s.View(), 8);
  EXPECT_EQ(s.Of(finder.Find(Entry(SourceRule::kBefore), s.Cue("said"))), "Smith");
  const CitedSpan adding = finder.Find(Entry(SourceRule::kBefore), s.Cue("adding"));
  EXPECT_EQ(s.Of(adding), "Smith");
  EXPECT_EQ(SourceKindName(adding.kind), "named");
  // A fresh finder knows no earlier speaker.
  SourceFinder fresh(s.View(), 8);
  EXPECT_EQ(SourceKindName(fresh.Find(Entry(SourceRule::kBefore), s.Cue("adding")).kind), "none");
}

}  // namespace
}  // namespace parallax
