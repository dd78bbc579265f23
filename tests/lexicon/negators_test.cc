// Negation has one home, lexicons/negators.yaml: what the file lists negates, and nothing else
// (but "-n't" words).
#include "engine/lexicon/negators.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

// A booster lexicon and a negator file holding `negators`.
Lexicon BoosterLexicon(const std::string& negators) {
  Lexicon lexicon;
  Status s = lexicon.AddText("category: booster\nentries:\n  - certain\n", "boosters");
  EXPECT_OK(s);
  s = lexicon.AddText("category: negator\nentries: [" + negators + "]\n", "negators");
  EXPECT_OK(s);
  return lexicon;
}

// The one mark of `text` with the marker of `lexicon`.
Mark MarkOne(const Lexicon& lexicon, const std::string& text) {
  Sentence sentence;
  sentence.span = {0, text.size()};
  const std::vector<Mark> marks = Marker(lexicon).MarkSentence(text, sentence);
  EXPECT_EQ(marks.size(), 1u) << text;
  return marks.empty() ? Mark() : marks[0];
}

TEST(NegatorsTest, ReadsTheNegatorLexicon) {
  StatusOr<Negators> negators = Negators::Load(PARALLAX_SOURCE_DIR "/lexicons/negators.yaml");
  ASSERT_OK(negators);
  for (const char* w : {"not", "never", "nobody", "nowhere", "without", "hardly", "lacking"}) {
    EXPECT_TRUE(negators->Contains(w)) << w;
  }
  EXPECT_TRUE(negators->Contains("don't"));
  EXPECT_TRUE(negators->Contains("isn't"));  // "-n't" words without being listed
  EXPECT_FALSE(negators->Contains("maybe"));
  EXPECT_FALSE(negators->Contains("note"));
  // Only clause negators count for the similarity model.
  EXPECT_TRUE(negators->NegatesClause("not"));
  EXPECT_TRUE(negators->NegatesClause("nowhere"));
  EXPECT_TRUE(negators->NegatesClause("didn't"));
  EXPECT_FALSE(negators->NegatesClause("without"));
  EXPECT_FALSE(negators->NegatesClause("hardly"));
}

// The review's point: with a second list in code, deleting "hardly" from the file changed
// nothing. Now the file is the list.
TEST(NegatorsTest, AWordRemovedFromTheFileNegatesNothing) {
  const Mark with = MarkOne(BoosterLexicon("not, hardly"), "It is hardly certain.");
  EXPECT_TRUE(with.negated);
  EXPECT_EQ(with.category, MarkCategory::kHedge);  // a negated booster is a hedge
  const Mark without = MarkOne(BoosterLexicon("not"), "It is hardly certain.");
  EXPECT_FALSE(without.negated);
  EXPECT_EQ(without.category, MarkCategory::kBooster);
  EXPECT_FALSE(Negators(BoosterLexicon("not")).Contains("hardly"));
  // And a word the file adds negates, though no code knows it.
  EXPECT_TRUE(MarkOne(BoosterLexicon("scarcely"), "It is scarcely certain.").negated);
  EXPECT_TRUE(MarkOne(BoosterLexicon("nowhere"), "It is nowhere near certain.").negated);
}

TEST(NegatorsTest, NtWordsNegateWithoutBeingListed) {
  EXPECT_TRUE(MarkOne(BoosterLexicon("not"), "It isn't certain.").negated);
  EXPECT_TRUE(Negators().Contains("wasn't"));
  EXPECT_FALSE(Negators().Contains("not"));
}

TEST(NegatorsTest, ANegatorIsOneWordWithoutContext) {
  struct Case {
    const char* yaml;
    const char* error;
  };
  const Case cases[] = {
      {"category: negator\nentries: [not at all]\n", "a negator is one word"},
      {"category: negator\nentries: [\"[is] not\"]\n", "a negator is one word"},
      {"category: negator\nentries: [\"no _\"]\n", "a negator is one word"},
      {"category: negator\nentries:\n  - {pattern: not, not_after: [\"#num\"]}\n",
       "a negator is one word"},
      {"category: negator\nentries:\n  - {pattern: not, negates: sideways}\n",
       "unknown scope 'sideways'"},
      {"category: hedge\nentries:\n  - {pattern: may, negates: clause}\n",
       "'negates' applies to negator entries only"},
  };
  for (const Case& c : cases) {
    Lexicon lexicon;
    const Status s = lexicon.AddText(c.yaml, "bad");
    EXPECT_FALSE(s.ok()) << c.yaml;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << c.yaml << " -> " << s.message();
  }
  Lexicon ok;
  EXPECT_OK(ok.AddText("category: negator\nentries: [lack+, \"no|none\"]\n", "negators"));
  const Negators negators(ok);
  EXPECT_TRUE(negators.Contains("lacked"));
  EXPECT_TRUE(negators.Contains("none"));
}

TEST(NegatorsTest, LoadRefusesAnotherCategoryAndAMissingFile) {
  EXPECT_FALSE(Negators::Load(PARALLAX_SOURCE_DIR "/lexicons/hedges.yaml").ok());
  StatusOr<Negators> missing = Negators::Load(PARALLAX_SOURCE_DIR "/lexicons/no-such.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace parallax
