// Topic claims (topic_claims.h), through ClusterClaims and step by step.
#include "engine/align/topic_claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/align/claim_test_util.h"

namespace parallax {
namespace {

// A story where both outlets report the talks (a shared claim) and each mentions, next to it,
// that background checks came up, in sentences saying different things about them.
std::vector<Story::Line> BackgroundCheckStory(bool far_apart) {
  std::vector<Story::Line> lines = {
      {0, 0, "The senators met the governor in the capital on Monday for talks on gun laws."},
      {0, 0, "Aides said the talks would resume after the holiday recess in the spring."},
      {0, 0, "The governor wants universal background checks for private sales at gun shows."},
      {1, 1, "The governor held talks with the senators on gun laws in the capital on Monday."},
      {1, 1, "Critics doubt that background checks would have stopped the attack."},
  };
  if (far_apart) {
    // Unrelated sentences push the lone sentence away from the shared claim.
    for (const char* filler :
         {"Farmers in the valley reported a poor harvest after the long drought.",
          "The local orchestra will tour three neighbouring countries next year.",
          "A new bridge across the river opened to traffic after years of delays.",
          "Ticket prices at the stadium rose for the third season in a row."}) {
      lines.insert(lines.begin() + 2, {0, 0, filler});
    }
  }
  return lines;
}

TEST(TopicClaimsTest, TopicClaimRelatesLoneSentencesSharingACompoundNearASharedClaim) {
  Story story(BackgroundCheckStory(false));
  const std::vector<Claim> claims = story.Cluster();
  const Claim* talks = WithMembers(claims, 2);
  ASSERT_NE(talks, nullptr);
  EXPECT_TRUE(talks->topic_terms.empty());
  const Claim* topic = nullptr;
  for (const Claim& c : claims) {
    if (!c.topic_terms.empty()) topic = &c;
  }
  ASSERT_NE(topic, nullptr);
  EXPECT_EQ(topic->topic_terms, std::vector<std::string>{"background checks"});
  ASSERT_EQ(topic->members.size(), 2u);
  EXPECT_EQ(topic->members[0].article, 0u);
  EXPECT_EQ(topic->members[0].sentence, 2u);
  EXPECT_EQ(topic->members[1].article, 1u);
  EXPECT_EQ(topic->members[1].sentence, 1u);
  // Related sentences, not a claim: each member keeps a claim of its own.
  EXPECT_TRUE(topic->members[0].secondary);
  EXPECT_TRUE(topic->members[1].secondary);
  EXPECT_EQ(topic->sources, (std::vector<uint32_t>{0, 1}));
  EXPECT_TRUE(topic->omitted.empty());
  EXPECT_TRUE(topic->discrepancies.empty());
  // Every sentence has exactly one primary claim.
  std::vector<int> primary(5, 0);
  for (const Claim& c : claims) {
    for (const ClaimMember& m : c.members) {
      if (!m.secondary) ++primary[m.article * 3 + m.sentence];
    }
  }
  EXPECT_EQ(primary, (std::vector<int>{1, 1, 1, 1, 1}));
}

TEST(TopicClaimsTest, NoTopicClaimWithoutContextOrWhenOff) {
  Story far(BackgroundCheckStory(true));
  for (const Claim& c : far.Cluster()) EXPECT_TRUE(c.topic_terms.empty()) << c.id;
  Story near(BackgroundCheckStory(false));
  ClaimOptions off;
  off.topic_context = -1;
  for (const Claim& c : near.Cluster(off)) EXPECT_TRUE(c.topic_terms.empty()) << c.id;
}

TEST(TopicClaimsTest, SharedSingleWordsMakeNoTopicClaim) {
  Story story({
      {0, 0, "The senators met the governor in the capital on Monday for talks on gun laws."},
      {0, 0, "The governor wants stricter controls for private sales at gun shows."},
      {1, 1, "The governor held talks with the senators on gun laws in the capital on Monday."},
      {1, 1, "Critics doubt that such controls would have stopped the attack."},
  });
  for (const Claim& c : story.Cluster()) {
    EXPECT_TRUE(c.topic_terms.empty()) << c.id;
  }
}

// Step by step: the anchors of the story above are its compounds found in both sources ("gun
// laws", "background checks"); the group of the two lone sentences is named by theirs.
TEST(TopicClaimsTest, AnchorsAreCompoundsOfSeveralSourcesAndNameTheGroup) {
  Story story(BackgroundCheckStory(false));
  const TopicAnchors anchors = FindTopicAnchors(story.sentences(), ClaimOptions{});
  ASSERT_EQ(anchors.of.size(), 5u);
  auto words = [&](size_t i) {
    std::vector<std::string> out;
    for (uint64_t t : anchors.of[i]) out.push_back(anchors.norm.at(t));
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(words(0), std::vector<std::string>{"gun laws"});
  EXPECT_TRUE(words(1).empty());  // "holiday recess" is in one source only
  EXPECT_EQ(words(2), (std::vector<std::string>{"background checks"}));
  EXPECT_EQ(words(4), (std::vector<std::string>{"background checks"}));
  EXPECT_EQ(TopicTerms({2, 4}, story.sentences(), anchors),
            std::vector<std::string>{"background checks"});
}

// Names recur all through a story: a capitalised compound inside a sentence is no anchor.
TEST(TopicClaimsTest, NamesAreNotAnchors) {
  Story story({
      {0, 0, "The talks with Prime Minister Sharif ended on Monday without a deal."},
      {1, 1, "Officials said Prime Minister Sharif would travel abroad next week."},
  });
  const TopicAnchors anchors = FindTopicAnchors(story.sentences(), ClaimOptions{});
  ASSERT_EQ(anchors.of.size(), 2u);
  EXPECT_TRUE(anchors.of[0].empty());
  EXPECT_TRUE(anchors.of[1].empty());
}

}  // namespace
}  // namespace parallax
