#include "engine/align/similarity_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <unordered_set>

#include "engine/align/word_classes.h"
#include "engine/align/word_forms.h"
#include "engine/base/data_dir.h"
#include "engine/base/parallel_for.h"

namespace parallax {
namespace {

uint64_t HashWord(std::string_view s) { return std::hash<std::string_view>{}(s); }

// The key of a number is its value, so "1,000", "1000" and "one thousand" meet.
uint64_t NumberKey(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "#%.6g", value);
  return HashWord(buf);
}

// "china's" -> "china"; "counter-terrorism" -> "counterterrorism" (spelled both ways in news).
std::string StemInput(std::string_view norm) {
  std::string s(norm);
  if (s.size() > 2 && s.ends_with("'s")) s.resize(s.size() - 2);
  if (s.size() > 1 && s.ends_with("'")) s.pop_back();
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s.empty() ? std::string(norm) : s;
}

// FNV-1a over a 4-byte window.
uint32_t HashGram(const char* p) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < 4; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 16777619u;
  }
  return h;
}

template <typename K>
void NormaliseCounts(std::vector<std::pair<K, float>>* v) {
  std::sort(v->begin(), v->end());
  // Merge duplicates (counts of 1 each, or weights to add).
  size_t out = 0;
  for (size_t i = 0; i < v->size(); ++i) {
    if (out > 0 && (*v)[out - 1].first == (*v)[i].first) {
      (*v)[out - 1].second += (*v)[i].second;
    } else {
      (*v)[out++] = (*v)[i];
    }
  }
  v->resize(out);
  double norm = 0;
  for (const auto& [k, x] : *v) norm += static_cast<double>(x) * x;
  if (norm <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (auto& [k, x] : *v) x *= inv;
}

template <typename K>
double SparseDot(const std::vector<std::pair<K, float>>& a,
                 const std::vector<std::pair<K, float>>& b) {
  double dot = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      dot += static_cast<double>(a[i].second) * b[j].second;
      ++i;
      ++j;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

// The scale that L2-normalises the run lengths of a sorted list (0 for an empty list), as
// NormaliseCounts would: 1 / sqrt(sum of squared counts), in float.
float RunScale(const std::vector<uint32_t>& sorted) {
  double norm = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    norm += static_cast<double>(j - i) * static_cast<double>(j - i);
    i = j;
  }
  return norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
}

// The dot product of two run-length count vectors (sorted lists with repeats) scaled by
// RunScale: the same value SparseDot gives on the normalised (hash, weight) pairs.
double RunDot(const std::vector<uint32_t>& a, float scale_a, const std::vector<uint32_t>& b,
              float scale_b) {
  double dot = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      size_t ei = i + 1;
      while (ei < a.size() && a[ei] == a[i]) ++ei;
      size_t ej = j + 1;
      while (ej < b.size() && b[ej] == b[j]) ++ej;
      const float va = static_cast<float>(ei - i) * scale_a;
      const float vb = static_cast<float>(ej - j) * scale_b;
      dot += static_cast<double>(va) * vb;
      i = ei;
      j = ej;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

template <typename T>
size_t SortedIntersection(const std::vector<T>& a, const std::vector<T>& b) {
  size_t n = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

// Jaccard overlap of two sets given as lists (sorted and made distinct here, in place);
// `both_empty` when neither has any element.
double Jaccard(std::vector<uint64_t>* a, std::vector<uint64_t>* b, double both_empty) {
  std::sort(a->begin(), a->end());
  a->erase(std::unique(a->begin(), a->end()), a->end());
  std::sort(b->begin(), b->end());
  b->erase(std::unique(b->begin(), b->end()), b->end());
  if (a->empty() && b->empty()) return both_empty;
  size_t common = SortedIntersection(*a, *b);
  return static_cast<double>(common) / static_cast<double>(a->size() + b->size() - common);
}

// A sentence's tokens with their numbers and dates: what is known before the forms are.
struct Analysed {
  std::vector<Token> tokens;
  std::vector<int32_t> number_of;  // per token: index into `numbers`, or -1 for a word
  std::vector<NumberRef> numbers;
  std::vector<DateRef> dates;

  // The FormId of token i (word_forms.h).
  std::string Id(size_t i) const {
    const int32_t k = number_of[i];
    return FormId(tokens[i].norm, k >= 0, k >= 0 ? NumberKey(numbers[k].value) : 0);
  }
};

Analysed Analyse(std::string_view text, size_t base) {
  Analysed out;
  Tokenize(text, base, &out.tokens);
  const std::vector<Token>& tokens = out.tokens;
  out.number_of.assign(tokens.size(), -1);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::optional<double> value = t.is_number ? ParseNumber(t.norm) : NumberWordValue(t.norm);
    if (value) {
      double v = *value;
      Span span = t.span;
      // "2.5 billion": the multiplier belongs to the number.
      if (i + 1 < tokens.size()) {
        if (std::optional<double> m = MultiplierValue(tokens[i + 1].norm)) {
          v *= *m;
          span.end = tokens[i + 1].span.end;
        }
      }
      out.number_of[i] = static_cast<int32_t>(out.numbers.size());
      out.numbers.push_back({i, v, span});
      if (t.is_number && v >= 1800 && v <= 2100 && v == std::floor(v) && t.norm.size() == 4) {
        out.dates.push_back({DateRef::Kind::kYear, t.norm, t.span});
      }
      continue;
    }
    if (std::optional<DateRef::Kind> kind = DateWordKind(t.norm, t.capitalized)) {
      out.dates.push_back({*kind, t.norm, t.span});
    }
  }
  return out;
}

// Everything about a form but its term and weight (SimilarityModel::AssignTerm).
void FillForm(std::string_view norm, bool is_number, uint64_t number_key, Stemmer* stemmer,
              const WordNet* wordnet, const Negators* negators, WordForm* form) {
  static const Negators* const kNoList = new Negators();  // only "-n't" words
  form->norm = std::string(norm);
  form->is_number = is_number;
  form->is_stop = IsStopWord(norm);
  form->is_negation = (negators != nullptr ? negators : kNoList)->NegatesClause(norm);
  form->key = is_number ? number_key : HashWord(stemmer->Stem(StemInput(norm)));
  if (wordnet != nullptr && !wordnet->empty() && !form->is_stop && !is_number && !norm.empty()) {
    std::string lookup(norm);
    if (lookup.size() > 2 && lookup.ends_with("'s")) lookup.resize(lookup.size() - 2);
    form->concepts = wordnet->Concepts(lookup);
    if (form->concepts.empty() && lookup.find('-') != std::string::npos) {
      lookup.erase(std::remove(lookup.begin(), lookup.end(), '-'), lookup.end());
      if (!lookup.empty()) form->concepts = wordnet->Concepts(lookup);
    }
  }
}

uint32_t Clamp32(size_t offset) {
  return static_cast<uint32_t>(std::min<size_t>(offset, UINT32_MAX));
}

}  // namespace

double SimilarityModel::Idf(uint32_t df) const {
  return std::log((static_cast<double>(documents_) + 1.0) / (static_cast<double>(df) + 0.5));
}

void SimilarityModel::AssignTerm(WordForm* form) const {
  auto it = vocabulary_.find(form->key);
  if (it != vocabulary_.end()) {
    form->term = it->second;
    form->weight = static_cast<float>(Idf(df_[it->second]));
  } else {
    form->term = -1;
    form->weight = static_cast<float>(Idf(0));
  }
}

SimilarityModel SimilarityModel::Build(const std::vector<std::string_view>& texts,
                                       SimilarityRules rules, const AliasTable* aliases,
                                       const WordNet* wordnet, const Negators* negators,
                                       int threads) {
  SimilarityModel model;
  model.rules_ = std::move(rules);
  model.aliases_ = aliases;
  model.wordnet_ = wordnet;
  model.negators_ = negators;
  model.documents_ = texts.size();
  WordForms& forms = *model.forms_;
  // A chunk of texts at a time (memory stays at one chunk): tokens in parallel; the chunk's new
  // forms interned in text order, then stemmed and looked up in WordNet in parallel (each
  // distinct form once); document frequencies counted in text order, so that term ids do not
  // depend on the number of threads.
  constexpr size_t kChunk = 4096;
  const size_t max_workers = static_cast<size_t>(std::max(1, threads));
  std::vector<Analysed> analysed(std::min(kChunk, texts.size()));
  std::vector<std::vector<const WordForm*>> forms_of(analysed.size());
  struct Fresh {
    WordForm* form;
    uint32_t text;
    uint32_t token;
  };
  std::vector<Fresh> fresh;
  std::vector<uint64_t> keys;
  for (size_t first = 0; first < texts.size(); first += kChunk) {
    const size_t count = std::min(kChunk, texts.size() - first);
    size_t workers = std::min(count, max_workers);
    // Known forms are found in parallel (the table is not written meanwhile); only the rest
    // are inserted, one thread.
    ParallelFor(workers, static_cast<int>(workers), [&](size_t w) {
      for (size_t k = count * w / workers; k < count * (w + 1) / workers; ++k) {
        analysed[k] = Analyse(texts[first + k], 0);
        const Analysed& a = analysed[k];
        forms_of[k].resize(a.tokens.size());
        for (size_t i = 0; i < a.tokens.size(); ++i) {
          forms_of[k][i] = a.number_of[i] >= 0 ? forms.Find(a.Id(i)) : forms.Find(a.tokens[i].norm);
        }
      }
    });
    fresh.clear();
    for (size_t k = 0; k < count; ++k) {
      const Analysed& a = analysed[k];
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        if (forms_of[k][i] != nullptr) continue;
        bool inserted = false;
        WordForm* form = forms.Insert(a.Id(i), &inserted);
        forms_of[k][i] = form;
        if (inserted) {
          fresh.push_back({form, static_cast<uint32_t>(k), static_cast<uint32_t>(i)});
        }
      }
    }
    workers = std::min(std::max<size_t>(fresh.size(), 1), max_workers);
    ParallelFor(workers, static_cast<int>(workers), [&](size_t w) {
      Stemmer stemmer;
      for (size_t k = fresh.size() * w / workers; k < fresh.size() * (w + 1) / workers; ++k) {
        const Analysed& a = analysed[fresh[k].text];
        const size_t i = fresh[k].token;
        const int32_t n = a.number_of[i];
        FillForm(a.tokens[i].norm, n >= 0, n >= 0 ? NumberKey(a.numbers[n].value) : 0, &stemmer,
                 wordnet, negators, fresh[k].form);
      }
    });
    for (size_t k = 0; k < count; ++k) {
      keys.clear();
      for (const WordForm* form : forms_of[k]) keys.push_back(form->key);
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (uint64_t key : keys) {
        auto [it, inserted] =
            model.vocabulary_.try_emplace(key, static_cast<int32_t>(model.df_.size()));
        if (inserted) model.df_.push_back(0);
        ++model.df_[it->second];
      }
    }
  }
  for (WordForm* form : forms.MainForms()) model.AssignTerm(form);
  return model;
}

