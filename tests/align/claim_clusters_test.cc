#include "engine/align/claim_clusters.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/align/claim_test_util.h"

namespace parallax {
namespace {

std::vector<std::string> Kinds(const Claim& c) {
  std::vector<std::string> out;
  for (const ClaimDiscrepancy& d : c.discrepancies) {
    out.push_back(std::string(DiscrepancyKindName(d.discrepancy.kind)) + ":" +
                  d.discrepancy.a_text + "|" + d.discrepancy.b_text);
  }
  return out;
}

TEST(ClaimClustersTest, GroupsParaphrasesAndListsOmissions) {
  Story story({
      {0, 0, "The army killed twelve militants in a raid near the border on Monday."},
      {0, 0, "Residents of the valley reported hearing gunfire through the night."},
      {1, 1, "Twelve militants were killed by the army in a border raid on Monday."},
      {1, 1, "The finance minister presented the annual budget to parliament."},
      {2, 2, "Officials announced a new vaccination campaign for schoolchildren."},
  });
  std::vector<Claim> claims = story.Cluster();
  ASSERT_EQ(claims.size(), 4u);  // the raid (two sources) and three singletons
  const Claim& raid = claims[0];
  EXPECT_EQ(raid.id, "c1");
  ASSERT_EQ(raid.members.size(), 2u);
  EXPECT_EQ(raid.members[0].article, 0u);
  EXPECT_EQ(raid.members[1].article, 1u);
  EXPECT_GT(raid.members[0].score, 0.5);
  EXPECT_EQ(raid.sources, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(raid.omitted, (std::vector<uint32_t>{2}));
  EXPECT_TRUE(raid.discrepancies.empty()) << testing::PrintToString(Kinds(raid));
  // Singletons: carried by one source, omitted by the others, member score 0.
  EXPECT_EQ(claims[1].id, "c2");
  ASSERT_EQ(claims[1].members.size(), 1u);
  EXPECT_EQ(claims[1].members[0].score, 0.0);
  EXPECT_EQ(claims[1].sources, (std::vector<uint32_t>{0}));
  EXPECT_EQ(claims[1].omitted, (std::vector<uint32_t>{1, 2}));
}

// Lexical similarity rates these as near-identical; they must be one claim that shows where
// the versions disagree, not agreement.
TEST(ClaimClustersTest, ContradictionsAreOneClaimWithADiscrepancy) {
  struct Case {
    const char* a;
    const char* b;
    std::string expected;
  };
  const Case cases[] = {
      {"The army killed 12 militants in the raid near the border.",
       "The army killed 20 militants in the raid near the border.", "number:12|20"},
      {"The minister said: \"I attended the summit in Geneva on Tuesday.\"",
       "The minister said: \"I did not attend the summit in Geneva on Tuesday.\"",
       "negation:|not attend"},
      {"The bombing outside the airport happened on Monday, killing two engineers.",
       "The bombing outside the airport happened on Sunday, killing two engineers.",
       "date:monday|sunday"},
      {"He said: \"what have you guys been debating, John?\"",
       "He said: \"what have you guys been doing, John?\"", "quote:debating|doing"},
  };
  for (const Case& c : cases) {
    Story story({{0, 0, c.a},
                 {1, 1, c.b},
                 {0, 0, "The weather stayed cold for the whole week in the capital."},
                 {1, 1, "Stock markets closed higher after a volatile session."}});
    std::vector<Claim> claims = story.Cluster();
    const Claim* pair = WithMembers(claims, 2);
    ASSERT_NE(pair, nullptr) << c.a;
    EXPECT_EQ(pair->members[0].article, 0u);
    EXPECT_EQ(pair->members[1].article, 1u);
    std::vector<std::string> kinds = Kinds(*pair);
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), c.expected), kinds.end())
        << c.a << " | " << c.b << ": " << testing::PrintToString(kinds);
  }
}

