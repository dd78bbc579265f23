#include "engine/align/story_grouping.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace parallax {
namespace {

// Articles of `sentences` sentences each; sentence s of article a has global number a * 10 + s.
struct Fixture {
  std::vector<StoryArticle> articles;
  std::vector<uint32_t> sentence_article;
  std::vector<ScoredPair> pairs;

  void AddArticle(uint32_t source, std::string date, uint32_t sentences) {
    const uint32_t a = static_cast<uint32_t>(articles.size());
    articles.push_back({source, std::move(date), sentences});
    sentence_article.resize((a + 1) * 10, a);
  }
  // `count` sentences of a matched to sentences of b at `score`.
  void Link(uint32_t a, uint32_t b, uint32_t count, float score) {
    for (uint32_t s = 0; s < count; ++s) pairs.push_back({a * 10 + s, b * 10 + s, score});
  }
  std::vector<uint32_t> Group(const StoryOptions& options = {}) const {
    return GroupStories(articles, sentence_article, pairs, options);
  }
};

TEST(StoryGroupingTest, GroupsArticlesSharingSentences) {
  Fixture f;
  for (uint32_t event = 0; event < 2; ++event) {
    for (uint32_t source = 0; source < 3; ++source)
      f.AddArticle(source, "2014-05-0" + std::to_string(event + 1), 10);
  }
  // Event 0 = articles 0, 1, 2; event 1 = articles 3, 4, 5 (ordered to test numbering).
  f.Link(0, 1, 4, 0.6f);
  f.Link(1, 2, 3, 0.5f);
  f.Link(0, 2, 2, 0.4f);
  f.Link(3, 4, 5, 0.7f);
  f.Link(4, 5, 3, 0.6f);
  f.Link(2, 3, 1, 0.3f);  // one stray sentence pair across events
  EXPECT_EQ(f.Group(), (std::vector<uint32_t>{0, 0, 0, 1, 1, 1}));
}

TEST(StoryGroupingTest, WeakPairsAndSameSourcePairsDoNotLink) {
  Fixture f;
  f.AddArticle(0, "", 10);
  f.AddArticle(1, "", 10);
  f.AddArticle(0, "", 10);
  f.Link(0, 1, 8, 0.1f);  // below sentence_threshold
  f.Link(0, 2, 8, 0.9f);  // same source: candidates never pair these, so they are ignored
  EXPECT_EQ(f.Group(), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_TRUE(ArticleSimilarities(f.articles, f.sentence_article, f.pairs, {}).empty());
}

TEST(StoryGroupingTest, DistantDatesWeakenLinks) {
  Fixture f;
  f.AddArticle(0, "2012-01-01", 10);
  f.AddArticle(1, "2012-01-03", 10);
  f.AddArticle(2, "2013-06-01", 10);
  f.Link(0, 1, 2, 0.6f);
  f.Link(0, 2, 2, 0.6f);
  std::vector<ArticleLink> links = ArticleSimilarities(f.articles, f.sentence_article, f.pairs, {});
  ASSERT_EQ(links.size(), 2u);
  EXPECT_DOUBLE_EQ(links[0].similarity, 4.0 / 20);  // (2 + 2) / (10 + 10)
  EXPECT_DOUBLE_EQ(links[1].similarity, 4.0 / 20 * StoryOptions().date_penalty);
  StoryOptions options;
  options.link_threshold = 0.1;
  EXPECT_EQ(f.Group(options), (std::vector<uint32_t>{0, 0, 1}));
}

TEST(StoryGroupingTest, AverageLinkageKeepsLooseChainsApart) {
  Fixture f;
  for (uint32_t a = 0; a < 4; ++a) f.AddArticle(a, "", 10);
  f.Link(0, 1, 10, 0.9f);  // sim 1.0
  f.Link(2, 3, 10, 0.9f);  // sim 1.0
  f.Link(1, 2, 1, 0.9f);   // sim 0.1: one pair of four between the clusters -> mean 0.025
  StoryOptions options;
  options.link_threshold = 0.05;
  EXPECT_EQ(f.Group(options), (std::vector<uint32_t>{0, 0, 1, 1}));
  options.link_threshold = 0.02;
  EXPECT_EQ(f.Group(options), (std::vector<uint32_t>{0, 0, 0, 0}));
}

TEST(StoryGroupingTest, HandlesEmptyAndBadInput) {
  EXPECT_TRUE(GroupStories({}, {}, {}, {}).empty());
  Fixture f;
  f.AddArticle(0, "not a date", 0);
  f.AddArticle(1, "", 10);
  f.pairs = {{0, 99, 1.0f}, {5, 15, 1.0f}};  // out of range; from an article of 0 sentences
  EXPECT_EQ(f.Group().size(), 2u);
}

TEST(StoryGroupingTest, CountsDaysBetweenDates) {
  EXPECT_EQ(DaysApart("2014-02-27", "2014-03-01"), 2);
  EXPECT_EQ(DaysApart("2012-02-28", "2012-03-01"), 2);  // leap year
  EXPECT_EQ(DaysApart("2013-12-31T23:00:00", "2014-01-01"), 1);
  EXPECT_EQ(DaysApart("2014-01-01", ""), -1);
  EXPECT_EQ(DaysApart("2014-13-01", "2014-01-01"), -1);
}

// An article's terms sum its sentences' vectors and its title's, weighted, L2-normalised.
TEST(StoryGroupingTest, ArticleTermsWeighTheTitle) {
  SentenceFeatures s1, s2, title;
  s1.vector = {{1, 0.6f}, {2, 0.8f}};
  s2.vector = {{2, 1.0f}};
  title.vector = {{3, 1.0f}};
  const std::vector<SentenceFeatures> body = {s1, s2};
  const auto terms = ArticleTerms(body, &title, 2.0);
  // Sums 0.6, 1.8, 2.0; norm sqrt(0.36 + 3.24 + 4) = sqrt(7.6).
  ASSERT_EQ(terms.size(), 3u);
  const double norm = std::sqrt(7.6);
  EXPECT_EQ(terms[0].first, 1);
  EXPECT_NEAR(terms[0].second, 0.6 / norm, 1e-6);
  EXPECT_NEAR(terms[1].second, 1.8 / norm, 1e-6);
  EXPECT_EQ(terms[2].first, 3);
  EXPECT_NEAR(terms[2].second, 2.0 / norm, 1e-6);
  EXPECT_TRUE(ArticleTerms({}, nullptr, 2.0).empty());
}

// With the articles' words known, a shared background sentence does not join articles whose
// words differ, and articles about the same thing join without a strong sentence pair.
TEST(StoryGroupingTest, ArticleWordsDecideWhichCandidatesLink) {
  Fixture f;
  for (uint32_t source = 0; source < 4; ++source) f.AddArticle(source, "", 10);
  f.articles[0].terms = {{1, 0.8f}, {2, 0.6f}};
  f.articles[1].terms = {{1, 0.6f}, {2, 0.8f}};  // cosine 0.96 with article 0
  f.articles[2].terms = {{3, 1.0f}};             // cosine 0 with both
  f.articles[3].terms = {{1, 0.8f}, {2, 0.6f}};  // as article 0
  f.Link(0, 1, 1, 0.1f);                         // a weak candidate pair only
  f.Link(0, 2, 5, 0.9f);                         // five strong sentence pairs, other words
  f.Link(1, 3, 1, 0.1f);
  EXPECT_EQ(f.Group(), (std::vector<uint32_t>{0, 0, 1, 0}));
  // Unknown words: the shared sentences alone decide.
  for (StoryArticle& a : f.articles) a.terms.clear();
  EXPECT_EQ(f.Group(), (std::vector<uint32_t>{0, 1, 0, 2}));
}

}  // namespace
}  // namespace parallax