SentenceFeatures SimilarityModel::Featurize(std::string_view text, size_t base,
                                            Stemmer* stemmer) const {
  Analysed a = Analyse(text, base);
  SentenceFeatures f;
  f.numbers = std::move(a.numbers);
  f.dates = std::move(a.dates);
  f.words.resize(a.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    SentenceWord& w = f.words[i];
    const std::string id = a.number_of[i] >= 0
                               ? FormId(t.norm, true, NumberKey(f.numbers[a.number_of[i]].value))
                               : std::string();
    const std::string_view form_id = a.number_of[i] >= 0 ? std::string_view(id) : t.norm;
    w.form = forms_->Find(form_id);
    if (w.form == nullptr) {
      w.form = forms_->FindOrAdd(form_id, [&](WordForm* form) {
        const int32_t n = a.number_of[i];
        FillForm(t.norm, n >= 0, n >= 0 ? NumberKey(f.numbers[n].value) : 0, stemmer, wordnet_,
                 negators_, form);
        AssignTerm(form);
      });
    }
    w.start = Clamp32(t.span.start);
    w.end = Clamp32(t.span.end);
    f.total_weight += w.weight();
    if (w.is_negation()) ++f.negations;
    if (w.term() >= 0) f.vector.emplace_back(w.term(), w.weight());
  }
  NormaliseCounts(&f.vector);

  if (aliases_ != nullptr) {
    for (const EntityMention& m : aliases_->Find(a.tokens)) {
      EntityRef e{m.canonical, HashWord(m.canonical), m.kind, m.span, f.words.size(), 0};
      for (size_t i = 0; i < f.words.size(); ++i) {
        if (!m.span.Contains(f.words[i].span())) continue;
        e.first_word = std::min(e.first_word, i);
        e.end_word = i + 1;
      }
      if (e.end_word > 0) f.entities.push_back(std::move(e));
    }
  }

  std::string joined = " ";
  for (const SentenceWord& w : f.words) {
    joined += w.norm();
    joined += ' ';
  }
  if (joined.size() >= 4) f.char_grams.reserve(joined.size() - 3);
  for (size_t i = 0; i + 4 <= joined.size(); ++i) f.char_grams.push_back(HashGram(&joined[i]));
  std::sort(f.char_grams.begin(), f.char_grams.end());
  f.char_gram_scale = RunScale(f.char_grams);

  for (size_t i = 0; i + 1 < f.words.size(); ++i) {
    const uint64_t h = f.words[i].key() * 0x9E3779B97F4A7C15ull ^ f.words[i + 1].key();
    f.bigrams.push_back(static_cast<uint32_t>(h ^ (h >> 32)));
  }
  std::sort(f.bigrams.begin(), f.bigrams.end());
  return f;
}

