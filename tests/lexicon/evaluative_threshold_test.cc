#include "engine/lexicon/evaluative_threshold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

Mark Evaluative(const std::string& entry, double weight, const std::string& voice = "outlet") {
  Mark m;
  m.category = MarkCategory::kEvaluative;
  m.entry = entry;
  m.lexicon = "evaluative";
  m.weight = weight;
  EXPECT_TRUE(ParseVoice(voice, &m.voice)) << voice;
  return m;
}

Mark Hedge(const std::string& entry) {
  Mark m;
  m.category = MarkCategory::kHedge;
  m.entry = entry;
  m.lexicon = "hedges";
  return m;
}

int CountCategory(const std::vector<Mark>& marks, MarkCategory c) {
  int n = 0;
  for (const Mark& m : marks) n += m.category == c;
  return n;
}

TEST(EvaluativeWeightTest, SumsEvaluativeWeightsCountingEachEntryOnce) {
  struct Case {
    const char* name;
    std::vector<Mark> marks;
    double want;
  };
  const Case cases[] = {
      {"none", {}, 0},
      {"one strong", {Evaluative("slam+", 1)}, 1},
      {"two weak", {Evaluative("failed", 0.5), Evaluative("agenda", 0.5)}, 1},
      {"same weak entry twice", {Evaluative("massacre", 0.5), Evaluative("massacre", 0.5)}, 0.5},
      {"other categories ignored", {Hedge("may"), Evaluative("failed", 0.5)}, 0.5},
      {"quoted counts half", {Evaluative("disgrace", 1, "quoted")}, 0.5},
      {"quoted weak counts a quarter", {Evaluative("failed", 0.5, "quoted")}, 0.25},
      {"an entry counts at its largest",
       {Evaluative("disgrace", 1, "quoted"), Evaluative("disgrace", 1)},
       1},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(EvaluativeWeight(c.marks, 0.5), c.want) << c.name;
  }
}

TEST(EvaluativeThresholdTest, KeepsOrDropsEvaluativeMarksBySentenceWeight) {
  struct Case {
    const char* name;
    std::vector<Mark> marks;
    double min_weight;
    int want_evaluative;  // left after the threshold
    double quoted_factor = 0.5;
  };
  const Case cases[] = {
      {"strong word stands alone", {Evaluative("slam+", 1)}, 1, 1},
      {"weak word alone goes", {Evaluative("failed", 0.5)}, 1, 0},
      {"weak word beside a strong one stays",
       {Evaluative("failed", 0.5), Evaluative("slam+", 1)},
       1,
       2},
      {"two weak words make a whole", {Evaluative("failed", 0.5), Evaluative("agenda", 0.5)}, 1, 2},
      {"a weak word repeated does not",
       {Evaluative("agenda", 0.5), Evaluative("agenda", 0.5)},
       1,
       0},
      {"three thirds make a whole despite rounding",
       {Evaluative("a", 0.1 + 0.2), Evaluative("b", 0.3), Evaluative("c", 0.4)},
       1,
       3},
      {"quoted strong word alone goes", {Evaluative("disgrace", 1, "quoted")}, 1, 0},
      {"two quoted strong words stay",
       {Evaluative("disgrace", 1, "quoted"), Evaluative("nonsense", 1, "quoted")},
       1,
       2},
      {"quoted word beside the writer's stays",
       {Evaluative("disgrace", 1, "quoted"), Evaluative("slam+", 1)},
       1,
       2},
      {"quoted factor 1 treats quotes like the writer's voice",
       {Evaluative("disgrace", 1, "quoted")},
       1,
       1,
       1.0},
      {"zero keeps everything", {Evaluative("failed", 0.5)}, 0, 1},
      {"negative keeps everything", {Evaluative("failed", 0.5)}, -1, 1},
  };
  for (const Case& c : cases) {
    std::vector<Mark> marks = c.marks;
    int removed = ApplyEvaluativeThreshold({c.min_weight, c.quoted_factor}, &marks);
    EXPECT_EQ(CountCategory(marks, MarkCategory::kEvaluative), c.want_evaluative) << c.name;
    EXPECT_EQ(removed, static_cast<int>(c.marks.size()) - c.want_evaluative) << c.name;
  }
}

