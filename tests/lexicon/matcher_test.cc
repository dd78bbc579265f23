#include "engine/lexicon/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "reference_matcher.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

std::vector<TokenMatch> Sorted(std::vector<TokenMatch> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<TokenMatch> Automaton(const TokenMatcher& matcher, const std::vector<Token>& tokens) {
  std::vector<int32_t> ids;
  matcher.WordIds(tokens, &ids);
  std::vector<TokenMatch> out;
  matcher.Match(tokens, ids, &out);
  return Sorted(std::move(out));
}

Lexicon Load(const char* yaml) {
  Lexicon lexicon;
  Status s = lexicon.AddText(yaml, "test");
  EXPECT_OK(s);
  return lexicon;
}

TEST(TokenMatcherTest, FindsGapsContextAndOptionalSlots) {
  Lexicon lexicon = Load(
      "category: attribution\n"
      "entries:\n"
      "  - {pattern: \"what * described as\", source: gap}\n"
      "  - \"sources close to *\"\n"
      "  - \"it is|was widely? believed\"\n"
      "  - \"said [#num]\"\n");
  TokenMatcher matcher(lexicon.entries());
  std::vector<Token> tokens;
  Tokenize("for what he described as support, sources close to him said it was believed", 0,
           &tokens);
  std::vector<TokenMatch> got = Automaton(matcher, tokens);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].entry, 0);
  EXPECT_EQ(got[0].gap_begin, 2);  // "he"
  EXPECT_EQ(got[0].gap_end, 3);
  EXPECT_EQ(got[1].entry, 1);
  EXPECT_EQ(got[1].cue_end - got[1].cue_begin, 3);  // "sources close to", not "him"
  EXPECT_EQ(got[2].entry, 2);
}

// The automaton finds exactly what the brute-force matcher finds, on sentences built from the
// lexicon's own words (so that matches, near misses and overlaps are dense).
TEST(TokenMatcherTest, AgreesWithBruteForceOnGeneratedSentences) {
  StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
  ASSERT_OK(lexicon);
  TokenMatcher matcher(lexicon->entries());
  std::vector<std::string> vocabulary = {"the", "minister", "2019", "x", "said", "not"};
  for (const LexiconEntry& e : lexicon->entries()) {
    for (const PatternSlot& s : e.pattern.slots) {
      for (const std::string& w : s.words) vocabulary.push_back(w);
    }
  }
  std::mt19937 rng(20240605);
  std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> length(1, 30);
  for (int i = 0; i < 3000; ++i) {
    std::string sentence;
    int n = length(rng);
    for (int k = 0; k < n; ++k) sentence += vocabulary[pick(rng)] + " ";
    std::vector<Token> tokens;
    Tokenize(sentence, 0, &tokens);
    ASSERT_EQ(Automaton(matcher, tokens), BruteForceMatch(lexicon->entries(), tokens)) << sentence;
  }
}

// Every line (paragraph) of the PolNeAR dev articles: real news text.
TEST(TokenMatcherTest, AgreesWithBruteForceOnPolnearText) {
  namespace fs = std::filesystem;
  const fs::path dir = PARALLAX_SHARED_DIR "/eval/polnear/dev/text";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) GTEST_SKIP() << "PolNeAR not found at " << dir;
  StatusOr<Lexicon> lexicon = Lexicon::LoadDir(PARALLAX_SOURCE_DIR "/lexicons");
  ASSERT_OK(lexicon);
  TokenMatcher matcher(lexicon->entries());
  int lines = 0;
  for (const fs::directory_entry& file : fs::directory_iterator(dir)) {
    std::ifstream in(file.path());
    std::string line;
    while (std::getline(in, line)) {
      std::vector<Token> tokens;
      Tokenize(line, 0, &tokens);
      ASSERT_EQ(Automaton(matcher, tokens), BruteForceMatch(lexicon->entries(), tokens)) << line;
      ++lines;
    }
  }
  EXPECT_GT(lines, 100);
}

