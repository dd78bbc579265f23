// End to end: the bundled seeds corpus through LoadCorpus and AlignCorpus.
#include "engine/pipeline/alignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/pipeline/analysis.h"
#include "engine/pipeline/corpus.h"
#include "tests/pipeline/source_tree_resources.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

struct Aligned {
  Corpus corpus;
  Alignment alignment;

  std::string Text(const ClaimMember& m) const {
    const Article& a = corpus.articles[m.article];
    return std::string(corpus.sentences[m.article][m.sentence].span.Of(a.text));
  }
  bool Holds(const ClaimMember& m, const std::string& source, const std::string& needle) const {
    return alignment.sources[m.source] == source && Text(m).find(needle) != std::string::npos;
  }
  // The primary claim holding the sentence of `source` containing `needle`.
  const Claim* Find(const std::string& source, const std::string& needle) const {
    for (const Claim& c : alignment.claims) {
      for (const ClaimMember& m : c.members) {
        if (!m.secondary && Holds(m, source, needle)) return &c;
      }
    }
    return nullptr;
  }
  // A claim holding both sentences, as primary or secondary (topic) member.
  const Claim* FindBoth(const std::string& source_a, const std::string& needle_a,
                        const std::string& source_b, const std::string& needle_b) const {
    for (const Claim& c : alignment.claims) {
      bool a = false, b = false;
      for (const ClaimMember& m : c.members) {
        a = a || Holds(m, source_a, needle_a);
        b = b || Holds(m, source_b, needle_b);
      }
      if (a && b) return &c;
    }
    return nullptr;
  }
};