WordAlignment SimilarityModel::Align(const SentenceFeatures& a, const SentenceFeatures& b) const {
  WordAlignment al;
  AlignInto(a, b, &al);
  return al;
}

void SimilarityModel::AlignInto(const SentenceFeatures& a, const SentenceFeatures& b,
                                WordAlignment* out) const {
  WordAlignment& al = *out;
  al.a_to_b.assign(a.words.size(), -1);
  al.b_to_a.assign(b.words.size(), -1);
  al.a_kind.assign(a.words.size(), MatchKind::kNone);
  al.b_kind.assign(b.words.size(), MatchKind::kNone);
  auto link = [&](size_t i, size_t j, MatchKind kind) {
    al.a_to_b[i] = static_cast<int>(j);
    al.b_to_a[j] = static_cast<int>(i);
    al.a_kind[i] = kind;
    al.b_kind[j] = kind;
  };

  // 1. Same stem or same number value; an identical surface form is preferred.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < a.words.size(); ++i) {
      if (al.a_to_b[i] >= 0) continue;
      const SentenceWord& wa = a.words[i];
      for (size_t j = 0; j < b.words.size(); ++j) {
        if (al.b_to_a[j] >= 0 || b.words[j].key() != wa.key()) continue;
        // Same key and same form: the same surface form (forms are interned).
        if (pass == 0 && b.words[j].form != wa.form) continue;
        link(i, j, wa.is_number() ? MatchKind::kNumber : MatchKind::kStem);
        break;
      }
    }
  }

  // 2. Same entity: every word of both mentions, so "COAS" covers "Field Marshal Asim Munir".
  for (const EntityRef& ea : a.entities) {
    for (const EntityRef& eb : b.entities) {
      if (ea.id != eb.id || ea.canonical != eb.canonical) continue;
      for (size_t i = ea.first_word; i < ea.end_word; ++i) {
        if (al.a_to_b[i] >= 0) continue;
        al.a_to_b[i] = static_cast<int>(eb.first_word);
        al.a_kind[i] = MatchKind::kEntity;
      }
      for (size_t j = eb.first_word; j < eb.end_word; ++j) {
        if (al.b_to_a[j] >= 0) continue;
        al.b_to_a[j] = static_cast<int>(ea.first_word);
        al.b_kind[j] = MatchKind::kEntity;
      }
    }
  }

  // 3. Shared WordNet concept, content words only.
  for (size_t i = 0; i < a.words.size(); ++i) {
    const SentenceWord& wa = a.words[i];
    if (al.a_to_b[i] >= 0 || wa.concepts().empty()) continue;
    for (size_t j = 0; j < b.words.size(); ++j) {
      if (al.b_to_a[j] >= 0 || b.words[j].concepts().empty()) continue;
      if (WordNet::ShareConcept(wa.concepts(), b.words[j].concepts())) {
        link(i, j, MatchKind::kSynonym);
        break;
      }
    }
  }
}