// Weekdays are counted from each article's own day: outlets that appeared on different days
// name different days for different moments of a developing story (claims gold dev-05: "met
// Sunday" in an article of the 10th, "Thursday night's meeting" in one of the 13th). Between
// articles of the same day, or of an unknown day, the difference is a conflict.
TEST(ClaimClustersTest, WeekdaysDifferOnlyBetweenArticlesOfTheSameDay) {
  const auto date_flags = [](const std::string& published_a, const std::string& published_b) {
    Story story({{0, 0, "The president and the speaker met Sunday afternoon at the White House."},
                 {1, 1, "The president and the speaker met Thursday afternoon at the White House."},
                 {0, 0, "The weather stayed cold for the whole week in the capital."},
                 {1, 1, "Stock markets closed higher after a volatile session."}});
    if (!published_a.empty()) story.SetPublished(0, published_a);
    if (!published_b.empty()) story.SetPublished(1, published_b);
    const std::vector<Claim> claims = story.Cluster();
    const Claim* pair = WithMembers(claims, 2);
    if (pair == nullptr) return -1;
    const std::vector<std::string> kinds = Kinds(*pair);
    return static_cast<int>(std::count_if(
        kinds.begin(), kinds.end(), [](const std::string& k) { return k.rfind("date:", 0) == 0; }));
  };
  EXPECT_EQ(date_flags("2012-12-10", "2012-12-13"), 0);
  EXPECT_EQ(date_flags("2012-12-10", "2012-12-10"), 1);
  EXPECT_EQ(date_flags("", "2012-12-13"), 1);
  EXPECT_EQ(date_flags("", ""), 1);
}

// A year is no relative date: 2010 against 2011 conflicts whenever the articles appeared.
TEST(ClaimClustersTest, YearsDifferWhateverTheArticlesDays) {
  Story story({{0, 0, "The bridge over the river was opened to traffic in 2010 by the mayor."},
               {1, 1, "The bridge over the river was opened to traffic in 2011 by the mayor."},
               {0, 0, "The weather stayed cold for the whole week in the capital."},
               {1, 1, "Stock markets closed higher after a volatile session."}});
  story.SetPublished(0, "2014-05-01");
  story.SetPublished(1, "2014-05-03");
  const std::vector<Claim> claims = story.Cluster();
  const Claim* pair = WithMembers(claims, 2);
  ASSERT_NE(pair, nullptr);
  const std::vector<std::string> kinds = Kinds(*pair);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "date:2010|2011"), kinds.end())
      << testing::PrintToString(kinds);
}

// A negation one version has and the other lacks is a conflict between quotations (a quotation
// given the other way round, as above); in the outlets' own words it was nearly always two
// statements joined as one claim on real news, so it is no flag there.
TEST(ClaimClustersTest, NegationOutsideQuotationsIsNoConflict) {
  Story story({{0, 0, "The minister attended the summit in Geneva on Tuesday."},
               {1, 1, "The minister did not attend the summit in Geneva on Tuesday."},
               {0, 0, "The weather stayed cold for the whole week in the capital."},
               {1, 1, "Stock markets closed higher after a volatile session."}});
  const std::vector<Claim> claims = story.Cluster();
  const Claim* pair = WithMembers(claims, 2);
  ASSERT_NE(pair, nullptr);
  EXPECT_TRUE(pair->discrepancies.empty()) << testing::PrintToString(Kinds(*pair));
}

// Between two versions of one quotation, a negation is a conflict only inside the words they
// share ("will attend" / "will not attend"), not before them ("If they don't pass" / "To pass").
TEST(ClaimClustersTest, NegationIsAConflictOnlyInsideTheSharedQuotation) {
  const Story::Line filler[] = {
      {0, 0, "The weather stayed cold for the whole week in the capital."},
      {1, 1, "Stock markets closed higher after a volatile session."}};
  Story inside({{0, 0, "\"We will attend the summit in Geneva next week,\" he said."},
                {1, 1, "\"We will not attend the summit in Geneva next week,\" he said."},
                filler[0],
                filler[1]});
  std::vector<Claim> claims = inside.Cluster();
  const Claim* pair = WithMembers(claims, 2);
  ASSERT_NE(pair, nullptr);
  auto negations = [](const Claim& c) {
    return std::count_if(c.discrepancies.begin(), c.discrepancies.end(), [](const auto& d) {
      return d.discrepancy.kind == Discrepancy::Kind::kNegation;
    });
  };
  EXPECT_EQ(negations(*pair), 1) << testing::PrintToString(Kinds(*pair));
  Story before({{0, 0,
                 "\"To pass this bill in the next couple of weeks would increase the risk of a "
                 "double dip,\" he said."},
                {1, 1,
                 "\"If they don't pass this bill in the next couple of weeks it would increase "
                 "the risk of a double dip,\" he said."},
                filler[0],
                filler[1]});
  claims = before.Cluster();
  pair = WithMembers(claims, 2);
  ASSERT_NE(pair, nullptr);
  EXPECT_EQ(negations(*pair), 0) << testing::PrintToString(Kinds(*pair));
}

