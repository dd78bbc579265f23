#include "engine/lexicon/profile.h"

#include <gtest/gtest.h>

#include "engine/lexicon/grammar_words.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

Mark MakeMark(MarkCategory c, const std::string& voice, const std::string& stance = "",
              const std::string& kind = "") {
  Mark m;
  m.category = c;
  EXPECT_TRUE(ParseVoice(voice, &m.voice)) << voice;
  if (Stance s; ParseStance(stance, &s)) m.stance = s;
  if (SourceKind k; ParseSourceKind(kind, &k)) m.source_kind = k;
  return m;
}

TEST(ProfileTest, CountsRatesVoiceAndEvidence) {
  std::vector<MarkedSentence> sentences(3);
  sentences[0] = {
      0,
      0,
      400,
      {MakeMark(MarkCategory::kHedge, "outlet"), MakeMark(MarkCategory::kHedge, "quoted")},
      {}};
  sentences[1] = {
      0, 1, 300, {MakeMark(MarkCategory::kAttribution, "outlet", "distancing", "anonymous")}, {}};
  sentences[2] = {1, 0, 300, {MakeMark(MarkCategory::kHedge, "outlet")}, {}};
  SourceProfile p = BuildProfile("columnist", sentences);
  EXPECT_EQ(p.articles, 2);
  EXPECT_EQ(p.sentences, 3);
  EXPECT_EQ(p.words, 1000u);
  const ProfileBucket* hedge = SourceProfile::Find(p.categories, "hedge");
  ASSERT_NE(hedge, nullptr);
  EXPECT_EQ(hedge->count, 3);
  EXPECT_EQ(hedge->outlet_count, 2);
  EXPECT_DOUBLE_EQ(hedge->per_1000_words, 3.0);
  EXPECT_DOUBLE_EQ(hedge->outlet_per_1000_words, 2.0);
  // One evidence entry per sentence, not per mark.
  ASSERT_EQ(hedge->evidence.size(), 2u);
  EXPECT_EQ(hedge->evidence[1], (Evidence{1, 0}));
  const ProfileBucket* distancing = SourceProfile::Find(p.stances, "distancing");
  ASSERT_NE(distancing, nullptr);
  EXPECT_EQ(distancing->count, 1);
  EXPECT_EQ(SourceProfile::Find(p.source_kinds, "anonymous")->count, 1);
  EXPECT_EQ(SourceProfile::Find(p.source_kinds, "named")->count, 0);
}

TEST(ProfileTest, NoWordsMeansZeroRates) {
  SourceProfile p = BuildProfile("empty", {});
  EXPECT_EQ(p.categories.size(), static_cast<size_t>(kNumMarkCategories));
  for (const ProfileBucket& b : p.categories) EXPECT_EQ(b.per_1000_words, 0.0);
}

TEST(ProfileTest, EvidenceIsCappedButCountsAreExact) {
  std::vector<MarkedSentence> sentences;
  for (int i = 0; i < 10; ++i) {
    sentences.push_back({0, i, 10, {MakeMark(MarkCategory::kEvaluative, "outlet")}, {}});
  }
  ProfileOptions options;
  options.max_evidence = 3;
  SourceProfile p = BuildProfile("s", sentences, options);
  const ProfileBucket* b = SourceProfile::Find(p.categories, "evaluative");
  EXPECT_EQ(b->count, 10);
  EXPECT_EQ(b->evidence.size(), 3u);
}

TEST(CitedSourceKeyTest, FoldsCaseArticlesPossessivesAndSpaces) {
  const struct {
    const char* source;
    const char* key;
  } cases[] = {
      {"The ministry", "ministry"},
      {"the ministry's", "ministry"},
      {"Pakistan\xE2\x80\x99s military media wing", "pakistan's military media wing"},
      {"  Reliable   sources ", "reliable sources"},
      {"A source", "source"},
      {"Mr. Rubio", "mr. rubio"},
      {"He", ""},
      {"who", ""},
      {"It", ""},
      {"the", "the"},
  };
  for (const auto& c : cases) EXPECT_EQ(CitedSourceKey(c.source), c.key) << c.source;
}

