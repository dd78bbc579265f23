#include "engine/lexicon/marker.h"

#include <gtest/gtest.h>

#include "tests/testutil.h"

namespace parallax {
namespace {

// A report with no stance to check: the cue, the source kind, the source text ("" when none).
struct SourceCase {
  const char* text;
  const char* cue;
  const char* kind;
  const char* source;
};

// Checks that `marks` (of `text`) hold an attribution with cue `cue`, source kind `kind` and
// source text `source` ("" when none); returns the mark (a pointer into `marks`), or null after a
// failure when missing.
const Mark* ExpectAttribution(const std::vector<Mark>& marks, const std::string& text,
                              const std::string& cue, const std::string& kind,
                              const std::string& source) {
  const Mark* m = nullptr;
  for (const Mark& k : marks) {
    if (k.category == MarkCategory::kAttribution && k.cue == cue) {
      m = &k;
      break;
    }
  }
  if (m == nullptr) {
    ADD_FAILURE() << "no attribution \"" << cue << "\" in: " << text;
    return nullptr;
  }
  EXPECT_EQ(SourceKindName(m->source_kind), kind) << text;
  EXPECT_EQ(m->cited ? std::string(m->cited->Of(text)) : "", source) << text;
  return m;
}

class MarkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
    ASSERT_OK(lexicon);
    // These tests pin down what the lexicon and the marker's rules do; the learned cue model
    // (which may drop or extend lexicon cues) has its own tests in cue_model_test.cc.
    lexicon->set_cue_model(nullptr);
    marker_ = new Marker(*lexicon);
  }
  static void TearDownTestSuite() { delete marker_; }

  // Marks `text` as one sentence whose quotes are the stretches between “ and ”.
  static std::vector<Mark> MarkText(const std::string& text) {
    Sentence s;
    s.span = {0, text.size()};
    size_t open = text.find("\xE2\x80\x9C");
    while (open != std::string::npos) {
      size_t close = text.find("\xE2\x80\x9D", open);
      if (close == std::string::npos) break;
      s.quotes.push_back({open, close + 3});
      open = text.find("\xE2\x80\x9C", close);
    }
    return marker_->MarkSentence(text, s);
  }

  static const Mark* Find(const std::vector<Mark>& marks, MarkCategory c, const std::string& cue) {
    for (const Mark& m : marks) {
      if (m.category == c && m.cue == cue) return &m;
    }
    return nullptr;
  }

  static Marker* marker_;
};

Marker* MarkerTest::marker_ = nullptr;

TEST_F(MarkerTest, MayIsAHedgeButTheMonthIsNot) {
  EXPECT_NE(Find(MarkText("The talks may fail."), MarkCategory::kHedge, "may"), nullptr);
  EXPECT_EQ(Find(MarkText("The talks began on May 20."), MarkCategory::kHedge, "May"), nullptr);
  EXPECT_EQ(Find(MarkText("The talks began in May."), MarkCategory::kHedge, "May"), nullptr);
}

TEST_F(MarkerTest, CouldIsAHedgeOnlyWhenEpistemic) {
  EXPECT_NE(Find(MarkText("The deal could be cosmetic."), MarkCategory::kHedge, "could"), nullptr);
  EXPECT_EQ(Find(MarkText("He could not find the file."), MarkCategory::kHedge, "could"), nullptr);
  EXPECT_EQ(Find(MarkText("She could see the harbour."), MarkCategory::kHedge, "could"), nullptr);
}

TEST_F(MarkerTest, NegatedBoosterBecomesAHedge) {
  std::vector<Mark> marks = MarkText("It is not certain that the talks will go ahead.");
  bool hedge = false;
  for (const Mark& m : marks) {
    if (m.category == MarkCategory::kBooster) ADD_FAILURE() << "booster " << m.cue;
    if (m.category == MarkCategory::kHedge) hedge = true;
  }
  EXPECT_TRUE(hedge);
  const Mark* no_evidence =
      Find(MarkText("There is no evidence of fraud."), MarkCategory::kHedge, "no evidence");
  EXPECT_NE(no_evidence, nullptr);
}

TEST_F(MarkerTest, NegationStopsAtTheClause) {
  const std::vector<Mark> marks =
      MarkText("It was not a surprise, but the move was clearly planned.");
  const Mark* m = Find(marks, MarkCategory::kBooster, "clearly");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->negated);
}

TEST_F(MarkerTest, NegatedEvaluativeFlipsPolarity) {
  const std::vector<Mark> marks = MarkText("The plan is not reckless.");
  const Mark* m = Find(marks, MarkCategory::kEvaluative, "reckless");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->negated);
  EXPECT_EQ(PolarityName(m->polarity), "positive");
}