TEST(EvaluativeThresholdTest, LeavesOtherCategoriesAndTheirOrder) {
  std::vector<Mark> marks = {Hedge("may"), Evaluative("failed", 0.5), Hedge("seem+")};
  EXPECT_EQ(ApplyEvaluativeThreshold({}, &marks), 1);
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].entry, "may");
  EXPECT_EQ(marks[1].entry, "seem+");
}

// The same rule inside Marker, on a small lexicon of one strong and two weak words.
class MarkerEvaluativeThresholdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = lexicon_.AddText(R"(
category: evaluative
groups:
  - name: strong
    polarity: negative
    entries: [slam+]
  - name: weak
    polarity: negative
    weight: 0.5
    entries: [failed, agenda]
)",
                                "evaluative");
    ASSERT_OK(s);
  }

  // The evaluative cues of `text` as one sentence whose quotes are the stretches between “ and ”.
  static std::vector<std::string> EvaluativeCues(const Marker& marker, const std::string& text) {
    Sentence s;
    s.span = {0, text.size()};
    for (size_t open = text.find("\xE2\x80\x9C"); open != std::string::npos;
         open = text.find("\xE2\x80\x9C", open + 3)) {
      size_t close = text.find("\xE2\x80\x9D", open);
      if (close == std::string::npos) break;
      s.quotes.push_back({open, close + 3});
    }
    std::vector<std::string> cues;
    for (const Mark& m : marker.MarkSentence(text, s)) {
      if (m.category == MarkCategory::kEvaluative) cues.push_back(m.cue);
    }
    return cues;
  }

  Lexicon lexicon_;
};

TEST_F(MarkerEvaluativeThresholdTest, WeakWordNeedsCompany) {
  Marker marker(lexicon_);
  using V = std::vector<std::string>;
  EXPECT_EQ(EvaluativeCues(marker, "The bill failed in the Senate."), V{});
  EXPECT_EQ(EvaluativeCues(marker, "The agenda failed, and failed again."),
            (V{"agenda", "failed", "failed"}));
  EXPECT_EQ(EvaluativeCues(marker, "Critics slammed the failed plan."), (V{"slammed", "failed"}));
  EXPECT_EQ(EvaluativeCues(marker, "Critics slammed the plan."), V{"slammed"});
}

TEST_F(MarkerEvaluativeThresholdTest, QuotedWordsCountLikeTheWritersByDefault) {
  Marker marker(lexicon_);
  EXPECT_EQ(EvaluativeCues(marker, "\xE2\x80\x9CThey slammed us,\xE2\x80\x9D he said."),
            std::vector<std::string>{"slammed"});
}

TEST_F(MarkerEvaluativeThresholdTest, QuotedFactorDiscountsQuotedSpeech) {
  MarkerOptions options;
  options.evaluative.quoted_factor = 0.5;
  Marker marker(lexicon_, options);
  using V = std::vector<std::string>;
  EXPECT_EQ(EvaluativeCues(marker, "\xE2\x80\x9CThey slammed us,\xE2\x80\x9D he said."), V{});
  EXPECT_EQ(EvaluativeCues(marker,
                           "They slammed the \xE2\x80\x9C"
                           "failed\xE2\x80\x9D plan."),
            (V{"slammed", "failed"}));
  EXPECT_EQ(EvaluativeCues(marker,
                           "\xE2\x80\x9CThey slammed us and slammed the agenda,\xE2\x80\x9D "
                           "he said."),
            V{});  // one quoted entry (0.5) and a quoted weak one (0.25)
}

TEST_F(MarkerEvaluativeThresholdTest, ZeroThresholdKeepsWeakWordsAlone) {
  MarkerOptions options;
  options.evaluative.min_weight = 0;
  Marker marker(lexicon_, options);
  EXPECT_EQ(EvaluativeCues(marker, "The bill failed in the Senate."),
            std::vector<std::string>{"failed"});
}

}  // namespace
}  // namespace parallax