// A shared claim says why: the pair's score, the quotation both give, the rarest words both use.
TEST(ClaimClustersTest, EvidenceNamesTheSharedQuotationAndWords) {
  const std::string first = "\"We will attend the summit in Geneva next week,\" the minister said.";
  Story story(
      {{0, 0, first},
       {1, 1, "The minister told reporters: \"We will attend the summit in Geneva next week.\""},
       {0, 0, "The weather stayed cold for the whole week in the capital."},
       {1, 1, "Stock markets closed higher after a volatile session."}});
  std::vector<Claim> claims = story.Cluster();
  const Claim* pair = WithMembers(claims, 2);
  ASSERT_NE(pair, nullptr);
  ASSERT_EQ(pair->evidence.size(), 1u);
  const ClaimEvidence& e = pair->evidence[0];
  EXPECT_EQ(e.a, 0u);
  EXPECT_EQ(e.b, 1u);
  EXPECT_GT(e.score, 0.3);
  EXPECT_EQ(first.substr(e.quotation.start, e.quotation.end - e.quotation.start),
            "We will attend the summit in Geneva next week");
  EXPECT_LE(e.shared_words.size(), kMaxEvidenceWords);
  std::vector<std::string> words;
  for (const Span& w : e.shared_words) words.push_back(first.substr(w.start, w.end - w.start));
  EXPECT_NE(std::find(words.begin(), words.end(), "Geneva"), words.end());
  EXPECT_EQ(std::find(words.begin(), words.end(), "the"), words.end());
  // Sentences alone in their claim have none.
  for (const Claim& c : claims) {
    if (c.members.size() == 1) {
      EXPECT_TRUE(c.evidence.empty());
    }
  }
}

// A ~ B and B ~ C but A !~ C: average linkage must not chain C onto {A, B}.
TEST(ClaimClustersTest, RefusesChains) {
  Story story({
      {0, 0, "Protesters marched to the parliament building in the capital."},
      {1, 1, "Thousands of protesters marched to parliament."},
      {2, 2, "Farmers delivered grain to the harbour warehouses."},
  });
  // B ~ C is made up: the texts do not support it, so A ~ C is scored on demand (low).
  const std::vector<ScoredPair> scored = {{0, 1, 0.9f}, {1, 2, 0.8f}};
  ClaimOptions options;
  options.average_threshold = 0.7;
  std::vector<Claim> claims = story.Cluster(options, &scored);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].members.size(), 2u);  // A and B, the best edge
  EXPECT_EQ(claims[1].members.size(), 1u);  // C alone
  // Without the average test (threshold 0) complete linkage still refuses it: A ~ C is no edge.
  options.average_threshold = 0;
  EXPECT_EQ(story.Cluster(options, &scored).size(), 2u);
}

TEST(ClaimClustersTest, CapsSentencesPerArticle) {
  Story story({
      {0, 0, "The president signed the trade agreement with Canada on Friday."},
      {0, 0, "On Friday the president signed the trade agreement with Canada."},
      {0, 0, "The trade agreement with Canada was signed by the president on Friday."},
      {1, 1, "The president signed a trade agreement with Canada on Friday."},
      // Unrelated text, so that the words above are rarer than the function words.
      {2, 2, "Heavy rain flooded several streets in the old town."},
      {2, 2, "The football club announced its new coach."},
      {2, 2, "Scientists discovered a new species of frog in the rainforest."},
  });
  ClaimOptions options;
  options.max_per_article = 1;
  const Claim* pair = WithMembers(story.Cluster(options), 2);
  ASSERT_NE(pair, nullptr);
  options.max_per_article = 3;
  EXPECT_NE(WithMembers(story.Cluster(options), 4), nullptr);
}

TEST(ClaimClustersTest, IgnoresBadPairsAndEmptyInput) {
  Story story({{0, 0, "The court upheld the ruling on Monday."},
               {0, 0, "The court upheld the ruling on Monday again."},
               {1, 1, "Lawmakers debated the budget late into the night."}});
  // Out of range, self, and same-source pairs are ignored rather than trusted.
  const std::vector<ScoredPair> scored = {{0, 7, 1.0f}, {2, 2, 1.0f}, {0, 1, 1.0f}};
  std::vector<Claim> claims = story.Cluster({}, &scored);
  EXPECT_EQ(claims.size(), 3u);
  SimilarityModel model;
  EXPECT_TRUE(ClusterClaims({}, {}, model, {}).empty());
}

