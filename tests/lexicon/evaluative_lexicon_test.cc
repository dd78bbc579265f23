// Pins down what the shipped evaluative lexicon (lexicons/evaluative.yaml) marks: loaded word
// choice in the writer's voice is marked with its polarity; words with a common plain sense
// in news ("failed", "agenda", "massacre") weigh 0.5 and are marked only beside another
// evaluative word. The sentences are made up for the test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

class EvaluativeLexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
    ASSERT_OK(lexicon);
    lexicon->set_cue_model(nullptr);
    entries_ = new std::vector<LexiconEntry>(lexicon->entries());
    marker_ = new Marker(*lexicon);
  }
  static void TearDownTestSuite() {
    delete marker_;
    delete entries_;
  }

  static std::vector<Mark> Evaluative(const std::string& text) {
    Sentence s;
    s.span = {0, text.size()};
    std::vector<Mark> out;
    for (Mark& m : marker_->MarkSentence(text, s)) {
      if (m.category == MarkCategory::kEvaluative) out.push_back(std::move(m));
    }
    return out;
  }

  static Marker* marker_;
  static std::vector<LexiconEntry>* entries_;
};

Marker* EvaluativeLexiconTest::marker_ = nullptr;
std::vector<LexiconEntry>* EvaluativeLexiconTest::entries_ = nullptr;

TEST_F(EvaluativeLexiconTest, MarksLoadedWordChoice) {
  struct Case {
    const char* text;
    const char* cue;  // one of the evaluative cues expected
    const char* polarity;
  };
  const Case cases[] = {
      {"Critics hammered the governor over the rollout.", "hammered", "negative"},
      {"The mayor caved to the unions within a week.", "caved", "negative"},
      {"He flip-flopped on the pipeline again.", "flip-flopped", "negative"},
      {"The spokesman sidestepped questions about the memo.", "sidestepped", "negative"},
      {"Her bombastic speech ran for an hour.", "bombastic", "negative"},
      {"The plan is half-baked.", "half-baked", "negative"},
      {"The charges were trumped-up, his lawyer said.", "trumped-up", "negative"},
      {"The minister complained about the coverage.", "complained", "negative"},
      {"Officials offered a paltry sum to the families.", "paltry", "negative"},
      {"The senator answered, wildly exaggerating the cost.", "wildly", "negative"},
      {"He was thrown under the bus by his own party.", "thrown under the bus", "negative"},
      {"The party's rising star spoke first.", "rising star", "positive"},
      {"She deftly steered the bill through the House.", "deftly", "positive"},
  };
  for (const Case& c : cases) {
    bool found = false;
    for (const Mark& m : Evaluative(c.text)) {
      if (m.cue == c.cue) {
        found = true;
        EXPECT_EQ(PolarityName(m.polarity), c.polarity) << c.text;
      }
    }
    EXPECT_TRUE(found) << "no evaluative mark on \"" << c.cue << "\" in: " << c.text;
  }
}

TEST_F(EvaluativeLexiconTest, PlainSensesAloneAreNotMarked) {
  const char* plain[] = {
      "The bill failed in the Senate on Tuesday.",
      "The president outlined his agenda for the year.",
      "Nine people died in the school massacre, the police said.",
      "The law requires criminal background checks for gun sales.",
      "Lawmakers praised the decision.",
      "The storm made the roads dangerous.",
      "The vote was historic.",
      "Prices rose extremely fast.",
  };
  for (const char* text : plain) {
    EXPECT_TRUE(Evaluative(text).empty()) << text;
  }
}

TEST_F(EvaluativeLexiconTest, WeakWordsInLoadedCompanyAreMarked) {
  struct Case {
    const char* text;
    size_t marks;
  };
  const Case cases[] = {
      {"They pushed a failed, radical agenda.", 2},         // "failed" + "radical agenda"
      {"The proposal is extremely dangerous.", 2},          // intensifier + weak word
      {"Critics slammed the failed rollout.", 2},           // strong + weak
      {"The agenda grew, and then the agenda shrank.", 0},  // one weak entry, repeated
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Evaluative(c.text).size(), c.marks) << c.text;
  }
}

TEST_F(EvaluativeLexiconTest, NegationFlipsPolarity) {
  std::vector<Mark> marks = Evaluative("The plan was not reckless.");
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_TRUE(marks[0].negated);
  EXPECT_EQ(PolarityName(marks[0].polarity), "positive");
}

TEST_F(EvaluativeLexiconTest, EveryEntryHasAPolarityAndAKnownWeight) {
  int evaluative = 0;
  for (const LexiconEntry& e : *entries_) {
    if (e.category != MarkCategory::kEvaluative) continue;
    ++evaluative;
    EXPECT_TRUE(e.polarity.has_value()) << e.text;
    // 1: loaded on its own; 0.5: context-dependent or intensifier (evaluative_threshold.h).
    EXPECT_TRUE(e.weight == 1.0 || e.weight == 0.5) << e.text << " weighs " << e.weight;
  }
  EXPECT_GT(evaluative, 1000);
}

}  // namespace
}  // namespace parallax
