#include "engine/segment/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/testutil.h"

namespace parallax {
namespace {

const SegmentRules& BundledRules() {
  static const SegmentRules* rules = [] {
    auto loaded = SegmentRules::Load(std::string(PARALLAX_SOURCE_DIR) + "/rules/segmentation.yaml");
    EXPECT_OK(loaded);
    return new SegmentRules(loaded.ok() ? *loaded : SegmentRules());
  }();
  return *rules;
}

std::unique_ptr<SentenceSplitter> MakeSplitter(const SegmentRules& rules) {
  auto splitter = SentenceSplitter::Create(rules);
  EXPECT_OK(splitter);
  return std::move(*splitter);
}

const SentenceSplitter& Bundled() {
  static const SentenceSplitter* splitter = MakeSplitter(BundledRules()).release();
  return *splitter;
}

// The text as one paragraph, split; returns the sentences' text.
std::vector<std::string> SplitOne(const SentenceSplitter& splitter, const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : splitter.Split(text, {{{0, text.size()}, false}})) {
    out.emplace_back(s.span.Of(text));
  }
  return out;
}

std::vector<std::string> SplitOne(const std::string& text) { return SplitOne(Bundled(), text); }

using Sentences = std::vector<std::string>;

struct Case {
  const char* what;
  std::string text;
  Sentences want;
};

TEST(SentenceSplitterTest, SplitsLikeAnEditorWould) {
  const std::vector<Case> cases = {
      {"plain", "The talks ended. Both sides left.", {"The talks ended.", "Both sides left."}},
      {"question and exclamation",
       "Why now? Nobody knows! It is late.",
       {"Why now?", "Nobody knows!", "It is late."}},
      {"title before a name",
       "Gen. Munir thanked Beijing. Mr. Dar agreed.",
       {"Gen. Munir thanked Beijing.", "Mr. Dar agreed."}},
      {"several titles",
       "Lt. Col. Smith and Sen. Jones met Dr. Who.",
       {"Lt. Col. Smith and Sen. Jones met Dr. Who."}},
      {"initials",
       "J. K. Rowling wrote it. Fans cheered.",
       {"J. K. Rowling wrote it.", "Fans cheered."}},
      {"initial followed by an initial that is also a word",
       "Representative C. A. Dutch spoke.",
       {"Representative C. A. Dutch spoke."}},
      {"dotted abbreviation inside",
       "U.S. officials met U.N. envoys in Washington, D.C. on Monday.",
       {"U.S. officials met U.N. envoys in Washington, D.C. on Monday."}},
      {"dotted abbreviation before a name", "The U.S. Army said so.", {"The U.S. Army said so."}},
      {"dotted abbreviation ends a sentence",
       "He flew to the U.S. The talks began.",
       {"He flew to the U.S.", "The talks began."}},
      {"dotted abbreviation before a quote",
       "He flew to the U.S. \xE2\x80\x9CWe won,\xE2\x80\x9D he said.",
       {"He flew to the U.S.", "\xE2\x80\x9CWe won,\xE2\x80\x9D he said."}},
      {"may-end abbreviation before a name",
       "Apple Inc. Chief Tim Cook spoke. Then he left.",
       {"Apple Inc. Chief Tim Cook spoke.", "Then he left."}},
      {"etc. ends a sentence",
       "Guns, drugs, etc. The list is long.",
       {"Guns, drugs, etc.", "The list is long."}},
      {"number after No.",
       "It ranked No. 5 in the poll. Few noticed.",
       {"It ranked No. 5 in the poll.", "Few noticed."}},
      {"date after a month",
       "On Jan. 12 he resigned. On Feb. 3 he returned.",
       {"On Jan. 12 he resigned.", "On Feb. 3 he returned."}},
      {"times",
       "It began at 9 a.m. and ended at 5 p.m. Then they left.",
       {"It began at 9 a.m. and ended at 5 p.m.", "Then they left."}},
      {"state after a party label",
       "Sen. John McCain, R-Ariz., said so. Sen. Reid disagreed.",
       {"Sen. John McCain, R-Ariz., said so.", "Sen. Reid disagreed."}},
      {"state after a place ends the sentence before a capitalised word",
       "The club is in Bedminster, N.J. Roger Ailes attended. It rained in Lodi, Calif. Few came.",
       {"The club is in Bedminster, N.J.", "Roger Ailes attended.", "It rained in Lodi, Calif.",
        "Few came."}},
      {"state after a place goes on after a comma",
       "Police in Lodi, N.J., said so. They left.",
       {"Police in Lodi, N.J., said so.", "They left."}},
      {"state in a dateline before a bracket",
       "TRENTON, N.J. (AP) \xE2\x80\x94 Was that really him?",
       {"TRENTON, N.J. (AP) \xE2\x80\x94 Was that really him?"}},
      {"state without a place before it needs a sentence starter",
       "The N.J. Transit trains ran late.",
       {"The N.J. Transit trains ran late."}},
      {"Del. is also a title, so it is no state that ends a sentence",
       "In Richmond, Del. Stacey Plaskett spoke.",
       {"In Richmond, Del. Stacey Plaskett spoke."}},
      {"quoted nickname after an initial",
       "Rep. Robert C. \"Bobby\" Scott spoke. Gov. C.L. \xE2\x80\x9C"
       "Butch\xE2\x80\x9D Otter "
       "agreed.",
       {"Rep. Robert C. \"Bobby\" Scott spoke.",
        "Gov. C.L. \xE2\x80\x9C"
        "Butch\xE2\x80\x9D Otter agreed."}},
      {"quoted sentence after dotted capitals opens a sentence",
       "He flew to the U.S. \xE2\x80\x9CStop.\xE2\x80\x9D Then he left.",
       {"He flew to the U.S.", "\xE2\x80\x9CStop.\xE2\x80\x9D", "Then he left."}},
      {"quote after an initial that goes on lower-case is no nickname",
       "The memo was signed J. \"We will win\" he wrote.",
       {"The memo was signed J.", "\"We will win\" he wrote."}},
      {"title after a closing quote typed as an opening one",
       "\xE2\x80\x9DMr. Trump embodies the legacy. He left.",
       {"\xE2\x80\x9DMr. Trump embodies the legacy.", "He left."}},
      {"P.S. opens a postscript",
       "It reads, \xE2\x80\x9CP.S. You can give more.\xE2\x80\x9D",
       {"It reads, \xE2\x80\x9CP.S. You can give more.\xE2\x80\x9D"}},
      {"name suffix ends the sentence before a capitalised word",
       "He succeeded Thomas J. Bliley Jr. Reaching that post took years.",
       {"He succeeded Thomas J. Bliley Jr.", "Reaching that post took years."}},
      {"name suffix before a word that goes on the name",
       "Schools closed for Martin Luther King Jr. Day on Monday.",
       {"Schools closed for Martin Luther King Jr. Day on Monday."}},
      {"Jr. before a bracket",
       "Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty.",
       {"Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty."}},
      {"decimals",
       "Growth was 3.5 percent. Inflation was 2.1 percent.",
       {"Growth was 3.5 percent.", "Inflation was 2.1 percent."}},
      {"quote ends the sentence",
       "He said \xE2\x80\x9Cno.\xE2\x80\x9D Then he left.",
       {"He said \xE2\x80\x9Cno.\xE2\x80\x9D", "Then he left."}},
      {"straight quote ends the sentence",
       "He said \"no.\" Then he left.",
       {"He said \"no.\"", "Then he left."}},
      {"question quote with lower-case attribution",
       "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. We waited.",
       {"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.", "We waited."}},
      {"question quote with named attribution",
       "\"Which is it?\" Scalia asked. Nobody answered.",
       {"\"Which is it?\" Scalia asked.", "Nobody answered."}},
      {"question quote followed by a new sentence",
       "\"Which is it?\" The judge frowned.",
       {"\"Which is it?\"", "The judge frowned."}},
      {"quoted sentences are sentences",
       "\xE2\x80\x9CThis is America's war and not a war of choice. It is not Obama's war, "
       "whatever he says.\xE2\x80\x9D He left.",
       {"\xE2\x80\x9CThis is America's war and not a war of choice.",
        "It is not Obama's war, whatever he says.\xE2\x80\x9D", "He left."}},
      {"bracket ends the sentence",
       "He left (again.) Then he came back.",
       {"He left (again.)", "Then he came back."}},
      {"no break inside brackets",
       "The bill (it passed. Barely.) is law.",
       {"The bill (it passed. Barely.) is law."}},
      {"ellipsis opens the next sentence",
       "We must act now. ... Let's do the right thing.",
       {"We must act now.", "... Let's do the right thing."}},
      {"unicode ellipsis before a capital",
       "She is a contender\xE2\x80\xA6 They mock her.",
       {"She is a contender\xE2\x80\xA6", "They mock her."}},
      {"unicode ellipsis after a sentence opens the next one",
       "We stop that raid. \xE2\x80\xA6 And so we propose nothing.",
       {"We stop that raid.", "\xE2\x80\xA6 And so we propose nothing."}},
      {"unicode ellipsis inside a sentence",
       "And we want to \xE2\x80\xA6 restore those cuts.",
       {"And we want to \xE2\x80\xA6 restore those cuts."}},
      {"stray question mark",
       "Nelson Warfield ? and John ?McLaughlin spoke.",
       {"Nelson Warfield ? and John ?McLaughlin spoke."}},
      {"no sentence starts with a closing quote",
       "Why feed that? Concerned ... \xE2\x80\x9D At noon, they left.",
       {"Why feed that?", "Concerned ... \xE2\x80\x9D At noon, they left."}},
      {"no final punctuation", "A line without an end", {"A line without an end"}},
      {"white space only", "  \t ", {}},
      {"surrounding white space and CR trimmed",
       "  One here.\r\n  Two here. \r",
       {"One here.", "Two here."}},
      {"no-break spaces trimmed", "\xC2\xA0One.\xC2\xA0 Two.\xC2\xA0", {"One.", "Two."}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitOne(c.text), c.want) << c.what << ": " << c.text;
  }
}

TEST(SentenceSplitterTest, SpansAreExactBytesOfMultibyteText) {
  // Each of é, ’, “, ” and the emoji takes several bytes: spans must count bytes, not characters.
  const std::string text =
      "  Caf\xC3\xA9 owners said \xE2\x80\x9Cno.\xE2\x80\x9D \xF0\x9F\x98\x80 "
      "Pakistan\xE2\x80\x99s army agreed.  ";
  const std::vector<Sentence> got = Bundled().Split(text, {{{0, text.size()}, false}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(
      got[0].span,
      (Span{2, 2 + std::string("Caf\xC3\xA9 owners said \xE2\x80\x9Cno.\xE2\x80\x9D").size()}));
  EXPECT_EQ(got[1].span.Of(text), "\xF0\x9F\x98\x80 Pakistan\xE2\x80\x99s army agreed.");
  EXPECT_EQ(got[1].span.end, text.size() - 2);
}

TEST(SentenceSplitterTest, NumbersSentencesAcrossParagraphsAndKeepsHeadingsApart) {
  const std::string text =
      "Wang Yi met Gen. Munir. They talked.\n\nPart of a Broader Diplomatic Push\n\nThe minister "
      "left";
  std::vector<Paragraph> paragraphs = {
      {{0, 36}, false}, {{38, 71}, true}, {{73, text.size()}, false}};
  ASSERT_EQ(text.substr(38, 33), "Part of a Broader Diplomatic Push");
  const std::vector<Sentence> got = Bundled().Split(text, paragraphs);
  ASSERT_EQ(got.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(got[i].index, i);
  EXPECT_EQ(got[0].span.Of(text), "Wang Yi met Gen. Munir.");
  EXPECT_EQ(got[1].span.Of(text), "They talked.");
  EXPECT_EQ(got[2].span.Of(text), "Part of a Broader Diplomatic Push");
  EXPECT_TRUE(got[2].heading);
  EXPECT_FALSE(got[1].heading);
  EXPECT_EQ(got[2].paragraph, 1);
  EXPECT_EQ(got[3].span.Of(text), "The minister left");
  EXPECT_EQ(got[3].paragraph, 2);
}

TEST(SentenceSplitterTest, HeadingWithPeriodsStaysOneSentence) {
  const std::string text = "Why This Matters. A Note. Part 2";
  const std::vector<Sentence> got = Bundled().Split(text, {{{0, text.size()}, true}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].span.Of(text), text);
}

TEST(SentenceSplitterTest, ToleratesParagraphsOutsideTheText) {
  const std::string text = "One. Two.";
  const std::vector<Sentence> got = Bundled().Split(text, {{{5, 900}, false}, {{700, 800}, false}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].span.Of(text), "Two.");
}

TEST(SentenceSplitterTest, QuotesAreClippedToTheirSentences) {
  const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
  const std::string text = "He said " + open + "We stay in this city until the end. We fight for " +
                           "every street of it." + close + " Then he left.";
  const std::vector<Sentence> got = Bundled().Split(text, {{{0, text.size()}, false}});
  ASSERT_EQ(got.size(), 3u);
  ASSERT_EQ(got[0].quotes.size(), 1u);
  EXPECT_EQ(got[0].quotes[0].Of(text), open + "We stay in this city until the end.");
  ASSERT_EQ(got[1].quotes.size(), 1u);
  EXPECT_EQ(got[1].quotes[0].Of(text), "We fight for every street of it." + close);
  EXPECT_TRUE(got[2].quotes.empty());
}

TEST(SentenceSplitterTest, KeepQuotesWholeOption) {
  SegmentRules rules = BundledRules();
  rules.keep_quotes_whole = true;
  auto splitter = MakeSplitter(rules);
  EXPECT_EQ(SplitOne(*splitter, "\xE2\x80\x9CStop. Now,\xE2\x80\x9D he said. Then he left."),
            (Sentences{"\xE2\x80\x9CStop. Now,\xE2\x80\x9D he said.", "Then he left."}));
}

// The splitter skips the list look-ups for words longer than every listed abbreviation; a
// long abbreviation added to any list must still be found, and words of every length around
// the longest must still end sentences.
TEST(SentenceSplitterTest, AbbreviationsOfEveryLengthAreFound) {
  SegmentRules rules;
  rules.never_final = {"Superintendent."};
  rules.states = {"Massachusetts."};
  auto splitter = MakeSplitter(rules);
  EXPECT_EQ(SplitOne(*splitter, "Superintendent. Smith arrived. Then he left."),
            (Sentences{"Superintendent. Smith arrived.", "Then he left."}));
  EXPECT_EQ(SplitOne(*splitter, "He lives in Boston, Massachusetts. Smith came."),
            (Sentences{"He lives in Boston, Massachusetts.", "Smith came."}));
  EXPECT_EQ(SplitOne(*splitter, "It was Massachusetts. Smith came."),
            (Sentences{"It was Massachusetts. Smith came."}));
  EXPECT_EQ(SplitOne(*splitter, "Superintendents. Smith came. Superintenden. Smith came."),
            (Sentences{"Superintendents.", "Smith came.", "Superintenden.", "Smith came."}));
}

TEST(SentenceSplitterTest, KeepsQuoteOfClippedSentencesWhole) {
  const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
  struct Case {
    const char* what;
    std::string text;
    Sentences want;
  };
  const std::vector<Case> cases = {
      {"short sentences (1.5 words on average) stay one utterance",
       "They chanted " + open + "Hands up! Don\xE2\x80\x99t shoot!" + close + " and left.",
       {"They chanted " + open + "Hands up! Don\xE2\x80\x99t shoot!" + close + " and left."}},
      {"repetition before the attribution",
       open + "I love that. I love that," + close + " Mr. Biden said. He smiled.",
       {open + "I love that. I love that," + close + " Mr. Biden said.", "He smiled."}},
      {"long quoted sentences are still split",
       open +
           "We will not raise taxes on the middle class this year. We will cut spending "
           "instead," +
           close + " he said.",
       {open + "We will not raise taxes on the middle class this year.",
        "We will cut spending instead," + close + " he said."}},
      {"short sentences outside quotes are untouched",
       "He came. He saw. He left.",
       {"He came.", "He saw.", "He left."}},
      {"an unclosed quote is untouched", open + "Stop. Now. Go.", {open + "Stop.", "Now.", "Go."}},
  };
  for (const Case& c : cases) EXPECT_EQ(SplitOne(c.text), c.want) << c.what << ": " << c.text;
}

TEST(SentenceSplitterTest, WholeQuoteThresholdZeroSplitsEveryQuotedSentence) {
  SegmentRules rules = BundledRules();
  ASSERT_GT(rules.whole_quote_below_average_words, 0);
  rules.whole_quote_below_average_words = 0;
  auto splitter = MakeSplitter(rules);
  EXPECT_EQ(SplitOne(*splitter, "\xE2\x80\x9CI love that. I love that,\xE2\x80\x9D he said."),
            (Sentences{"\xE2\x80\x9CI love that.", "I love that,\xE2\x80\x9D he said."}));
}

TEST(SentenceSplitterTest, HugeParagraphWithoutPunctuationIsCutAtSpaces) {
  // 20 MB of words and no punctuation: must be cut into bounded sentences in one pass.
  std::string text;
  const std::string word = "lorem ";
  text.reserve(20u << 20);
  while (text.size() < (20u << 20)) text += word;
  const size_t cap = BundledRules().max_sentence_bytes;
  const std::vector<Sentence> got = Bundled().Split(text, {{{0, text.size()}, false}});
  ASSERT_FALSE(got.empty());
  size_t covered = 0;
  size_t prev_end = 0;
  for (const Sentence& s : got) {
    ASSERT_LE(s.span.size(), cap);
    ASSERT_GE(s.span.start, prev_end);
    ASSERT_EQ(text[s.span.start], 'l');
    ASSERT_EQ(text[s.span.end - 1], 'm');
    covered += s.span.size();
    prev_end = s.span.end;
  }
  // Only white space falls between sentences.
  EXPECT_EQ(covered + got.size(), text.size());
}

TEST(SentenceSplitterTest, HugeParagraphWithoutSpacesIsCutAtCharacterBoundaries) {
  std::string text;
  while (text.size() < (3u << 20)) text += "\xC3\xA9";  // é, 2 bytes
  text += "x";
  const std::vector<Sentence> got = Bundled().Split(text, {{{0, text.size()}, false}});
  size_t covered = 0;
  for (const Sentence& s : got) {
    ASSERT_LE(s.span.size(), BundledRules().max_sentence_bytes);
    ASSERT_EQ(s.span.start % 2, 0u) << "cut inside a character";
    covered += s.span.size();
  }
  EXPECT_EQ(covered, text.size());
}

// Windows are an optimisation: with small windows, the result must be the same as with one
// window over the whole paragraph (the reference).
TEST(SentenceSplitterTest, WindowingDoesNotChangeTheResult) {
  std::string text;
  const char* pieces[] = {"Gen. Munir met Mr. Wang in the U.S. capital. ",
                          "Growth was 3.5 percent! ", "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. ",
                          "It rained\xE2\x80\xA6 Then it stopped. ",
                          "A very long clause without any end at all and more words "};
  for (int i = 0; i < 3000; ++i) text += pieces[(i * 7) % 5];
  SegmentRules small = BundledRules();
  small.icu_window_bytes = 4 * small.max_sentence_bytes;
  SegmentRules whole = BundledRules();
  whole.icu_window_bytes = size_t{1} << 30;
  EXPECT_EQ(SplitOne(*MakeSplitter(small), text), SplitOne(*MakeSplitter(whole), text));
}

TEST(SentenceSplitterTest, InvalidUtf8DoesNotCrash) {
  const std::string text = "Bad \xFF\xFE bytes. More \xC3 here. \xE2\x80 End.\x80";
  const std::vector<Sentence> got = Bundled().Split(text, {{{0, text.size()}, false}});
  ASSERT_FALSE(got.empty());
  for (const Sentence& s : got) {
    EXPECT_LE(s.span.end, text.size());
    EXPECT_LT(s.span.start, s.span.end);
  }
}

TEST(SentenceSplitterTest, ConcurrentSplitsAgreeWithSequentialOnes) {
  const std::string text =
      "Gen. Munir met Wang Yi. They discussed CPEC. \xE2\x80\x9CWe stand together,\xE2\x80\x9D he "
      "said.";
  const std::vector<std::string> want = SplitOne(text);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 0;
      for (int i = 0; i < 200; ++i) good += SplitOne(text) == want ? 1 : 0;
      ok[t] = good;
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 200);
}

}  // namespace
}  // namespace parallax