// A bug found on real news (attribution precision): "not only seemed" was marked negated.
TEST_F(MarkerTest, NotOnlyDoesNotNegate) {
  const std::vector<Mark> marks = MarkText("The move not only seemed rushed but was also costly.");
  const Mark* m = Find(marks, MarkCategory::kHedge, "seemed");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->negated);
  const std::vector<Mark> negated = MarkText("The move did not seem rushed.");
  const Mark* n = Find(negated, MarkCategory::kHedge, "seem");
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(n->negated);
}

// A bug found on real news (attribution precision): "extraordinary rebuke" was given positive
// polarity.
TEST_F(MarkerTest, PraiseWordBeforeANegativeOneJudgesWithIt) {
  const std::vector<Mark> marks = MarkText("It was an extraordinary rebuke of the president.");
  const Mark* m = Find(marks, MarkCategory::kEvaluative, "extraordinary");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(PolarityName(m->polarity), "negative");
  const std::vector<Mark> gift = MarkText("It was an extraordinary and generous gift.");
  const Mark* alone = Find(gift, MarkCategory::kEvaluative, "extraordinary");
  ASSERT_NE(alone, nullptr);
  EXPECT_EQ(PolarityName(alone->polarity), "positive");
}

TEST_F(MarkerTest, AttributionSourcesAndStances) {
  struct Case {
    const char* text;
    const char* cue;
    const char* stance;
    const char* kind;
    const char* source;  // "" when none
  } cases[] = {
      {"Officials said the border was closed.", "said", "neutral", "anonymous", "Officials"},
      {"The minister claimed that the border was closed.", "claimed", "distancing", "named",
       "The minister"},
      {"According to the defence ministry, the border was closed.", "According to", "neutral",
       "named", "the defence ministry"},
      {"It was claimed that the border was closed.", "was claimed", "distancing", "none", ""},
      {"The border was reportedly closed.", "reportedly", "distancing", "none", ""},
      {"Sources close to the president said it was closed.", "said", "neutral", "anonymous",
       "Sources close to the president"},
      {"The ministry later admitted the error.", "later admitted", "concessive", "named",
       "The ministry"},
      {"The border is closed, said Ahmed Khan.", "said", "neutral", "named", "Ahmed Khan"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    const std::vector<Mark> marks = MarkText(text);  // outlives m, which points into it
    const Mark* m = ExpectAttribution(marks, text, c.cue, c.kind, c.source);
    if (m != nullptr) {
      EXPECT_EQ(StanceName(m->stance), c.stance) << c.text;
    }
  }
}

// Reports whose source is not in the sentence: agentless passives (attribution.yaml, "agentless
// passives"), report nouns without a possessor ("nominal reports"), impersonal judgements, and
// the source finder's rules for "accused of" and "..., asked about". Each case states the
// source kind and source text expected; a named source stays named.
TEST_F(MarkerTest, ReportsWithoutASourceInTheSentence) {
  const SourceCase cases[] = {
      {"He was challenged on the claim.", "was challenged on", "none", ""},
      {"The deal was widely rumored to be close.", "was widely rumored to", "none", ""},
      {"The plan was criticized by the mayor.", "was criticized", "named", "the mayor"},
      {"It has been widely reported that the talks failed.", "has been widely reported", "none",
       ""},
      {"Allegations of fraud surfaced on Monday.", "Allegations of", "none", ""},
      {"His allegations of fraud were dismissed.", "allegations of", "named", "His"},
      {"Trump's complaints about the debate were loud.", "complaints about", "named", "Trump's"},
      {"There are concerns about the plan.", "are concerns about", "none", ""},
      {"He fears that the deal will fail.", "fears that", "named", "He"},
      {"It is unclear whether the vote will pass.", "It is unclear", "none", ""},
      {"It's unclear whether the vote will pass.", "It's unclear", "none", ""},
      {"It is not clear whether the vote will pass.", "It is not clear", "none", ""},
      {"Cuba released Alan Gross, an American contractor accused of spying.", "accused of", "none",
       ""},
      {"Trump accused Clinton of lying.", "accused", "named", "Trump"},
      {"The group, now called Forward, met on Monday.", "called", "none", ""},
      {"The so called deal collapsed.", "called", "none", ""},
      {"\xE2\x80\x9CIt has been a while,\xE2\x80\x9D McCain said, asked about the vagueness.",
       "asked about", "none", ""},
      {"\xE2\x80\x9CWe will win,\xE2\x80\x9D said Ahmed Khan.", "said", "named", "Ahmed Khan"},
  };
  for (const SourceCase& c : cases) {
    const std::string text = c.text;
    ExpectAttribution(MarkText(text), text, c.cue, c.kind, c.source);
  }
}

// The source finder's rules for cues the cue model finds but the lexicon lacks ("looks",
// "deemed", "questions about"), pinned down with those words added as lexicon entries.
TEST(MarkerSourceRulesTest, ImpressionsReducedRelativesAndReportNounsHaveNoSource) {
  StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
  ASSERT_OK(lexicon);
  lexicon->set_cue_model(nullptr);
  Status s = lexicon->AddText(
      "category: attribution\nentries: [look+, deemed, considered, \"questions about\", vision]\n",
      "extra_attribution.yaml");
  ASSERT_OK(s);
  Marker marker(*lexicon);
  const SourceCase cases[] = {
      {"Garland looks dead on arrival.", "looks", "none", ""},
      {"More than 1,200 emails now deemed classified were released.", "deemed", "none", ""},
      {"Breyer, a Clinton appointee considered a liberal, ranks high.", "considered", "none", ""},
      {"Smith deemed the plan sound.", "deemed", "named", "Smith"},
      {"The documents raised new questions about the deal.", "questions about", "none", ""},
      {"Their questions about the deal went unanswered.", "questions about", "named", "Their"},
      // A phrase the cue cut into after a possessive keeps only the possessor.
      {"They met as part of their vision for peace.", "vision for", "named", "their"},
  };
  for (const SourceCase& c : cases) {
    const std::string text = c.text;
    Sentence sentence;
    sentence.span = {0, text.size()};
    ExpectAttribution(marker.MarkSentence(text, sentence), text, c.cue, c.kind, c.source);
  }
}

// lexicons/non_report.yaml: set phrases whose report words report nothing make no attribution,
// while the same words elsewhere in the sentence, or outside the phrase's context, still do.
TEST_F(MarkerTest, SetPhrasesWithReportWordsMakeNoAttribution) {
  const char* none[] = {
      "Dumping Trump is easier said than done.", "Only time will tell.",
      "You know, it was a long night.",          "A liberal think tank published the figures.",
      "Thousands showed up at the rally.",       "His strong showing in Iowa surprised many.",
      "The companies called off the merger.",    "To be sure, the plan has flaws.",
  };
  for (const std::string text : none) {
    for (const Mark& m : MarkText(text)) {
      EXPECT_NE(m.category, MarkCategory::kAttribution) << text << ": \"" << m.cue << "\"";
    }
  }
  const SourceCase still[] = {
      {"A think tank said the plan would fail.", "said", "anonymous", "A think tank"},
      {"You know that the plan failed.", "know", "named", "You"},
      {"The data show that turnout rose.", "show", "named", "The data"},
  };
  for (const SourceCase& c : still) {
    const std::string text = c.text;
    ExpectAttribution(MarkText(text), text, c.cue, c.kind, c.source);
  }
}

// Who speaks when the subject is more than a plain noun phrase before the verb: titles and
// initials with their periods, names joined by "and", a name with its appositive (before or
// after the cue), and a second verb of the same speaker.
TEST_F(MarkerTest, SourcesKeepTitlesAppositivesAndSecondVerbs) {
  const SourceCase cases[] = {
      {"Mr. Rubio said the plan failed.", "said", "named", "Mr. Rubio"},
      {"U.S. Sen. Marco Rubio said the plan failed.", "said", "named", "U.S. Sen. Marco Rubio"},
      {"John F. Kennedy said it.", "said", "named", "John F. Kennedy"},
      {"Both Palmer and Sherman confess to being nervous.", "confess to", "named",
       "Both Palmer and Sherman"},
      {"\xE2\x80\x9CGuns are a crisis,\xE2\x80\x9D said Adrian Mapp, a Clinton delegate from "
       "New Jersey.",
       "said", "named", "Adrian Mapp, a Clinton delegate from New Jersey"},
      {"In an email, Axelrod, a former newspaperman, defended his role.", "defended", "named",
       "Axelrod, a former newspaperman"},
      {"Smith said the talks were over, adding that they could resume.", "adding", "named",
       "Smith"},
      {"He said the talks were over, but warned against haste.", "warned against", "named", "He"},
      {"He arrived late, said the minister.", "said", "named", "the minister"},
      {"Last year, Smith, the mayor, said the plan failed.", "said", "named", "Smith, the mayor"},
      {"Dar, speaking alongside Wang, stressed the point.", "stressed", "named", "Dar"},
      {"But he, in the same vein, assured Yi of support.", "assured", "named", "he"},
      // A bug found on real news (attribution precision): a relative clause between subject and
      // verb left the verb without a source.
      {"Grassley, who owns a farm, often notes that he is no lawyer.", "notes", "named",
       "Grassley"},
      // A bug found on real news (attribution precision): "afternoon" was the source of "said
      // Thursday afternoon".
      {"A spokeswoman for the office, Rebekah Carmichael, said Thursday afternoon that she "
       "could not comment.",
       "said Thursday", "anonymous", "A spokeswoman for the office, Rebekah Carmichael"},
  };
  for (const SourceCase& c : cases) {
    const std::string text = c.text;
    ExpectAttribution(MarkText(text), text, c.cue, c.kind, c.source);
  }
}

// Bugs found on PolNeAR train (attribution sources): a name's title between commas ("Democrat
// of California") was not taken for an appositive, and the clause after the verb became an
// inverted speaker ("said the program has sent ..." cited "the program has sent ...").
TEST_F(MarkerTest, ATitleIsAnAppositiveAndAClauseIsNoInvertedSpeaker) {
  const SourceCase cases[] = {
      {"Dianne Feinstein, Democrat of California, said the program has sent a bad message.", "said",
       "named", "Dianne Feinstein, Democrat of California"},
      {"Mr. Smith, Secretary of the Treasury, said it.", "said", "named",
       "Mr. Smith, Secretary of the Treasury"},
      {"In a long interview on Tuesday, said the plan has failed.", "said", "none", ""},
      {"He arrived late, said the minister.", "said", "named", "the minister"},
  };
  for (const SourceCase& c : cases) {
    const std::string text = c.text;
    ExpectAttribution(MarkText(text), text, c.cue, c.kind, c.source);
  }
}

TEST_F(MarkerTest, VoiceTellsQuotedSpeechFromTheOutlet) {
  std::string text = "He said “the plan will clearly fail” and it probably will.";
  std::vector<Mark> marks = MarkText(text);
  const Mark* quoted = Find(marks, MarkCategory::kBooster, "clearly");
  const Mark* outlet = Find(marks, MarkCategory::kHedge, "probably");
  ASSERT_NE(quoted, nullptr);
  ASSERT_NE(outlet, nullptr);
  EXPECT_EQ(VoiceName(quoted->voice), "quoted");
  EXPECT_EQ(SpeechName(quoted->speech), "direct");
  EXPECT_EQ(VoiceName(outlet->voice), "outlet");
}

// A bug found on real news (attribution precision): evaluative words in indirect speech were
// counted as the outlet's own.
TEST_F(MarkerTest, ReportedSpeechIsTheCitedSourcesVoice) {
  struct Case {
    const char* text;
    MarkCategory category;
    const char* cue;
    const char* voice;
  } cases[] = {
      {"Lawmakers said that the case was overblown.", MarkCategory::kEvaluative, "overblown",
       "quoted"},
      {"The case is overblown, lawmakers said on Tuesday.", MarkCategory::kEvaluative, "overblown",
       "quoted"},
      {"According to the ministry, the talks may fail.", MarkCategory::kHedge, "may", "quoted"},
      {"Lawmakers, who say the case is overblown, met on Friday.", MarkCategory::kEvaluative,
       "overblown", "quoted"},
      {"The overblown case went to trial.", MarkCategory::kEvaluative, "overblown", "outlet"},
  };
  for (const Case& c : cases) {
    const std::vector<Mark> marks = MarkText(c.text);
    const Mark* m = Find(marks, c.category, c.cue);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(VoiceName(m->voice), c.voice) << c.text;
    EXPECT_EQ(SpeechName(m->speech), std::string(c.voice) == "quoted" ? "reported" : "") << c.text;
  }
}

// Attribution precision: a report verb inside what someone else reports ("Merrill says Machado
// promised", a quotation) is that source's report, not one the outlet makes; a second verb of
// the speaker, or one after a clause break, is an attribution of its own.
TEST_F(MarkerTest, ReportVerbInsideAnotherAttributionsContentIsNoAttribution) {
  struct Case {
    const char* text;
    const char* cues;  // the attribution cues, joined by "|"
  } cases[] = {
      {"Merrill says Machado promised to keep campaigning.", "says"},
      {"Shelby said he refused to follow her commands.", "said"},
      {"Trump said Clinton denied it.", "said"},
      {"He said the plan failed and warned of more cuts.", "said|warned of"},
      {"He said the plan failed, but Clinton denied it.", "said|denied"},
      {"He said nothing -- Clinton denied it.", "said|denied"},
      {"Machado promised to keep campaigning.", "promised to"},
      // Inside a quotation a report verb is the quoted speaker's.
      {"“I think we will win,” he said.", "said"},
      // A construction that names its own source is the outlet's: "what he described as".
      {"Munir thanked Beijing for what he described as steady backing.",
       "thanked|what he described as"},
  };
  for (const Case& c : cases) {
    std::string joined;
    for (const Mark& m : MarkText(c.text)) {
      if (m.category == MarkCategory::kAttribution) joined += (joined.empty() ? "" : "|") + m.cue;
    }
    EXPECT_EQ(joined, c.cues) << c.text;
  }
}

// Whose words (PolNeAR Content spans): an attribution between commas inside a sentence reports
// the words on both sides of it; one with no source reports only its own clause.
TEST_F(MarkerTest, VoiceOfTheWordsAroundAParentheticalOrSourcelessReport) {
  struct Case {
    const char* text;
    MarkCategory category;
    const char* cue;
    const char* voice;
  } cases[] = {
      {"Perhaps, he said, the case is overblown.", MarkCategory::kHedge, "Perhaps", "quoted"},
      {"The overblown case, officials said, will go to trial.", MarkCategory::kEvaluative,
       "overblown", "quoted"},
      {"Perhaps he said the case is overblown.", MarkCategory::kHedge, "Perhaps", "outlet"},
      {"Amid allegations of a cover-up, the overblown case went to trial.",
       MarkCategory::kEvaluative, "cover-up", "quoted"},
      {"Amid allegations of a cover-up, the overblown case went to trial.",
       MarkCategory::kEvaluative, "overblown", "outlet"},
      {"After he was asked about the vote, the mayor probably erred.", MarkCategory::kHedge,
       "probably", "outlet"},
  };
  for (const Case& c : cases) {
    const std::vector<Mark> marks = MarkText(c.text);
    const Mark* m = Find(marks, c.category, c.cue);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(VoiceName(m->voice), c.voice) << c.text << " [" << c.cue << "]";
  }
}

// Whose words: a cue that reports nobody ("appeared", "reportedly") inside someone's words is
// part of them, and so is the rest of the content after it.
TEST_F(MarkerTest, ASourcelessCueInsideReportedSpeechIsTheSourcesToo) {
  struct Case {
    const char* text;
    MarkCategory category;
    const char* cue;
    const char* voice;
  } cases[] = {
      {"Brazile said Clinton appeared to be feeling better.", MarkCategory::kHedge, "appeared",
       "quoted"},
      {"Officials said the plan reportedly failed in an overblown way.", MarkCategory::kEvaluative,
       "overblown", "quoted"},
      {"The plan appeared to be overblown.", MarkCategory::kHedge, "appeared", "outlet"},
  };
  for (const Case& c : cases) {
    const std::vector<Mark> marks = MarkText(c.text);
    const Mark* m = Find(marks, c.category, c.cue);
    ASSERT_NE(m, nullptr) << c.text;
    EXPECT_EQ(VoiceName(m->voice), c.voice) << c.text << " [" << c.cue << "]";
  }
}

TEST_F(MarkerTest, ScareQuotesNeedNoSpeakerAndFewWords) {
  std::vector<Mark> marks = MarkText("Pakistan’s role in promoting “regional peace” drew notice.");
  EXPECT_NE(Find(marks, MarkCategory::kScareQuote, "“regional peace”"), nullptr);
  marks = MarkText("He said “we will win” on Friday.");
  EXPECT_EQ(Find(marks, MarkCategory::kScareQuote, "“we will win”"), nullptr);
  marks = MarkText("The protest was “a very long and peaceful march” by all accounts.");
  EXPECT_EQ(Find(marks, MarkCategory::kScareQuote, "“a very long and peaceful march”"), nullptr);
  marks = MarkText("The summit's theme was “Securing Peace Together” this year.");
  EXPECT_EQ(Find(marks, MarkCategory::kScareQuote, "“Securing Peace Together”"), nullptr);
}

TEST_F(MarkerTest, SpansPointIntoTheArticleText) {
  std::string article = "First sentence. The deal could possibly be cosmetic.";
  Sentence s;
  s.span = {16, article.size()};
  for (const Mark& m : marker_->MarkSentence(article, s)) {
    EXPECT_EQ(m.span.Of(article), m.cue);
    EXPECT_GE(m.span.start, 16u);
  }
}

TEST_F(MarkerTest, EmptySentenceHasNoMarks) {
  Sentence s;
  EXPECT_TRUE(marker_->MarkSentence("", s).empty());
  s.span = {0, 3};
  EXPECT_TRUE(marker_->MarkSentence("...", s).empty());
}

}  // namespace
}  // namespace parallax