Aligned AlignSeeds(int threads) {
  Aligned out;
  auto corpus = LoadCorpus({std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/corpus.yaml"},
                           SourceTreeResources(), CorpusOptions());
  EXPECT_OK(corpus);
  if (!corpus.ok()) return out;
  out.corpus = std::move(*corpus);
  AlignOptions options;
  options.threads = threads;
  auto alignment = AlignCorpus(out.corpus, SourceTreeResources(), options);
  EXPECT_OK(alignment);
  if (alignment.ok()) out.alignment = std::move(*alignment);
  return out;
}

// The columnist's "deep appreciation for Beijing's consistent support" and the news site's
// "steadfast support ... consistent and reliable backing": mutual best matches, one claim. The
// columnist's restatement ("appreciated China's consistent support") is no edge of its own
// (score 0.29, not the news sentence's best match), so complete linkage leaves it out.
TEST(AlignmentTest, SeedsSupportSentencesAreOneClaim) {
  Aligned a = AlignSeeds(2);
  ASSERT_EQ(a.alignment.sources.size(), 2u);
  const Claim* deep = a.Find("Firstpost", "deep appreciation for Beijing");
  const Claim* steadfast = a.Find("News site", "steadfast support");
  ASSERT_NE(deep, nullptr);
  EXPECT_EQ(deep, steadfast);
  EXPECT_EQ(deep->sources.size(), 2u);
  EXPECT_TRUE(deep->omitted.empty());
}

TEST(AlignmentTest, SeedsMeetingSentencesAreOneClaim) {
  Aligned a = AlignSeeds(2);
  const Claim* called_on = a.Find("Firstpost", "called on Chinese Vice President");
  const Claim* met = a.Find("News site", "for wide-ranging talks on regional security");
  ASSERT_NE(called_on, nullptr);
  EXPECT_EQ(called_on, met);
}

// The columnist's "exchanges on defence and security cooperation, including counter-terrorism
// collaboration" and the news site's "talks on regional security and counter-terrorism": a
// topic claim (claim_clusters.h, step 3), i.e. related sentences; each keeps its own claim.
TEST(AlignmentTest, SeedsCounterTerrorismSentencesAreRelated) {
  Aligned a = AlignSeeds(2);
  const Claim* ct = a.FindBoth("Firstpost", "including counter-terrorism collaboration",
                               "News site", "regional security and counter-terrorism");
  ASSERT_NE(ct, nullptr);
  EXPECT_EQ(ct->topic_terms, std::vector<std::string>{"counter-terrorism"});
  EXPECT_EQ(ct->sources.size(), 2u);
  EXPECT_TRUE(ct->omitted.empty());
  EXPECT_NE(a.Find("Firstpost", "including counter-terrorism collaboration"), ct);
  const Claim* meeting = a.Find("News site", "regional security and counter-terrorism");
  ASSERT_NE(meeting, nullptr);
  EXPECT_NE(meeting, ct);
  EXPECT_TRUE(meeting->topic_terms.empty());
  // The Karachi bombing and the support claim gain no topic claim.
  for (const Claim& c : a.alignment.claims) {
    if (c.topic_terms.empty()) continue;
    for (const ClaimMember& m : c.members) {
      EXPECT_EQ(a.Text(m).find("Karachi"), std::string::npos);
      EXPECT_EQ(a.Text(m).find("steadfast support"), std::string::npos);
    }
  }
}

TEST(AlignmentTest, SeedsKarachiBombingIsCarriedByOneSourceOnly) {
  Aligned a = AlignSeeds(2);
  const Claim* karachi = a.Find("Firstpost", "Karachi airport");
  ASSERT_NE(karachi, nullptr);
  ASSERT_EQ(karachi->sources.size(), 1u);
  EXPECT_EQ(a.alignment.sources[karachi->sources[0]], "Firstpost");
  ASSERT_EQ(karachi->omitted.size(), 1u);
  EXPECT_EQ(a.alignment.sources[karachi->omitted[0]], "News site");
}

TEST(AlignmentTest, HeadingsAreNotClaims) {
  Aligned a = AlignSeeds(2);
  for (const Claim& c : a.alignment.claims) {
    for (const ClaimMember& m : c.members) {
      EXPECT_FALSE(a.corpus.sentences[m.article][m.sentence].heading) << a.Text(m);
    }
  }
}

TEST(AlignmentTest, ResultDoesNotDependOnThreads) {
  Aligned one = AlignSeeds(1);
  Aligned four = AlignSeeds(4);
  ASSERT_EQ(one.alignment.claims.size(), four.alignment.claims.size());
  for (size_t i = 0; i < one.alignment.claims.size(); ++i) {
    const Claim& x = one.alignment.claims[i];
    const Claim& y = four.alignment.claims[i];
    EXPECT_EQ(x.id, y.id);
    ASSERT_EQ(x.members.size(), y.members.size());
    for (size_t k = 0; k < x.members.size(); ++k) {
      EXPECT_EQ(x.members[k].article, y.members[k].article);
      EXPECT_EQ(x.members[k].sentence, y.members[k].sentence);
    }
    EXPECT_EQ(x.discrepancies.size(), y.discrepancies.size());
  }
}

TEST(AlignmentTest, GroupsStoriesWhenAsked) {
  Aligned a = AlignSeeds(2);
  EXPECT_EQ(a.alignment.stories.size(), 1u);  // without grouping: one story
  AlignOptions options;
  options.group_stories = true;
  auto grouped = AlignCorpus(a.corpus, SourceTreeResources(), options);
  ASSERT_OK(grouped);
  // Two reports of the same talks: one story.
  ASSERT_EQ(grouped->stories.size(), 1u);
  EXPECT_EQ(grouped->stories[0].id, "s1");
  EXPECT_EQ(grouped->stories[0].articles, (std::vector<uint32_t>{0, 1}));
}

// A story label given in the input wins over content: the two reports of one event, labelled
// as two stories, are two stories; labelled as one, one.
TEST(AlignmentTest, StoryLabelsFromTheInputWinOverGrouping) {
  Aligned a = AlignSeeds(2);
  AlignOptions options;
  options.group_stories = true;
  a.corpus.stories = {"talks-a", "talks-b"};
  auto apart = AlignCorpus(a.corpus, SourceTreeResources(), options);
  ASSERT_OK(apart);
  ASSERT_EQ(apart->stories.size(), 2u);
  EXPECT_EQ(apart->stories[0].articles, (std::vector<uint32_t>{0}));
  EXPECT_EQ(apart->stories[1].articles, (std::vector<uint32_t>{1}));
  a.corpus.stories = {"talks", "talks"};
  auto together = AlignCorpus(a.corpus, SourceTreeResources(), options);
  ASSERT_OK(together);
  EXPECT_EQ(together->stories.size(), 1u);
  // One labelled, one not: the unlabelled article keeps its own group.
  a.corpus.stories = {"talks", ""};
  auto mixed = AlignCorpus(a.corpus, SourceTreeResources(), options);
  ASSERT_OK(mixed);
  EXPECT_EQ(mixed->stories.size(), 2u);
}

TEST(AlignmentTest, RejectsResourcesWithoutSimilarityAndMismatchedCorpus) {
  Corpus corpus;
  AlignOptions options;
  EXPECT_EQ(AlignCorpus(corpus, Resources(), options).status().code(), Status::Code::kInvalidInput);
  corpus.articles.resize(1);  // no sentences for it
  EXPECT_EQ(AlignCorpus(corpus, SourceTreeResources(), options).status().code(),
            Status::Code::kInvalidInput);
}

// Two one-sentence articles, marked and aligned: the discrepancy kinds of the claim joining
// them ("" when they are not one claim).
std::vector<std::string> DriftBetween(const std::string& a, const std::string& b) {
  std::vector<Article> articles(2);
  articles[0].id = "a";
  articles[0].source = "One";
  articles[0].text = a;
  articles[1].id = "b";
  articles[1].source = "Two";
  articles[1].text = b;
  for (Article& article : articles)
    article.paragraphs.push_back({Span{0, article.text.size()}, false});
  auto corpus = SplitArticles(std::move(articles), SourceTreeResources(), CorpusOptions());
  EXPECT_OK(corpus);
  if (!corpus.ok()) return {""};
  auto analysis = AnalyzeCorpus(std::move(*corpus), SourceTreeResources(), AnalysisOptions());
  EXPECT_OK(analysis);
  if (!analysis.ok()) return {""};
  for (const Claim& c : analysis->alignment.claims) {
    if (c.members.size() < 2) continue;
    std::vector<std::string> kinds;
    for (const ClaimDiscrepancy& d : c.discrepancies)
      kinds.push_back(DiscrepancyKindName(d.discrepancy.kind));
    return kinds;
  }
  return {""};
}

// Attribution the lexicon rightly marks but that does not frame the sentence's statement is no
// certainty drift: a report verb in a relative clause; a phrasal "called up" is no speech at
// all. A cue that frames the statement still is.
TEST(AlignmentTest, OnlyAttributionThatFramesTheStatementDrifts) {
  const std::string stated =
      "The state legislature passed the bill on religious freedom last week.";
  EXPECT_EQ(DriftBetween(stated,
                         "The state legislature passed the bill on religious freedom last week, "
                         "allowing businesses whose owners cite their beliefs to refuse service."),
            std::vector<std::string>{});
  // "As TPM notes" attributes it to a named source: a drift (the claims gold agrees).
  EXPECT_EQ(DriftBetween("His district in California is roughly 35 percent Latino.",
                         "As TPM notes, his district in California is 35 percent Latino."),
            std::vector<std::string>{"attribution"});
  EXPECT_EQ(DriftBetween("Hutchinson welcomed Mark Mattioli, whose son was killed at Sandy Hook.",
                         "Hutchinson called up Mark Mattioli, whose son was killed at Sandy Hook."),
            std::vector<std::string>{});
  EXPECT_EQ(DriftBetween(stated,
                         "The state legislature passed the bill on religious freedom last week, "
                         "officials said."),
            std::vector<std::string>{"attribution"});
}

// A cue that reports an act or stance (`reports: act` in lexicons/attribution.yaml) puts no
// statement on its source's word: "X expressed concern about the toll on his wife" does not
// attribute "his wife is an aide"; the BASIL batch had 5 such drifts, all wrong.
TEST(AlignmentTest, ActsAndStancesOfASourceAreNoDrift) {
  EXPECT_EQ(DriftBetween("The senator opposed the new immigration bill passed by the state house.",
                         "The senator voted against the new immigration bill passed by the state "
                         "house."),
            std::vector<std::string>{});
  EXPECT_EQ(DriftBetween("Weiner is married to Huma Abedin, an aide to Secretary of State Clinton.",
                         "Weiner also expressed concern about his wife, Huma Abedin, an aide to "
                         "Secretary of State Clinton."),
            std::vector<std::string>{});
  EXPECT_EQ(
      DriftBetween("Weiner is married to Huma Abedin, an aide to Secretary of State Clinton.",
                   "His office said Weiner is married to Huma Abedin, an aide to Secretary of "
                   "State Clinton."),
      std::vector<std::string>{"attribution"});
}

// "said Thursday" / "tweeted on Friday": when each source spoke, not when the thing happened.
TEST(AlignmentTest, TheDayASourceSpokeIsNoDateConflict) {
  const auto kinds = DriftBetween(
      "Rep. Steve King said on Thursday that Labrador was not conservative enough on immigration.",
      "Rep. Steve King said on Friday that Labrador was not conservative enough on immigration.");
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "date"), 0) << testing::PrintToString(kinds);
  EXPECT_EQ(DriftBetween("The senate passed the immigration bill on Thursday after a long debate.",
                         "The senate passed the immigration bill on Friday after a long debate."),
            std::vector<std::string>{"date"});
}

