#include "engine/lexicon/profile.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/lexicon/grammar_words.h"
#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

void Count(const MarkedSentence& s, const Mark& mark, const ProfileOptions& options,
           ProfileBucket* bucket) {
  ++bucket->count;
  if (mark.voice != Voice::kQuoted) ++bucket->outlet_count;
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

}  // namespace

std::string CitedEntity(std::string_view source, const AliasTable& aliases) {
  std::vector<Token> tokens;
  Tokenize(source, 0, &tokens);
  const std::vector<EntityMention> mentions = aliases.Find(tokens);
  if (mentions.empty()) return "";
  const EntityMention& m = mentions.front();
  size_t k = 0;
  for (; k < tokens.size() && tokens[k].span.start < m.span.start; ++k) {
    const bool article = k == 0 && tokens[k].norm == "the";
    if (!tokens[k].capitalized && !article) return "";  // "a statement from Pakistan"
  }
  while (k < tokens.size() && tokens[k].span.end <= m.span.end) ++k;
  if (k < tokens.size()) {
    static constexpr std::string_view kPlaceOrTime[] = {"at", "on", "in", "during", "from"};
    if (std::find(std::begin(kPlaceOrTime), std::end(kPlaceOrTime), tokens[k].norm) ==
        std::end(kPlaceOrTime)) {
      return "";  // "Pakistan's military media wing"
    }
  }
  return m.canonical;
}

std::string CitedSourceKey(std::string_view source) {
  std::string key;
  bool space = false;
  for (size_t i = 0; i < source.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(source[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ', space = false;
    // ’ (U+2019) and ‘ (U+2018) count as '.
    if (c == 0xE2 && i + 2 < source.size() && static_cast<unsigned char>(source[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(source[i + 2]) == 0x99 ||
         static_cast<unsigned char>(source[i + 2]) == 0x98)) {
      key += '\'';
      i += 2;
      continue;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  for (std::string_view article : {"the ", "a ", "an "}) {
    if (key.starts_with(article) && key.size() > article.size()) {
      key.erase(0, article.size());
      break;
    }
  }
  if (key.ends_with("'s") && key.size() > 2) key.resize(key.size() - 2);
  if (key.find(' ') == std::string::npos && IsPronounOrRelative(key)) return "";
  return key;
}

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
  for (int k = 0; k < kNumStances; ++k) p.stances.push_back(bucket(StanceName(Stance(k))));
  for (int k = 0; k < kNumSourceKinds; ++k) {
    p.source_kinds.push_back(bucket(SourceKindName(SourceKind(k))));
  }
  for (int k = 0; k < kNumPolarities; ++k)
    p.polarities.push_back(bucket(PolarityName(Polarity(k))));
  std::set<int> articles;
  std::map<std::string, size_t> cited_at;  // key -> index in p.cited
  std::vector<int> named_votes;            // per cited source: named marks minus anonymous ones
  for (const MarkedSentence& s : sentences) {
    articles.insert(s.article);
    ++p.sentences;
    p.words += s.words;
    for (const Mark& m : s.marks) {
      Count(s, m, options, &p.categories[static_cast<int>(m.category)]);
      if (m.category == MarkCategory::kAttribution) {
        if (m.stance) Count(s, m, options, &p.stances[static_cast<int>(*m.stance)]);
        if (m.source_kind) Count(s, m, options, &p.source_kinds[static_cast<int>(*m.source_kind)]);
        if (m.cited && !s.text.empty() && m.cited->end <= s.text.size()) {
          const std::string_view text = m.cited->Of(s.text);
          const std::string entity =
              options.aliases != nullptr ? CitedEntity(text, *options.aliases) : "";
          // "\x01" keeps entity keys apart from text keys.
          std::string key = entity.empty() ? CitedSourceKey(text) : "\x01" + entity;
          const std::string_view name = entity.empty() ? text : std::string_view(entity);
          if (!key.empty()) {
            auto [it, added] = cited_at.emplace(std::move(key), p.cited.size());
            if (added) {
              CitedSource c;
              c.name = std::string(name);
              c.stance_counts.assign(kNumStances, 0);
              p.cited.push_back(std::move(c));
              named_votes.push_back(0);
            }
            CitedSource& c = p.cited[it->second];
            if (c.written_as.size() < options.max_written_as &&
                std::find(c.written_as.begin(), c.written_as.end(), text) == c.written_as.end()) {
              c.written_as.emplace_back(text);
            }
            ++c.count;
            if (m.voice != Voice::kQuoted) ++c.outlet_count;
            if (m.stance) ++c.stance_counts[static_cast<int>(*m.stance)];
            named_votes[it->second] += m.source_kind == SourceKind::kAnonymous ? -1 : 1;
            const Evidence ev{s.article, s.sentence};
            if (c.evidence.size() < options.max_evidence &&
                (c.evidence.empty() || !(c.evidence.back() == ev))) {
              c.evidence.push_back(ev);
            }
          }
        }
      }
      if (m.category == MarkCategory::kEvaluative) {
        if (m.polarity) Count(s, m, options, &p.polarities[static_cast<int>(*m.polarity)]);
      }
    }
  }
  for (size_t i = 0; i < p.cited.size(); ++i) {
    p.cited[i].kind = named_votes[i] >= 0 ? SourceKind::kNamed : SourceKind::kAnonymous;
  }
  // Most cited first; stable, so ties keep the order of first citation.
  std::stable_sort(p.cited.begin(), p.cited.end(),
                   [](const CitedSource& a, const CitedSource& b) { return a.count > b.count; });
  if (p.cited.size() > options.max_cited) p.cited.resize(options.max_cited);
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
