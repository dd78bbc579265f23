#include "engine/lexicon/cue_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/base/file_io.h"
#include "engine/base/text_lines.h"

namespace parallax {
namespace {

// Feature templates. The names are the first column of weight lines; the order is part of the
// key, so append new templates at the end.
enum Template {
  kBias,             // always on
  kWord,             // the token
  kPrev1,            // the token before
  kNext1,            // the token after
  kPrev2,            // two before
  kNext2,            // two after
  kPrevWord,         // (token before, token)
  kWordNext,         // (token, token after)
  kSuffix,           // last three letters of a word of five or more
  kShape,            // capitalised / all caps / number / lower, "^" when it opens the sentence
  kPunctBefore,      // punctuation classes before the token
  kPunctAfter,       // punctuation classes after the token
  kPunctBeforeWord,  // (punctuation before, token)
  kLexicon,          // position in an attribution lexicon cue: B or I
  kLexiconEntry,     // that lexicon entry
  kLexiconNear,      // (offset to the nearest lexicon cue within the window, token)
  kInQuote,          // inside quoted speech
  kHedge,            // inside a hedge or booster cue
  kQuoteNear,        // where quote marks are, from one token before to two after
  kLemma,            // the word without a regular inflection ("mocked" -> "mock")
  kPrevLemma,        // (token before, lemma): "has mock", "also tout"
  kLemmaNext,        // (lemma, token after): "call on", "point to", "say in"
  kWordPunctAfter,   // (token, punctuation after): "said ,", "said :"
  kQuoteLemma,       // (whether the sentence has quote marks, lemma)
  kPrev2Word,        // (two before, token)
  kNumTemplates,
};

constexpr std::string_view kTemplateNames[] = {
    "bias",  "w",   "p1",    "n1",    "p2",  "n2",    "p1w",  "wn1", "sfx",
    "shape", "pb",  "pa",    "pbw",   "lex", "lexe",  "lexn", "q",   "hedge",
    "qn",    "lem", "p1lem", "lemn1", "wpa", "sqlem", "p2w"};
static_assert(std::size(kTemplateNames) == kNumTemplates, "one name per template");

// A crude lemma: the word without -s, -es, -ed, -d, -ing, so that inflections of a rare
// reporting verb share evidence. Only words of five letters or more are stripped.
std::string_view Lemma(std::string_view w) {
  if (w.size() < 5) return w;
  if (w.ends_with("ing")) return w.substr(0, w.size() - 3);
  if (w.ends_with("ies") || w.ends_with("ied")) return w.substr(0, w.size() - 3);
  if (w.ends_with("ed") || w.ends_with("es")) return w.substr(0, w.size() - 2);
  if (w.ends_with("s") && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  if (w.ends_with("e")) return w.substr(0, w.size() - 1);
  return w;
}

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

uint64_t Key(int templ, uint64_t a, uint64_t b) {
  // a and b are FNV hashes already; one finaliser over their rotated mix is enough.
  return Mix(static_cast<uint64_t>(templ + 1) * 0x9E3779B97F4A7C15ULL ^ a ^
             ((b << 29) | (b >> 35)) * 0xC2B2AE3D27D4EB4FULL);
}

// The top 16 bits of a key, never 0 (0 marks an empty slot). The slot is picked by the low
// bits, so two keys share a slot and a fingerprint with odds of about 1 in 65,536 per probe:
// a lookup then reads the other feature's weight, a hashing-trick collision like any other.
uint16_t Fingerprint(uint64_t key) {
  uint16_t f = static_cast<uint16_t>(key >> 48);
  return f == 0 ? 1 : f;
}

// Weights are stored as 16-bit fixed point, 1/kWeightScale a step: four bytes a slot keep the
// table of a shipped model (some 75,000 weights) within a core's L2 cache, and a lookup is
// otherwise a cache miss.
constexpr float kWeightScale = 512;
constexpr float kMaxWeight = 32767 / kWeightScale;  // a little under 64

int16_t Quantize(float weight) {
  return static_cast<int16_t>(
      std::lround(std::clamp(weight, -kMaxWeight, kMaxWeight) * kWeightScale));
}

const uint64_t kHashEmpty = HashWord("");
const uint64_t kHashStart = HashWord("<s>");
const uint64_t kHashEnd = HashWord("</s>");
const uint64_t kHashZero = HashWord("0");
const uint64_t kHashOne = HashWord("1");

// Calls sink(template, hash_a, hash_b, a, b) for every feature of token i. Strings are only
// built when the sink asks for them (kStrings), so scoring does no allocation for word
// features.
template <bool kStrings, typename Sink>
void ForEachFeature(const CueInput& in, int i, Sink&& sink) {
  const std::vector<Token>& tokens = *in.tokens;
  const int n = static_cast<int>(tokens.size());
  auto word_hash = [&](int j) { return j < 0 ? kHashStart : j >= n ? kHashEnd : in.hashes[j]; };
  auto word = [&](int j) -> std::string_view {
    if constexpr (kStrings) {
      return j < 0 ? "<s>" : j >= n ? "</s>" : std::string_view(tokens[j].norm);
    }
    return {};
  };
  const std::string_view w = tokens[i].norm;
  if constexpr (kStrings) sink(kBias, kHashEmpty, kHashEmpty, "", "");  // scoring adds bias_
  sink(kWord, word_hash(i), kHashEmpty, word(i), "");
  sink(kPrev1, word_hash(i - 1), kHashEmpty, word(i - 1), "");
  sink(kNext1, word_hash(i + 1), kHashEmpty, word(i + 1), "");
  // kPrev2 and kNext2 are not computed any more (they cost time for little); their names
  // stay so that the keys of later templates do not change.
  sink(kPrevWord, word_hash(i - 1), word_hash(i), word(i - 1), word(i));
  sink(kWordNext, word_hash(i), word_hash(i + 1), word(i), word(i + 1));
  if (w.size() >= 5) {
    std::string_view s = w.substr(w.size() - 3);
    sink(kSuffix, HashWord(s), kHashEmpty, s, "");
  }
  const std::string_view lemma = Lemma(w);
  const uint64_t lemma_hash = HashWord(lemma);
  sink(kLemma, lemma_hash, kHashEmpty, lemma, "");
  sink(kPrevLemma, word_hash(i - 1), lemma_hash, word(i - 1), lemma);
  sink(kLemmaNext, lemma_hash, word_hash(i + 1), lemma, word(i + 1));
  sink(kPrev2Word, word_hash(i - 2), word_hash(i), word(i - 2), word(i));
  char shape[3] = {0, 0, 0};
  const Token& t = tokens[i];
  shape[0] = t.is_number ? 'N' : t.all_caps ? 'A' : t.capitalized ? 'C' : 'l';
  shape[1] = i == 0 ? '^' : 0;
  std::string_view shape_view(shape, i == 0 ? 2 : 1);
  sink(kShape, HashWord(shape_view), kHashEmpty, shape_view, "");
  const std::string& before = in.punct[i];
  const std::string& after = in.punct[i + 1];
  sink(kPunctBefore, in.punct_hashes[i], kHashEmpty, before, "");
  sink(kPunctAfter, in.punct_hashes[i + 1], kHashEmpty, after, "");
  sink(kWordPunctAfter, word_hash(i), in.punct_hashes[i + 1], word(i), after);
  const std::string_view quoted = in.has_quote_mark ? "1" : "0";
  sink(kQuoteLemma, in.has_quote_mark ? kHashOne : kHashZero, lemma_hash, quoted, lemma);
  if (!before.empty()) sink(kPunctBeforeWord, in.punct_hashes[i], word_hash(i), before, word(i));
  if (in.lexicon_pos[i] != 0) {
    std::string_view pos = in.lexicon_pos[i] == 'B' ? "B" : "I";
    sink(kLexicon, HashWord(pos), kHashEmpty, pos, "");
    const std::string& entry = *in.lexicon_text[i];
    sink(kLexiconEntry, HashWord(entry), kHashEmpty, entry, "");
  } else {
    // The nearest lexicon cue token within the window, and on which side.
    for (int d = 1; d <= kCueWindow; ++d) {
      int side = 0;
      if (i - d >= 0 && in.lexicon_pos[i - d] != 0) {
        side = -d;
      } else if (i + d < n && in.lexicon_pos[i + d] != 0) {
        side = d;
      }
      if (side != 0) {
        static constexpr std::string_view kOffsets[] = {"-3", "-2", "-1", "0", "+1", "+2", "+3"};
        std::string_view off = kOffsets[side + 3];
        sink(kLexiconNear, HashWord(off), word_hash(i), off, word(i));
        break;
      }
    }
  }
  if (in.in_quote[i]) sink(kInQuote, HashWord("1"), kHashEmpty, "1", "");
  if (in.hedge[i]) sink(kHedge, HashWord("1"), kHashEmpty, "1", "");
  // Quote marks at the boundaries before token i-1, i, i+1, i+2 (and after the last).
  char quotes[5] = {0, 0, 0, 0, 0};
  bool any = false;
  for (int k = 0; k < 4; ++k) {
    int b = i - 1 + k;
    bool q = b >= 0 && b <= n && in.punct_quote[b];
    quotes[k] = q ? '1' : '0';
    any |= q;
  }
  if (any) {
    std::string_view qv(quotes, 4);
    sink(kQuoteNear, HashWord(qv), kHashEmpty, qv, "");
  }
}

}  // namespace

uint64_t HashWord(std::string_view word) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : word) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

int CueModel::Lookup(uint64_t key) const {
  const size_t mask = table_.size() - 1;
  const uint16_t fingerprint = Fingerprint(key);
  for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (table_[slot].fingerprint == fingerprint) return table_[slot].weight;
    if (table_[slot].fingerprint == 0) return 0;
  }
}

