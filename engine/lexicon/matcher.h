// TokenMatcher: finds every occurrence of every lexicon pattern in a token sequence in one
// left-to-right pass.
//
// The patterns are compiled into a trie over token slots (a word, any token, a number); gaps
// and optional slots are expanded into the trie at build time, alternatives become sibling
// edges. Matching runs the trie as an automaton: at each token every live path advances and a
// new path starts at the root, so the cost is O(tokens x live paths) whatever the number of
// entries. Words are interned once per token (one hash lookup); a token that no entry names
// can only follow "any token" edges. Building takes expected time linear in the number of trie
// edges the expanded patterns make, whatever a node's fan-out.
//
// Context constraints (LexiconEntry::lowercase, not_before, not_after) are not checked here:
// SatisfiesContext() does that, for this matcher and the brute-force reference alike.
//
// Thread safety: Match is const and keeps no state between calls; one TokenMatcher may be
// shared by many threads.
#ifndef PARALLAX_ENGINE_LEXICON_MATCHER_H_
#define PARALLAX_ENGINE_LEXICON_MATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/word_table.h"
#include "engine/text/tokenizer.h"

namespace parallax {

// One occurrence of an entry. Token indices are half-open.
struct TokenMatch {
  int entry = 0;                     // index into Lexicon::entries()
  int begin = 0, end = 0;            // the whole match, context slots included
  int cue_begin = 0, cue_end = 0;    // the cue: the match without its context slots
  int gap_begin = -1, gap_end = -1;  // the first gap's tokens, when the pattern has one

  friend bool operator==(const TokenMatch&, const TokenMatch&) = default;
  friend auto operator<=>(const TokenMatch&, const TokenMatch&) = default;
};

class TokenMatcher {
 public:
  // Compiles the patterns of `entries`. The matcher keeps no reference to them.
  explicit TokenMatcher(const std::vector<LexiconEntry>& entries);

  // Appends to *out every match of every entry in `tokens`, ordered by end token. A pattern
  // that can match one span in two ways (two gap lengths) yields it once per way.
  // `word_ids` must come from WordIds() on the same tokens.
  void Match(const std::vector<Token>& tokens, const std::vector<int32_t>& word_ids,
             std::vector<TokenMatch>* out) const;

  // The interned id of each token's norm, -1 for words no entry names.
  void WordIds(const std::vector<Token>& tokens, std::vector<int32_t>* ids) const;

  size_t num_nodes() const { return nodes_.size(); }

 private:
  class Builder;  // matcher.cc: builds the trie, then freezes it into the arrays below

  struct Output {
    int entry;
    int16_t length;                  // tokens in this concrete sequence
    int16_t lead, trail;             // context tokens at either end
    int16_t gap_offset, gap_length;  // -1 when no gap
  };
  // The frozen trie: each node's word edges and outputs are ranges of edges_ and outputs_.
  struct Node {
    uint32_t edges_begin = 0, edges_end = 0;      // (word id, child), sorted by word id
    uint32_t outputs_begin = 0, outputs_end = 0;  // in outputs_
    int32_t any = -1;                             // child on "any token"
    int32_t number = -1;                          // child on "a number"
  };

  int32_t Step(int32_t node, int32_t word_id) const;

  WordTable vocabulary_;  // every word an entry names
  std::vector<Node> nodes_;
  std::vector<std::pair<int32_t, int32_t>> edges_;
  std::vector<Output> outputs_;
  std::vector<int32_t> root_edges_;  // dense: word id -> child of the root
};

// Returns true iff the context constraints of `entry` hold for `match` in `tokens`.
bool SatisfiesContext(const LexiconEntry& entry, const std::vector<Token>& tokens,
                      const TokenMatch& match);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_MATCHER_H_
