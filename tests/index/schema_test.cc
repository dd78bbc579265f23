#include "engine/index/schema.h"

#include <gtest/gtest.h>

namespace parallax::schema {
namespace {

TEST(SchemaTest, FoldLabelLowerCasesAndCollapsesSpace) {
  const struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"Firstpost", "firstpost"},
      {"  News   Site ", "news site"},
      {"ÉCOLE\tNormale", "école normale"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldLabel(c.in), c.want) << c.in;
}

TEST(SchemaTest, LabelTermKeepsShortValuesWhole) {
  EXPECT_EQ(LabelTerm("XS", "news site"), "XSnews site");
}

TEST(SchemaTest, LabelTermShortensLongValuesWithAHash) {
  const std::string a(300, 'a');
  std::string b = a;
  b.back() = 'b';
  const std::string ta = LabelTerm("XS", a);
  EXPECT_LE(ta.size(), kMaxTermBytes);
  EXPECT_NE(ta, LabelTerm("XS", b));  // differ only past the cut, still distinct
  EXPECT_EQ(ta, LabelTerm("XS", a));  // stable
}

TEST(SchemaTest, LabelTermDoesNotCutAUtf8Character) {
  std::string value;
  for (int i = 0; i < 150; ++i) value += "é";  // 2 bytes each
  const std::string term = LabelTerm("XT", value);
  const size_t hash = term.rfind('#');
  ASSERT_NE(hash, std::string::npos);
  EXPECT_EQ((hash - 2) % 2, 0u);  // whole characters before the hash
}

TEST(SchemaTest, DateValueAcceptsOnlyIsoDates) {
  EXPECT_EQ(DateValue("2025-07-24"), "20250724");
  EXPECT_EQ(DateValue("2025-7-24"), "");
  EXPECT_EQ(DateValue("24/07/2025"), "");
  EXPECT_EQ(DateValue(""), "");
}

TEST(SchemaTest, DateBoundCompletesPartialDates) {
  const struct {
    const char* in;
    bool upper;
    const char* want;  // nullptr: rejected
  } cases[] = {
      {"2025", false, "20250000"},      {"2025", true, "20259999"},
      {"2025-07", false, "20250700"},   {"2025-07", true, "20250799"},
      {"2025-07-24", true, "20250724"}, {"2025-7", false, nullptr},
      {"July", false, nullptr},         {"20x5", true, nullptr},
  };
  for (const auto& c : cases) {
    std::string out;
    const bool ok = DateBound(c.in, c.upper, &out);
    if (c.want == nullptr) {
      EXPECT_FALSE(ok) << c.in;
    } else {
      ASSERT_TRUE(ok) << c.in;
      EXPECT_EQ(out, c.want) << c.in;
    }
  }
}

TEST(SchemaTest, SentenceRecordRoundTrips) {
  SentenceRecord r;
  r.sentence_index = 300;
  r.span = {100000, 100042};
  r.paragraph = 7;
  r.heading = true;
  SentenceRecord back;
  ASSERT_TRUE(DecodeSentence(EncodeSentence(r), &back));
  EXPECT_EQ(back.sentence_index, r.sentence_index);
  EXPECT_EQ(back.span, r.span);
  EXPECT_EQ(back.paragraph, r.paragraph);
  EXPECT_EQ(back.heading, r.heading);
}

TEST(SchemaTest, ArticleRecordRoundTrips) {
  ArticleRecord r;
  r.source = "News site";
  r.date = "2025-08-01";
  r.title = "Talks";
  r.author = "Sara Ahmed";
  r.url = "https://example.com/a";
  r.tags = {"news report", "state media"};
  r.sentence_count = 17;
  ArticleRecord back;
  ASSERT_TRUE(DecodeArticle(EncodeArticle(r), &back));
  EXPECT_EQ(back.source, r.source);
  EXPECT_EQ(back.title, r.title);
  EXPECT_EQ(back.author, r.author);
  EXPECT_EQ(back.url, r.url);
  EXPECT_EQ(back.tags, r.tags);
  EXPECT_EQ(back.sentence_count, r.sentence_count);
}

TEST(SchemaTest, DecodeRejectsEveryTruncationAndTrailingBytes) {
  SentenceRecord s;
  s.sentence_index = 4;
  s.span = {1, 2000};
  const std::string sentence = EncodeSentence(s);
  ArticleRecord a;
  a.title = "T";
  a.tags = {"x"};
  const std::string article = EncodeArticle(a);
  SentenceRecord s_out;
  ArticleRecord a_out;
  for (size_t n = 0; n < sentence.size(); ++n) {
    EXPECT_FALSE(DecodeSentence(sentence.substr(0, n), &s_out)) << n;
  }
  for (size_t n = 0; n < article.size(); ++n) {
    EXPECT_FALSE(DecodeArticle(article.substr(0, n), &a_out)) << n;
  }
  EXPECT_FALSE(DecodeSentence(sentence + "x", &s_out));
  EXPECT_FALSE(DecodeArticle(article + "x", &a_out));
  EXPECT_FALSE(DecodeSentence(article, &s_out));  // another record's format byte
}

}  // namespace
}  // namespace parallax::schema