void CueModel::Insert(uint64_t key, float weight) {
  const size_t mask = table_.size() - 1;
  const uint16_t fingerprint = Fingerprint(key);
  for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (table_[slot].fingerprint == fingerprint) {
      // Two features with one slot and fingerprint (rare, see Fingerprint): their sum.
      table_[slot].weight = Quantize(table_[slot].weight / kWeightScale + weight);
      return;
    }
    if (table_[slot].fingerprint == 0) {
      table_[slot] = {fingerprint, Quantize(weight)};
      ++size_;
      return;
    }
  }
}

bool CueModel::IsCandidate(uint64_t word_hash) const {
  if (candidates_.empty()) return false;
  const size_t mask = candidates_.size() - 1;
  const uint64_t h = word_hash == 0 ? 1 : word_hash;
  for (size_t slot = Mix(h) & mask;; slot = (slot + 1) & mask) {
    if (candidates_[slot] == h) return true;
    if (candidates_[slot] == 0) return false;
  }
}

StatusOr<CueModel> CueModel::Load(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return Parse(text, path);
}

StatusOr<CueModel> CueModel::Parse(std::string_view text, const std::string& name) {
  struct Line {
    uint64_t key;
    float weight;
  };
  std::vector<Line> lines;
  std::vector<uint64_t> words;  // candidate word hashes
  CueModel model;
  PARALLAX_RETURN_IF_ERROR(ForEachLine(text, [&](std::string_view line, int number) {
    if (line.empty() || line[0] == '#') return Status::Ok();
    std::vector<std::string_view> fields;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      fields.push_back(line.substr(f, tab == std::string_view::npos ? line.npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    auto error = [&](const std::string& what) {
      return Status::InvalidInput(name + ":" + std::to_string(number) + ": " + what);
    };
    auto parse_float = [&](std::string_view s, float* out) {
      // std::from_chars for float is available in libstdc++ 11+.
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
      return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
    };
    if (fields[0] == "threshold" && fields.size() == 2) {
      if (!parse_float(fields[1], &model.threshold_)) return error("bad threshold");
    } else if (fields[0] == "extend_threshold" && fields.size() == 2) {
      if (!parse_float(fields[1], &model.extend_threshold_)) return error("bad extend_threshold");
      model.has_extend_threshold_ = true;
    } else if (fields[0] == "candidate" && fields.size() == 2) {
      if (fields[1].empty()) return error("empty candidate word");
      words.push_back(HashWord(fields[1]));
    } else if (fields[0] == "weight" && fields.size() == 5) {
      auto it = std::find(std::begin(kTemplateNames), std::end(kTemplateNames), fields[1]);
      if (it == std::end(kTemplateNames)) {
        return error("unknown feature template '" + std::string(fields[1]) + "'");
      }
      float w;
      if (!parse_float(fields[4], &w)) return error("bad weight");
      if (std::fabs(w) > kMaxWeight) return error("weight out of range (at most 63.99 in size)");
      int templ = static_cast<int>(it - std::begin(kTemplateNames));
      if (templ == kBias) {
        model.bias_ += w;  // on for every token: kept out of the table
        return Status::Ok();
      }
      lines.push_back({Key(templ, HashWord(fields[2]), HashWord(fields[3])), w});
    } else {
      return error(
          "expected 'threshold<TAB>x', 'extend_threshold<TAB>x', 'candidate<TAB>word' or "
          "'weight<TAB>template<TAB>a<TAB>b<TAB>x'");
    }
    return Status::Ok();
  }));
  if (!model.has_extend_threshold_) {
    model.extend_threshold_ = model.threshold_;
  } else if (model.extend_threshold_ > model.threshold_) {
    return Status::InvalidInput(name + ": extend_threshold above threshold");
  }
  size_t capacity = 16;
  while (capacity * 3 < 4 * lines.size()) capacity *= 2;  // load factor at most 3/4
  model.table_.assign(capacity, Slot());
  for (const Line& l : lines) model.Insert(l.key, l.weight);
  capacity = 16;
  while (capacity < 4 * words.size()) capacity *= 2;
  model.candidates_.assign(capacity, 0);
  for (uint64_t w : words) {
    if (w == 0) w = 1;
    size_t slot = Mix(w) & (capacity - 1);
    while (model.candidates_[slot] != 0 && model.candidates_[slot] != w) {
      slot = (slot + 1) & (capacity - 1);
    }
    model.candidates_[slot] = w;
  }
  return model;
}

void CueModel::Gate(const CueInput& input, std::vector<char>* candidate) const {
  const int n = static_cast<int>(input.hashes.size());
  candidate->assign(n, 0);
  int last = -1000;  // the last anchor: a candidate word or a lexicon cue token
  for (int i = 0; i < n; ++i) {
    if (input.lexicon_cue[i] >= 0 || IsCandidate(input.hashes[i])) {
      for (int j = std::max({i - kCueWindow, last + 1, 0}); j < i; ++j) (*candidate)[j] = 1;
      last = i;
    }
    if (i - last <= kCueWindow) (*candidate)[i] = 1;
  }
}

float CueModel::Score(const CueInput& input, int i) const {
  if (table_.empty()) return bias_;
  // Keys first, with their slots prefetched, then the lookups: the table does not fit in the
  // cache, and this lets the memory accesses overlap.
  uint64_t keys[kNumTemplates];
  int count = 0;
  const size_t mask = table_.size() - 1;
  ForEachFeature<false>(input, i,
                        [&](int templ, uint64_t a, uint64_t b, std::string_view, std::string_view) {
                          uint64_t key = Key(templ, a, b);
                          __builtin_prefetch(&table_[key & mask]);
                          keys[count++] = key;
                        });
  int sum = 0;
  for (int k = 0; k < count; ++k) sum += Lookup(keys[k]);
  return bias_ + static_cast<float>(sum) / kWeightScale;
}

std::vector<std::string> CueModel::Features(const CueInput& input, int i) {
  std::vector<std::string> out;
  ForEachFeature<true>(input, i,
                       [&](int templ, uint64_t, uint64_t, std::string_view a, std::string_view b) {
                         std::string f(kTemplateNames[templ]);
                         f += '\t';
                         f += a;
                         f += '\t';
                         f += b;
                         out.push_back(std::move(f));
                       });
  return out;
}

}  // namespace parallax