// Marks an attribution citing text[begin, end) of `text`.
Mark Citing(const std::string& text, const std::string& source, const std::string& stance,
            const std::string& kind, const std::string& voice = "outlet") {
  Mark m = MakeMark(MarkCategory::kAttribution, voice, stance, kind);
  const size_t at = text.find(source);
  EXPECT_NE(at, std::string::npos) << source;
  m.cited = Span{at, at + source.size()};
  return m;
}

TEST(ProfileTest, ListsCitedSourcesMostCitedFirstWithoutPronouns) {
  const std::string a = "Munir claimed it. Reliable sources indicate more. He said so.";
  const std::string b =
      "Munir stressed it. The ministry said no. \xE2\x80\x9CNo,\xE2\x80\x9D munir said.";
  std::vector<MarkedSentence> sentences = {
      {0, 0, 3, {Citing(a, "Munir", "distancing", "named")}, a},
      {0, 1, 4, {Citing(a, "Reliable sources", "neutral", "anonymous")}, a},
      {0, 2, 3, {Citing(a, "He", "neutral", "named")}, a},
      {1, 0, 3, {Citing(b, "Munir", "emphatic", "named")}, b},
      {1, 1, 4, {Citing(b, "The ministry", "neutral", "named")}, b},
      {1, 2, 3, {Citing(b, "munir", "neutral", "named", "quoted")}, b},
  };
  SourceProfile p = BuildProfile("columnist", sentences);
  ASSERT_EQ(p.cited.size(), 3u);  // "He" is left out
  EXPECT_EQ(p.cited[0].name, "Munir");
  EXPECT_EQ(p.cited[0].kind, SourceKind::kNamed);
  EXPECT_EQ(p.cited[0].count, 3);
  EXPECT_EQ(p.cited[0].outlet_count, 2);
  EXPECT_EQ(p.cited[0].stance_counts, (std::vector<int>{1, 1, 0, 1, 0}));
  EXPECT_EQ(p.cited[0].evidence,
            (std::vector<Evidence>{Evidence{0, 0}, Evidence{1, 0}, Evidence{1, 2}}));
  EXPECT_EQ(p.cited[1].name, "Reliable sources");  // ties keep the order of first citation
  EXPECT_EQ(p.cited[1].kind, SourceKind::kAnonymous);
  EXPECT_EQ(p.cited[2].name, "The ministry");

  ProfileOptions options;
  options.max_cited = 1;
  EXPECT_EQ(BuildProfile("columnist", sentences, options).cited.size(), 1u);
  for (MarkedSentence& s : sentences) s.text = {};
  EXPECT_TRUE(BuildProfile("columnist", sentences).cited.empty());  // no text, no names
}