PairFeatures SimilarityModel::Features(const SentenceFeatures& a, const SentenceFeatures& b) const {
  // The greedy alignment depends on which sentence leads, so the pair is put in a canonical
  // order first: Features(a, b) == Features(b, a).
  if (b.words.size() < a.words.size()) return OrderedFeatures(b, a);
  if (b.words.size() == a.words.size()) {
    auto b_first = std::lexicographical_compare(
        b.words.begin(), b.words.end(), a.words.begin(), a.words.end(),
        [](const SentenceWord& x, const SentenceWord& y) { return x.key() < y.key(); });
    if (b_first) return OrderedFeatures(b, a);
  }
  return OrderedFeatures(a, b);
}

PairFeatures SimilarityModel::OrderedFeatures(const SentenceFeatures& a,
                                              const SentenceFeatures& b) const {
  PairFeatures f{};
  // Scratch lists reused by every pair a thread scores: scoring allocates nothing.
  thread_local WordAlignment al;
  thread_local std::vector<uint64_t> na;
  thread_local std::vector<uint64_t> nb;
  AlignInto(a, b, &al);
  struct Side {
    double aligned = 0, exact = 0, total = 0;
    size_t content = 0, content_aligned = 0;
  };
  auto tally = [&](const SentenceFeatures& s, const std::vector<MatchKind>& kinds) {
    Side side;
    for (size_t i = 0; i < s.words.size(); ++i) {
      const double w = s.words[i].weight();
      side.total += w;
      MatchKind k = kinds[i];
      if (k != MatchKind::kNone) {
        side.aligned += w * (k == MatchKind::kSynonym ? rules_.synonym_strength : 1.0);
        if (k != MatchKind::kSynonym) side.exact += w;
      }
      if (!s.words[i].is_stop()) {
        ++side.content;
        if (k != MatchKind::kNone) ++side.content_aligned;
      }
    }
    return side;
  };
  Side sa = tally(a, al.a_kind);
  Side sb = tally(b, al.b_kind);
  const double total = sa.total + sb.total;
  f[0] = total > 0 ? (sa.aligned + sb.aligned) / total : 0;
  f[1] =
      (sa.total > 0 && sb.total > 0) ? std::min(sa.aligned / sa.total, sb.aligned / sb.total) : 0;
  f[2] = total > 0 ? (sa.exact + sb.exact) / total : 0;
  const size_t content = sa.content + sb.content;
  f[3] =
      content > 0 ? static_cast<double>(sa.content_aligned + sb.content_aligned) / content : f[0];
  f[4] = SparseDot(a.vector, b.vector);
  f[5] = RunDot(a.char_grams, a.char_gram_scale, b.char_grams, b.char_gram_scale);
  const size_t bigrams = a.bigrams.size() + b.bigrams.size();
  f[6] = bigrams > 0 ? 2.0 * SortedIntersection(a.bigrams, b.bigrams) / bigrams : f[0];
  // A number's form key is its value's key (NumberKey).
  na.clear();
  nb.clear();
  for (const NumberRef& n : a.numbers) na.push_back(a.words[n.word].key());
  for (const NumberRef& n : b.numbers) nb.push_back(b.words[n.word].key());
  f[7] = Jaccard(&na, &nb, 1.0);
  if (!na.empty() && !nb.empty()) {
    // Both lists are sorted and distinct now: each has a value the other lacks iff neither
    // includes the other.
    const size_t common = SortedIntersection(na, nb);
    f[8] = (common < na.size() && common < nb.size()) ? 1.0 : 0.0;
  }
  const double la = static_cast<double>(a.words.size());
  const double lb = static_cast<double>(b.words.size());
  f[9] = std::max(la, lb) > 0 ? std::abs(la - lb) / std::max(la, lb) : 0;
  na.clear();
  nb.clear();
  for (const EntityRef& e : a.entities) na.push_back(e.id);
  for (const EntityRef& e : b.entities) nb.push_back(e.id);
  f[10] = Jaccard(&na, &nb, 1.0);
  f[11] = std::max(sa.total, sb.total) > 0
              ? std::min(sa.total, sb.total) / std::max(sa.total, sb.total)
              : 0;
  return f;
}

