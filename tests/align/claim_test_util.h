// Test helpers for claim clustering: a story of sentences featurized by a model built from
// them all, clustered with ClusterClaims.
#ifndef PARALLAX_TESTS_ALIGN_CLAIM_TEST_UTIL_H_
#define PARALLAX_TESTS_ALIGN_CLAIM_TEST_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "engine/align/claim_clusters.h"
#include "tests/align/similarity_test_util.h"

namespace parallax {

// The stretches between pairs of straight double quotes (the pipeline uses segment/quotes.h).
inline std::vector<Span> StraightQuotes(const std::string& text) {
  std::vector<Span> out;
  for (size_t open = text.find('"'); open != std::string::npos;) {
    const size_t close = text.find('"', open + 1);
    if (close == std::string::npos) break;
    out.push_back({open, close + 1});
    open = text.find('"', close + 1);
  }
  return out;
}

// Sentences of several articles, featurized by a model built from them all.
class Story {
 public:
  // Each entry: (article, source, text); sentence numbers count per article.
  struct Line {
    uint32_t article;
    uint32_t source;
    std::string text;
  };
  explicit Story(std::vector<Line> lines) : lines_(std::move(lines)) {
    std::vector<std::string> texts;
    for (const Line& l : lines_) texts.push_back(l.text);
    model_ = ModelFor(texts);
    Stemmer stemmer;
    features_.reserve(lines_.size());
    std::vector<uint32_t> next(16, 0);
    for (const Line& l : lines_) {
      features_.push_back(model_.Featurize(l.text, 0, &stemmer));
      sentences_.push_back({l.article,
                            next[l.article]++,
                            l.source,
                            &features_.back(),
                            l.text,
                            0,
                            StraightQuotes(l.text),
                            {},
                            {}});
      sources_.push_back(l.source);
    }
    std::sort(sources_.begin(), sources_.end());
    sources_.erase(std::unique(sources_.begin(), sources_.end()), sources_.end());
  }

  std::vector<Claim> Cluster(const ClaimOptions& options = {},
                             const std::vector<ScoredPair>* scored = nullptr) const {
    return scored == nullptr ? ClusterClaims(sentences_, sources_, model_, options)
                             : ClusterClaims(sentences_, sources_, model_, options, *scored);
  }

  // The primary claim holding sentence `line` (index into the lines), or null.
  static const Claim* ClaimOf(const std::vector<Claim>& claims, const Line& line, uint32_t s) {
    for (const Claim& c : claims) {
      for (const ClaimMember& m : c.members) {
        if (m.article == line.article && m.sentence == s && !m.secondary) return &c;
      }
    }
    return nullptr;
  }

  // Gives every sentence of `article` the publication date `date` (YYYY-MM-DD).
  void SetPublished(uint32_t article, const std::string& date) {
    dates_.push_back(date);
    for (ClaimSentence& s : sentences_) {
      if (s.article == article) s.published = dates_.back();
    }
  }

  const std::vector<ClaimSentence>& sentences() const { return sentences_; }
  const SimilarityModel& model() const { return model_; }

 private:
  std::vector<Line> lines_;
  SimilarityModel model_;
  std::vector<SentenceFeatures> features_;
  std::vector<ClaimSentence> sentences_;
  std::vector<uint32_t> sources_;
  std::deque<std::string> dates_;  // stable addresses for ClaimSentence::published
};

// The first claim with `n` members, or null.
inline const Claim* WithMembers(const std::vector<Claim>& claims, size_t n) {
  for (const Claim& c : claims) {
    if (c.members.size() == n) return &c;
  }
  return nullptr;
}

}  // namespace parallax

#endif  // PARALLAX_TESTS_ALIGN_CLAIM_TEST_UTIL_H_