// A large generated lexicon (thousands of entries, a root and inner nodes with thousands of
// children, every slot kind) finds exactly what the brute-force matcher finds, on sentences
// that splice concrete instances of its entries into random words.
TEST(TokenMatcherTest, AgreesWithBruteForceOnLargeGeneratedLexicon) {
  std::mt19937 rng(20251124);
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  std::vector<std::string> common, rare;  // first words shared by many entries; the long tail
  for (int i = 0; i < 12; ++i) common.push_back("c" + std::to_string(i));
  for (int i = 0; i < 3000; ++i) rare.push_back("w" + std::to_string(i));
  auto word = [&] {
    const std::vector<std::string>& from = chance(15) ? common : rare;
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
  };
  std::vector<LexiconEntry> entries;
  std::set<std::string> texts;
  while (entries.size() < 12000) {
    std::string text;
    if (chance(5)) text += "[" + word() + "] ";
    text += chance(40) ? common[entries.size() % common.size()] : word();
    int more = std::uniform_int_distribution<int>(0, 3)(rng);
    for (int k = 0; k < more; ++k) {
      int kind = std::uniform_int_distribution<int>(0, 99)(rng);
      if (kind < 60) {
        text += " " + word();
      } else if (kind < 70) {
        text += " " + word() + "|" + word();
      } else if (kind < 78) {
        text += " " + word() + "?";
      } else if (kind < 84) {
        text += " _";
      } else if (kind < 92) {
        text += " *";
      } else {
        text += " #num";
      }
    }
    if (chance(5)) text += " [" + word() + "]";
    StatusOr<Pattern> pattern = ParsePattern(text);
    if (!pattern.ok() || !texts.insert(text).second) continue;
    LexiconEntry e;
    e.text = text;
    e.pattern = std::move(pattern).value();
    entries.push_back(std::move(e));
  }
  TokenMatcher matcher(entries);
  size_t total = 0;
  for (int i = 0; i < 150; ++i) {
    std::string sentence;
    int pieces = std::uniform_int_distribution<int>(1, 6)(rng);
    for (int p = 0; p < pieces; ++p) {
      if (chance(50)) {
        sentence += chance(20) ? "2019 " : word() + " ";
        continue;
      }
      // One concrete instance of a random entry: a word of each slot, a filler for _ and *.
      const Pattern& pat =
          entries[std::uniform_int_distribution<size_t>(0, entries.size() - 1)(rng)].pattern;
      for (const PatternSlot& slot : pat.slots) {
        if (slot.optional && chance(50)) continue;
        switch (slot.kind) {
          case PatternSlot::Kind::kWords:
            sentence +=
                slot.words[std::uniform_int_distribution<size_t>(0, slot.words.size() - 1)(rng)] +
                " ";
            break;
          case PatternSlot::Kind::kNumber:
            sentence += "42 ";
            break;
          case PatternSlot::Kind::kAnyToken:
            sentence += word() + " ";
            break;
          case PatternSlot::Kind::kGap:
            for (int g = std::uniform_int_distribution<int>(1, kMaxGapTokens)(rng); g > 0; --g) {
              sentence += word() + " ";
            }
            break;
        }
      }
    }
    std::vector<Token> tokens;
    Tokenize(sentence, 0, &tokens);
    std::vector<TokenMatch> want = BruteForceMatch(entries, tokens);
    ASSERT_EQ(Automaton(matcher, tokens), want) << sentence;
    total += want.size();
  }
  EXPECT_GT(total, 150u);  // the sentences do exercise the entries
}

TEST(SatisfiesContextTest, TellsTheModalFromTheMonth) {
  Lexicon lexicon = Load(
      "category: hedge\n"
      "entries:\n"
      "  - {pattern: may, lowercase: true, not_before: ['#num'], not_after: [in]}\n");
  TokenMatcher matcher(lexicon.entries());
  struct Case {
    const char* text;
    bool hedge;
  } cases[] = {
      {"It may rain", true},        {"May be true", true},  // sentence-initial capital is fine
      {"On May 20 he left", false}, {"he left in may", false}, {"Theresa May said", false},
  };
  for (const Case& c : cases) {
    std::vector<Token> tokens;
    Tokenize(c.text, 0, &tokens);
    bool found = false;
    for (const TokenMatch& m : Automaton(matcher, tokens)) {
      found |= SatisfiesContext(lexicon.entries()[m.entry], tokens, m);
    }
    EXPECT_EQ(found, c.hedge) << c.text;
  }
}

}  // namespace
}  // namespace parallax
