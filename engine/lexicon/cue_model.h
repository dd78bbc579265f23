// CueModel: a learned scorer that decides which tokens of a sentence belong to an attribution
// cue ("said", "said in a statement", "is expected", "according to", "asked about").
//
// The lexicon finds report verbs, but news attribution cues have a long tail and their extent
// (auxiliaries, particles, "in a statement") depends on context. The model is a linear scorer
// (averaged perceptron) over sparse features of each token: the word, its neighbours and
// bigrams, a suffix, its shape, the punctuation around it, whether it is inside quotes, and
// which attribution lexicon entry covers it or lies next to it. Its weights are data, read at
// run time from a TSV file (lexicons/attribution_cues.tsv) written by
// scripts/eval_lexicons_train_cues.py on the PolNeAR train split; the format is documented in
// lexicons/README.md.
//
// Only "candidate" tokens are scored, for speed: a token whose word the model lists as a
// candidate, or that lies within kCueWindow tokens of one or of an attribution lexicon cue.
// Other tokens are never cue tokens. Training applies the same gate.
//
// Thread safety: a loaded CueModel is immutable; Score and Features may run on many threads.
#ifndef PARALLAX_ENGINE_LEXICON_CUE_MODEL_H_
#define PARALLAX_ENGINE_LEXICON_CUE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/text/tokenizer.h"

namespace parallax {

// How far (in tokens) the gate reaches around a candidate word or a lexicon cue.
inline constexpr int kCueWindow = 2;

// What the features of a sentence's tokens are computed from. Built by the Marker (the same
// code path for marking and for dumping training features). All vectors have one element per
// token unless said otherwise.
struct CueInput {
  const std::vector<Token>* tokens = nullptr;
  std::vector<uint64_t> hashes;  // HashWord(norm) of each token
  // Punctuation classes between token i-1 and token i (index 0: before the first token, index
  // n: after the last), at most 3 class characters in order: ',' ':' ';' 'q' (a quote mark)
  // '(' (a bracket) '-' (a dash) '.' (., ?, !).
  std::vector<std::string> punct;
  std::vector<uint64_t> punct_hashes;  // HashWord of each punct entry
  std::vector<char> punct_quote;       // punct entry holds 'q'
  bool has_quote_mark = false;         // some punct entry holds 'q'
  std::vector<char> in_quote;          // the token lies inside quoted speech
  std::vector<int> lexicon_cue;   // attribution lexicon entry whose cue covers the token, or -1
  std::vector<char> lexicon_pos;  // 'B' first token of that cue, 'I' a later one, 0 none
  std::vector<const std::string*> lexicon_text;  // that entry's pattern text, or nullptr
  std::vector<char> hedge;                       // the token is inside a hedge or booster cue
};

// FNV-1a, 64 bits: how words and feature values are keyed.
uint64_t HashWord(std::string_view word);

class CueModel {
 public:
  CueModel() = default;

  // Reads a weights file. Returns IoError when it cannot be read, InvalidInput naming
  // "<path>:<line>" for a malformed line, an unknown feature template or a weight of 64 or more
  // in size (weights are stored in 16-bit fixed point).
  static StatusOr<CueModel> Load(const std::string& path);
  // Parses the text of a weights file; `name` is used in messages.
  static StatusOr<CueModel> Parse(std::string_view text, const std::string& name);

  // Sets (*candidate)[i] to 1 iff token i passes the gate described above.
  void Gate(const CueInput& input, std::vector<char>* candidate) const;

  // The score of token i. A cue is a run of tokens (within a clause) that each score above
  // extend_threshold() and of which at least one scores above threshold().
  float Score(const CueInput& input, int i) const;

  // The features of token i as "template\ta\tb" strings (the keys of the weights file).
  static std::vector<std::string> Features(const CueInput& input, int i);

  float threshold() const { return threshold_; }
  // The "extend_threshold" line of the file; threshold() when there is none. Never above
  // threshold() (Parse rejects a file where it is).
  float extend_threshold() const { return extend_threshold_; }
  size_t num_weights() const { return size_; }

 private:
  int Lookup(uint64_t key) const;  // the fixed-point weight of a feature key, 0 if absent
  void Insert(uint64_t key, float weight);
  bool IsCandidate(uint64_t word_hash) const;

  float threshold_ = 0;
  float extend_threshold_ = 0;
  bool has_extend_threshold_ = false;
  float bias_ = 0;  // the "bias" feature's weight, on for every token
  // Open-addressing table keyed by feature hash: the low bits pick the slot, the high 16 bits
  // are the fingerprint stored with the weight (0 marks an empty slot), so that a lookup
  // touches one cache line. Weights are 16-bit fixed point (cue_model.cc, kWeightScale).
  struct Slot {
    uint16_t fingerprint = 0;
    int16_t weight = 0;
  };
  std::vector<Slot> table_;
  size_t size_ = 0;
  std::vector<uint64_t> candidates_;  // open-addressing set of candidate word hashes (0 empty)
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_CUE_MODEL_H_