double SimilarityModel::Combine(const PairFeatures& features) const {
  double z = rules_.bias;
  for (int i = 0; i < kPairFeatureCount; ++i) z += rules_.weights[i] * features[i];
  if (rules_.logistic) z = 1.0 / (1.0 + std::exp(-z));
  return std::clamp(z, 0.0, 1.0);
}

double SimilarityModel::Score(const SentenceFeatures& a, const SentenceFeatures& b) const {
  return Combine(Features(a, b));
}

StatusOr<SimilarityResources> LoadSimilarityResources(const std::string& data_dir,
                                                      std::optional<Negators> negators) {
  SimilarityResources res;
  PARALLAX_ASSIGN_OR_RETURN(res.rules, LoadSimilarityRules(DataPath(data_dir, kSimilarityRules)));
  PARALLAX_ASSIGN_OR_RETURN(res.aliases, AliasTable::Load(DataPath(data_dir, kAliases)));
  if (negators.has_value()) {
    res.negators = std::move(*negators);
  } else {
    PARALLAX_ASSIGN_OR_RETURN(res.negators, Negators::Load(DataPath(data_dir, kNegators)));
  }
  std::string dir = res.rules.wordnet_dir;
  if (const char* env = std::getenv("PARALLAX_WORDNET_DIR"); env != nullptr && *env != '\0')
    dir = env;
  if (!dir.empty()) {
    PARALLAX_ASSIGN_OR_RETURN(res.wordnet, WordNet::Load(dir, res.rules.wordnet));
  }
  return res;
}

}  // namespace parallax
