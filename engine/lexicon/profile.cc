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

// A person's name as a cited source is written: titles and lower-case words before it dropped
// ("Mr. Steele", "even Steele", "Gov. Deval Patrick", "White House Press Secretary Jay Carney"
// keep "Steele", "Deval Patrick", "Jay Carney"): the trailing run of capitalised words, at
// most three. Empty when the span does not end in such a run or its last word heads an
// organisation ("the White House", "House Republicans", "the Democratic Party").
std::vector<std::string> PersonName(std::string_view text) {
  static constexpr std::string_view kTitles[] = {
      "mr",         "mrs",      "ms",        "dr",        "sen",         "rep",      "gov",
      "lt",         "gen",      "gen.",      "col",       "capt",        "sgt",      "president",
      "senator",    "governor", "secretary", "judge",     "justice",     "minister", "chairman",
      "chairwoman", "director", "editor",    "spokesman", "spokeswoman", "general",  "mayor",
      "attorney",   "press",    "house",     "white",     "former",      "vice",     "chief",
      "leader",     "speaker",  "rev",       "father",    "sister",      "prof",     "professor"};
  static constexpr std::string_view kOrganisationHeads[] = {
      "house",      "party",       "committee",      "senate",     "congress", "court",
      "department", "office",      "administration", "campaign",   "council",  "republicans",
      "democrats",  "association", "union",          "agency",     "ministry", "times",
      "news",       "post",        "journal",        "press",      "service",  "board",
      "commission", "group",       "institute",      "university", "bank",     "army",
      "police",     "government",  "states",         "nations",    "network",  "company"};
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  std::vector<std::string> name;
  for (size_t k = tokens.size(); k-- > 0;) {
    const Token& t = tokens[k];
    std::string w = t.norm;
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (!t.capitalized || t.is_number ||
        std::find(std::begin(kTitles), std::end(kTitles), w) != std::end(kTitles)) {
      break;
    }
    name.insert(name.begin(), std::move(w));
  }
  if (name.empty() || name.size() > 3 ||
      std::find(std::begin(kOrganisationHeads), std::end(kOrganisationHeads), name.back()) !=
          std::end(kOrganisationHeads)) {
    return {};
  }
  return name;
}

// Merges cited sources that are one person written several ways within the outlet ("Mr.
// Steele", "Steele"; "Gov. Deval Patrick", "Patrick"): same surname, and no two different
// first names among them ("Bill Clinton" and "Hillary Clinton" stay apart, and "Clinton" with
// them). The merged source keeps the longest name and the first position.
void MergePeople(size_t max_written_as, size_t max_evidence, std::vector<CitedSource>* cited,
                 std::vector<int>* named_votes) {
  std::map<std::string, std::vector<size_t>> by_surname;
  std::vector<std::vector<std::string>> names(cited->size());
  for (size_t i = 0; i < cited->size(); ++i) {
    names[i] = PersonName((*cited)[i].name);
    if (!names[i].empty()) by_surname[names[i].back()].push_back(i);
  }
  std::vector<char> gone(cited->size(), 0);
  for (const auto& [surname, members] : by_surname) {
    if (members.size() < 2) continue;
    std::set<std::string> first_names;
    size_t longest = members.front();
    for (size_t i : members) {
      if (names[i].size() >= 2) first_names.insert(names[i].front());
      if (names[i].size() > names[longest].size()) longest = i;
    }
    if (first_names.size() > 1) continue;
    CitedSource& into = (*cited)[members.front()];
    into.name = (*cited)[longest].name;
    for (size_t i : members) {
      if (i == members.front()) continue;
      CitedSource& from = (*cited)[i];
      into.count += from.count;
      into.outlet_count += from.outlet_count;
      for (size_t k = 0; k < into.stance_counts.size(); ++k) {
        into.stance_counts[k] += from.stance_counts[k];
      }
      for (std::string& w : from.written_as) {
        if (into.written_as.size() < max_written_as &&
            std::find(into.written_as.begin(), into.written_as.end(), w) == into.written_as.end()) {
          into.written_as.push_back(std::move(w));
        }
      }
      into.evidence.insert(into.evidence.end(), from.evidence.begin(), from.evidence.end());
      (*named_votes)[members.front()] += (*named_votes)[i];
      gone[i] = 1;
    }
    std::sort(into.evidence.begin(), into.evidence.end(), [](const Evidence& a, const Evidence& b) {
      return a.article != b.article ? a.article < b.article : a.sentence < b.sentence;
    });
    into.evidence.erase(std::unique(into.evidence.begin(), into.evidence.end()),
                        into.evidence.end());
    if (into.evidence.size() > max_evidence) into.evidence.resize(max_evidence);
  }
  size_t out = 0;
  for (size_t i = 0; i < cited->size(); ++i) {
    if (gone[i]) continue;
    if (out != i) {
      (*cited)[out] = std::move((*cited)[i]);
      (*named_votes)[out] = (*named_votes)[i];
    }
    ++out;
  }
  cited->resize(out);
  named_votes->resize(out);
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
  MergePeople(options.max_written_as, options.max_evidence, &p.cited, &named_votes);
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
