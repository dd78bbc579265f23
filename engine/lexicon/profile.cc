#include "engine/lexicon/profile.h"

#include <set>

#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

void Count(const MarkedSentence& s, const Mark& mark, const ProfileOptions& options,
           ProfileBucket* bucket) {
  ++bucket->count;
  if (mark.voice != "quoted") ++bucket->outlet_count;
  Evidence ev{s.article, s.sentence};
  if (bucket->evidence.size() < options.max_evidence &&
      (bucket->evidence.empty() || !(bucket->evidence.back() == ev))) {
    bucket->evidence.push_back(ev);
  }
}

void SetRates(size_t words, std::vector<ProfileBucket>* group) {
  for (ProfileBucket& b : *group) {
    b.per_1000_words = words == 0 ? 0.0 : 1000.0 * b.count / static_cast<double>(words);
    b.outlet_per_1000_words =
        words == 0 ? 0.0 : 1000.0 * b.outlet_count / static_cast<double>(words);
  }
}

ProfileBucket* Named(std::vector<ProfileBucket>* group, std::string_view name) {
  for (ProfileBucket& b : *group) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace

const ProfileBucket* SourceProfile::Find(const std::vector<ProfileBucket>& group,
                                         std::string_view name) {
  for (const ProfileBucket& b : group) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

SourceProfile BuildProfile(const std::string& source, const std::vector<MarkedSentence>& sentences,
                           const ProfileOptions& options) {
  SourceProfile p;
  p.source = source;
  auto bucket = [](std::string_view name) {
    ProfileBucket b;
    b.name = std::string(name);
    return b;
  };
  for (int c = 0; c < kNumMarkCategories; ++c) {
    p.categories.push_back(bucket(CategoryName(static_cast<MarkCategory>(c))));
  }
  for (std::string_view s : kStances) p.stances.push_back(bucket(s));
  for (std::string_view s : kSourceKinds) p.source_kinds.push_back(bucket(s));
  p.polarities = {bucket("negative"), bucket("positive")};
  std::set<int> articles;
  for (const MarkedSentence& s : sentences) {
    articles.insert(s.article);
    ++p.sentences;
    p.words += s.words;
    for (const Mark& m : s.marks) {
      Count(s, m, options, &p.categories[static_cast<int>(m.category)]);
      if (m.category == MarkCategory::kAttribution) {
        if (ProfileBucket* b = Named(&p.stances, m.stance)) Count(s, m, options, b);
        if (ProfileBucket* b = Named(&p.source_kinds, m.source_kind)) Count(s, m, options, b);
      }
      if (m.category == MarkCategory::kEvaluative) {
        if (ProfileBucket* b = Named(&p.polarities, m.polarity)) Count(s, m, options, b);
      }
    }
  }
  p.articles = static_cast<int>(articles.size());
  SetRates(p.words, &p.categories);
  SetRates(p.words, &p.stances);
  SetRates(p.words, &p.source_kinds);
  SetRates(p.words, &p.polarities);
  return p;
}

size_t CountWords(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  size_t words = 0;
  for (const Token& t : tokens) words += t.is_number ? 0 : 1;
  return words;
}

}  // namespace parallax