TEST(ClaimClustersTest, OfDuplicatePairsTheFirstScoreCounts) {
  Story story({
      {0, 0, "Protesters marched to the parliament building in the capital."},
      {1, 1, "Farmers delivered grain to the harbour warehouses."},
  });
  // The pair is given twice, the other way round the second time: the first score decides.
  const std::vector<ScoredPair> joined = {{0, 1, 0.95f}, {1, 0, 0.05f}};
  EXPECT_EQ(story.Cluster({}, &joined).size(), 1u);
  const std::vector<ScoredPair> apart = {{1, 0, 0.05f}, {0, 1, 0.95f}};
  EXPECT_EQ(story.Cluster({}, &apart).size(), 2u);
}

TEST(ClaimClustersTest, PrescoredPairsGiveTheSameClaims) {
  Story story({
      {0, 0, "The central bank raised interest rates by half a point."},
      {0, 0, "Inflation has stayed above target for a year."},
      {1, 1, "Interest rates were raised by half a point by the central bank."},
      {1, 1, "Inflation remained above the target for a year."},
      {2, 2, "The bank raised its rates by half a point, the governor said."},
  });
  std::vector<SentenceFeatures> features;
  std::vector<uint32_t> sources;
  for (const ClaimSentence& s : story.sentences()) {
    features.push_back(*s.features);
    sources.push_back(s.source);
  }
  ClaimOptions options;
  std::vector<ScoredPair> scored =
      ScoreCandidates(features, sources, story.model(), options.candidates, 2);
  std::vector<Claim> a = story.Cluster(options);
  std::vector<Claim> b = story.Cluster(options, &scored);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    ASSERT_EQ(a[i].members.size(), b[i].members.size());
    for (size_t k = 0; k < a[i].members.size(); ++k) {
      EXPECT_EQ(a[i].members[k].article, b[i].members[k].article);
      EXPECT_EQ(a[i].members[k].sentence, b[i].members[k].sentence);
    }
  }
  EXPECT_NE(WithMembers(a, 3), nullptr);  // the rate rise, in all three sources
}

TEST(ClaimClustersTest, NumbersClaimsByFirstMember) {
  std::vector<Claim> claims(3);
  claims[0].members = {{2, 0, 0, 0}};
  claims[1].members = {{0, 5, 0, 0}};
  claims[2].members = {{0, 1, 0, 0}, {2, 3, 1, 0}};
  NumberClaims(&claims);
  EXPECT_EQ(claims[0].members[0].sentence, 1u);
  EXPECT_EQ(claims[0].id, "c1");
  EXPECT_EQ(claims[1].members[0].sentence, 5u);
  EXPECT_EQ(claims[2].id, "c3");
}

// Many sources telling one event: with bounded work (a tiny max_exact_pairs forces the sampled
// path) the claim keeps its members, and each version is compared with the central one only.
TEST(ClaimClustersTest, LargeClaimKeepsItsMembersAndComparesVersionsWithTheCentralOne) {
  std::vector<Story::Line> lines;
  for (uint32_t a = 0; a < 12; ++a) {
    const std::string killed = a == 4 || a == 9 ? "25" : "20";
    lines.push_back({a, a, "The blast killed " + killed + " people on Sunday, officials said."});
  }
  const Story story(lines);
  // Every pair given as a perfect match, so that all twelve versions make one claim.
  std::vector<ScoredPair> all;
  for (uint32_t i = 0; i < lines.size(); ++i) {
    for (uint32_t j = i + 1; j < lines.size(); ++j) all.push_back({i, j, 1.0f});
  }
  const std::vector<Claim> exact = story.Cluster({}, &all);
  ClaimOptions bounded;
  bounded.max_exact_pairs = 4;
  const std::vector<Claim> sampled = story.Cluster(bounded, &all);
  ASSERT_EQ(exact.size(), 1u);
  ASSERT_EQ(sampled.size(), 1u);
  EXPECT_EQ(sampled[0].members.size(), 12u);
  EXPECT_EQ(sampled[0].sources, exact[0].sources);
  auto numbers = [](const Claim& c, std::set<uint32_t>* ends) {
    int n = 0;
    for (const ClaimDiscrepancy& d : c.discrepancies) {
      if (d.discrepancy.kind != Discrepancy::Kind::kNumber) continue;
      ++n;
      ends->insert(d.a);
      ends->insert(d.b);
    }
    return n;
  };
  std::set<uint32_t> exact_ends, sampled_ends;
  EXPECT_EQ(numbers(exact[0], &exact_ends), 20);     // each "25" version against each "20" one
  EXPECT_EQ(numbers(sampled[0], &sampled_ends), 2);  // the two "25" versions vs the centre
  EXPECT_EQ(sampled_ends.size(), 3u);
}

}  // namespace
}  // namespace parallax