// One quotation given to two people is a speaker conflict; not when both versions name the same
// person, as the head of an apposition ("Chad Griffin, the president of the Human Rights
// Campaign") or anywhere in the sentence.
TEST(AlignmentTest, SpeakerConflictNeedsTwoDifferentPeople) {
  const std::string quote =
      "\u201cMarried couples will now be treated equally under our federal tax laws, regardless of "
      "what state they call home,\u201d ";
  auto speakers = [](const std::vector<std::string>& kinds) {
    return std::count(kinds.begin(), kinds.end(), "speaker");
  };
  EXPECT_EQ(speakers(DriftBetween(quote + "said Chad Griffin, the president of the Human Rights "
                                          "Campaign.",
                                  quote + "Chad Griffin said.")),
            0);
  EXPECT_EQ(speakers(DriftBetween(quote + "said Chad Griffin, the president of the Human Rights "
                                          "Campaign.",
                                  quote + "said Evan Wolfson, who founded Freedom to Marry.")),
            1);
}

TEST(AlignmentTest, EmptyCorpusHasNoClaims) {
  AlignOptions options;
  auto alignment = AlignCorpus(Corpus{}, SourceTreeResources(), options);
  ASSERT_OK(alignment);
  EXPECT_TRUE(alignment->claims.empty());
  EXPECT_TRUE(alignment->stories.empty());
}

}  // namespace
}  // namespace parallax