// Entities from the shipped rules/aliases.yaml.
TEST(CitedEntityTest, NamesAnEntityOnlyWhenTheSpanIsItsName) {
  StatusOr<AliasTable> aliases = AliasTable::Load(PARALLAX_SOURCE_DIR "/rules/aliases.yaml");
  ASSERT_OK(aliases);
  const struct {
    const char* source;
    const char* entity;
  } cases[] = {
      {"Munir", "Asim Munir"},
      {"General Munir", "Asim Munir"},
      {"Munir at Beijing", "Asim Munir"},          // a place after the name
      {"Munir on July 26", "Asim Munir"},          // a time after the name
      {"Foreign Minister Dar", "Ishaq Dar"},       // a title before it
      {"Beijing", "China"},                        // the capital stands for the government
      {"Munir\xE2\x80\x99s visit to the US", ""},  // the visit, not Munir
      {"The Chinese foreign minister", ""},        // "Chinese" qualifies the minister
      {"A military statement emanating from Pakistan", ""},
      {"reliable sources", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(CitedEntity(c.source, *aliases), c.entity) << c.source;
}

TEST(ProfileTest, CitedSourcesNamingOneEntityAreOneRow) {
  StatusOr<AliasTable> aliases = AliasTable::Load(PARALLAX_SOURCE_DIR "/rules/aliases.yaml");
  ASSERT_OK(aliases);
  const std::string a = "Munir claimed it. General Munir stressed it. Munir said more.";
  std::vector<MarkedSentence> sentences = {
      {0, 0, 3, {Citing(a, "Munir claimed", "distancing", "named")}, a},
      {0, 1, 4, {Citing(a, "General Munir", "emphatic", "named")}, a},
  };
  sentences[0].marks[0].cited->end = sentences[0].marks[0].cited->start + 5;  // "Munir"
  ProfileOptions options;
  options.aliases = &*aliases;
  SourceProfile p = BuildProfile("columnist", sentences, options);
  ASSERT_EQ(p.cited.size(), 1u);
  EXPECT_EQ(p.cited[0].name, "Asim Munir");
  EXPECT_EQ(p.cited[0].count, 2);
  EXPECT_EQ(p.cited[0].written_as, (std::vector<std::string>{"Munir", "General Munir"}));
  // Without the table, one row still: one surname, written with and without a title.
  const SourceProfile plain = BuildProfile("columnist", sentences);
  ASSERT_EQ(plain.cited.size(), 1u);
  EXPECT_EQ(plain.cited[0].name, "Munir");
  EXPECT_EQ(plain.cited[0].count, 2);
}

// One person written several ways within an outlet is one row; two people of one surname, or
// an organisation and its head word, are not merged.
TEST(ProfileTest, OnePersonWrittenSeveralWaysIsOneRow) {
  auto rows = [](std::vector<std::string> names) {
    std::string text;
    std::vector<size_t> starts;
    for (const std::string& n : names) {
      starts.push_back(text.size());
      text += n + " said it. ";
    }
    std::vector<MarkedSentence> sentences;
    for (size_t i = 0; i < names.size(); ++i) {
      Mark m = MakeMark(MarkCategory::kAttribution, "outlet", "neutral", "named");
      m.cited = Span{starts[i], starts[i] + names[i].size()};
      sentences.push_back({0, static_cast<int>(i), 3, {m}, text});
    }
    std::vector<std::string> out;
    for (const CitedSource& c : BuildProfile("outlet", sentences).cited) {
      out.push_back(c.name + " x" + std::to_string(c.count));
    }
    return out;
  };
  EXPECT_EQ(rows({"Mr. Steele", "Steele", "Gov. Deval Patrick", "Patrick"}),
            (std::vector<std::string>{"Mr. Steele x2", "Gov. Deval Patrick x2"}));
  EXPECT_EQ(rows({"Bill Clinton", "Hillary Clinton", "Clinton"}),
            (std::vector<std::string>{"Bill Clinton x1", "Hillary Clinton x1", "Clinton x1"}));
  EXPECT_EQ(rows({"The White House", "The House"}),
            (std::vector<std::string>{"The White House x1", "The House x1"}));
}

// One pronoun list (grammar_words.h): every subject pronoun the source finder names is also a
// pronoun CitedSourceKey leaves out, with the other cases, possessives and relative words.
TEST(CitedSourceKeyTest, LeavesOutEveryPronounOfTheSharedList) {
  for (const char* w : {"he", "she", "they", "i", "we", "you", "it", "one"}) {
    EXPECT_TRUE(IsPersonalPronoun(w)) << w;
    EXPECT_TRUE(IsPronounOrRelative(w)) << w;
    EXPECT_EQ(CitedSourceKey(w), "") << w;
  }
  for (const char* w : {"him", "them", "his", "their", "who", "which", "that", "those"}) {
    EXPECT_FALSE(IsPersonalPronoun(w)) << w;
    EXPECT_EQ(CitedSourceKey(w), "") << w;
  }
  EXPECT_EQ(CitedSourceKey("Them"), "");
  EXPECT_EQ(CitedSourceKey("officials"), "officials");
}

TEST(CountWordsTest, CountsWordsNotNumbers) {
  EXPECT_EQ(CountWords("In 2024, two engineers were killed."), 5u);
  EXPECT_EQ(CountWords(""), 0u);
}

}  // namespace
}  // namespace parallax
