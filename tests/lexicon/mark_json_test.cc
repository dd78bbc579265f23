// The per-sentence mark JSON and text of `parallax mark`, on hand-made marks.
#include "engine/lexicon/mark_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

const std::string kText = "Intro. Officials said it is \"clearly\" wrong.";

Sentence SecondSentence() {
  Sentence s;
  s.index = 1;
  s.paragraph = 0;
  s.span = {7, kText.size()};
  s.quotes = {{28, 37}};
  return s;
}

std::vector<Mark> Marks() {
  Mark said;
  said.category = MarkCategory::kAttribution;
  said.span = {17, 21};
  said.cue = "said";
  said.entry = "say+|said";
  said.lexicon = "attribution";
  said.stance = Stance::kNeutral;
  said.source_kind = SourceKind::kAnonymous;
  said.cited = Span{7, 16};
  Mark clearly;
  clearly.category = MarkCategory::kBooster;
  clearly.span = {29, 36};
  clearly.cue = "clearly";
  clearly.entry = "clearly";
  clearly.lexicon = "boosters";
  clearly.voice = Voice::kQuoted;
  clearly.speech = Speech::kDirect;
  clearly.negated = true;
  clearly.weight = 0.5;
  return {said, clearly};
}

TEST(MarkJsonTest, WritesOneLinePerSentenceWithOnlyTheFieldsAMarkHas) {
  EXPECT_EQ(SentenceMarksJsonLine("a1", kText, SecondSentence(), Marks()),
            "{\"article\":\"a1\",\"index\":1,\"start\":7,\"end\":44,\"paragraph\":0,"
            "\"heading\":false,\"text\":\"Officials said it is \\\"clearly\\\" wrong.\","
            "\"quotes\":[[28,37]],\"marks\":["
            "{\"category\":\"attribution\",\"start\":17,\"end\":21,\"cue\":\"said\","
            "\"entry\":\"say+|said\",\"lexicon\":\"attribution\",\"stance\":\"neutral\","
            "\"source_kind\":\"anonymous\",\"source_start\":7,\"source_end\":16,"
            "\"voice\":\"outlet\",\"negated\":false,\"weight\":1.0},"
            "{\"category\":\"booster\",\"start\":29,\"end\":36,\"cue\":\"clearly\","
            "\"entry\":\"clearly\",\"lexicon\":\"boosters\",\"voice\":\"quoted\","
            "\"negated\":true,\"weight\":0.5}]}\n");
}

TEST(MarkJsonTest, ReplacesInvalidUtf8) {
  const std::string text = "Bad \xff byte.";
  Sentence s;
  s.span = {0, text.size()};
  const std::string line = SentenceMarksJsonLine("a", text, s, {});
  EXPECT_NE(line.find("Bad \xEF\xBF\xBD byte."), std::string::npos) << line;
}

TEST(MarkJsonTest, WritesTheTextListing) {
  EXPECT_EQ(SentenceMarksText(kText, SecondSentence(), Marks()),
            "1 Officials said it is \"clearly\" wrong.\n"
            "    attribution \"said\" stance=neutral source=anonymous (Officials) voice=outlet "
            "entry=\"say+|said\"\n"
            "    booster \"clearly\" negated voice=quoted entry=\"clearly\"\n");
}

}  // namespace
}  // namespace parallax
