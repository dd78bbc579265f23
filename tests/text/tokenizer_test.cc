#include "engine/text/tokenizer.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.norm);
  return out;
}

TEST(TokenizerTest, SplitsWordsAndDropsPunctuation) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"Hello, world!", {"hello", "world"}},
      {"China\xE2\x80\x99s \xE2\x80\x9C"
       "consistent support\xE2\x80\x9D",
       {"china's", "consistent", "support"}},
      {"far-fetched counter-terrorism", {"far-fetched", "counter-terrorism"}},
      {"trailing- hyphen and 'quoted'", {"trailing", "hyphen", "and", "quoted"}},
      {"3.5 per cent of 1,000 people.", {"3.5", "per", "cent", "of", "1,000", "people"}},
      {"end.Next", {"end", "next"}},
      {"Isis\xE2\x80\x94K", {"isis", "k"}},
      {"\xC3\x89lys\xC3\xA9"
       "e",
       {"\xC3\xA9lys\xC3\xA9"
        "e"}},
      {"", {}},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(Norms(text), want) << text;
}

TEST(TokenizerTest, SpansPointIntoTheTextWithBase) {
  std::string text = "Gen. Munir\xE2\x80\x99s visit";
  std::vector<Token> tokens;
  Tokenize(text, 100, &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].span.start, 105u);
  EXPECT_EQ(text.substr(tokens[1].span.start - 100, tokens[1].span.size()), "Munir\xE2\x80\x99s");
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].capitalized);
}

TEST(TokenizerTest, FlagsNumbersAndAllCaps) {
  std::vector<Token> tokens;
  Tokenize("COAS met 12 US officials", 0, &tokens);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[0].all_caps);
  EXPECT_TRUE(tokens[2].is_number);
  EXPECT_TRUE(tokens[3].all_caps);
  EXPECT_FALSE(tokens[4].all_caps);
}

TEST(TokenizerTest, InvalidUtf8NeverCrashesAndSeparates) {
  EXPECT_EQ(Norms("ab\xFF"
                  "cd"),
            (std::vector<std::string>{"ab", "cd"}));
}

TEST(StemmerTest, StemsLikeSnowballEnglish) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.Stem("supported"), "support");
  EXPECT_EQ(stemmer.Stem("consistent"), "consist");
  EXPECT_EQ(stemmer.Stem("china's"), "china");
  EXPECT_EQ(stemmer.Stem("claimed"), "claim");
}

}  // namespace
}  // namespace parallax
