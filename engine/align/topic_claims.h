// Topic claims: step 3 of ClusterClaims (claim_clusters.h). Sentences that two sources devote to
// one rare subject without making one statement are grouped as *related* sentences, so that a
// sentence is not reported as carried by one source only when the other source does cover its
// subject, in a sentence that says more (or other things):
//   "the engagement included exchanges on security cooperation, including counter-terrorism
//   collaboration, joint training, ..." against "X met Y in Z on Friday for talks on regional
//   security and counter-terrorism".
// Why a second algorithm beside claim clustering: the symmetric score rates such pairs low (each
// side's extra detail counts against it), and clause-level scoring does not help either (the
// words that carry the subject are few on both sides). What the two sentences share is a rare
// compound term, and what makes the link safe is the context around them.
//
// Steps, one function each:
//   1. Anchors (FindTopicAnchors): a compound term — a hyphenated word ("counter-terrorism") or
//      two adjacent words ("background checks") — of content words that are not numbers, dates
//      or names (alias-table entities, or capitalised inside the sentence: names recur all
//      through a story), found in at most
//        max(topic_min_df, min(topic_max_df_fraction * story sentences, topic_max_df))
//      sentences of the story and in at least two of its sources: the story's rare subjects.
//      Single words are not anchors: in a small story nearly every word is rare ("included",
//      "across", "stability" linked unrelated statements of the seeds), while compounds name a
//      subject.
//   2. Context (in FindTopicGroups): the shared claims of step 2 of ClusterClaims (clusters with
//      several sources) that have a member within `topic_context` sentences of each sentence,
//      in its article. Comparable articles tell one event in neighbourhoods; a rare word alone
//      also matches the same subject in a passage about another event ("counter-terrorism was
//      also discussed" with the US).
//   3. Links: a sentence x left alone by clustering and a sentence y of another source are
//      linked iff they share an anchor, share a nearby claim (step 2) and score at least
//      `topic_min_score` (not unrelated sentences).
//   4. Best links: of x's links into one source, only the best is kept: most anchor weight (the
//      IDF of the anchors' words), then score.
//   5. Groups: links are grouped best first while every two members of different sources share
//      an anchor and no article has more than `max_per_article` sentences in the group; a
//      sentence joins at most one group. Groups of one sentence are dropped.
//   6. Terms (TopicTerms): the anchors all members of a group share, else those of any two.
// ClusterClaims makes each group a topic claim (Claim::topic_terms) whose members are all
// secondary: every member keeps its own claim, and topic claims have no discrepancies.
//
// Thread safety: pure functions; `score` is called on the calling thread only.
#ifndef PARALLAX_ENGINE_ALIGN_TOPIC_CLAIMS_H_
#define PARALLAX_ENGINE_ALIGN_TOPIC_CLAIMS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/align/claim_clusters.h"

namespace parallax {

// The anchors of each sentence (step 1). Keys: a hyphenated word is its term id; a pair of
// adjacent words is ((first + 1) << 32) | second.
struct TopicAnchors {
  std::vector<std::vector<uint64_t>> of;           // per sentence, sorted
  std::unordered_map<uint64_t, double> weight;     // per anchor: the IDF weight of its words
  std::unordered_map<uint64_t, std::string> norm;  // per anchor: its lower-cased words
};

// Returns the anchors of `sentences` (step 1), with the limits of `options`.
TopicAnchors FindTopicAnchors(const std::vector<ClaimSentence>& sentences,
                              const ClaimOptions& options);

// The similarity of sentences i and j (indices into the sentences), as clustering scored it.
using PairScore = std::function<float(uint32_t i, uint32_t j)>;

// Returns the topic groups (steps 2 to 5), each a list of sentence indices, given the claims of
// clustering: `clusters[c]` lists the members of cluster c (empty once merged away) and
// `cluster_of[i]` is sentence i's cluster. Requires options.topic_context >= 0.
std::vector<std::vector<uint32_t>> FindTopicGroups(
    const std::vector<ClaimSentence>& sentences, const std::vector<uint32_t>& cluster_of,
    const std::vector<std::vector<uint32_t>>& clusters, const TopicAnchors& anchors,
    const ClaimOptions& options, const PairScore& score);

// The anchor words a group's members share (step 6): those of all, else those of any two
// members of different sources; lower-cased and sorted.
std::vector<std::string> TopicTerms(const std::vector<uint32_t>& group,
                                    const std::vector<ClaimSentence>& sentences,
                                    const TopicAnchors& anchors);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_TOPIC_CLAIMS_H_
