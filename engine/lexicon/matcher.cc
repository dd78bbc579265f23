#include "engine/lexicon/matcher.h"

#include <algorithm>

namespace parallax {

// Builds the trie in flat arrays (edges and outputs as (node, ...) records in insertion order)
// with an open-addressing index of the word edges, so that finding or adding a child costs O(1)
// whatever a node's fan-out (a lexicon of 100,000 entries with distinct first words gives the
// root 100,000 edges) and nothing is allocated per node. Freeze() then groups the records by
// node with a counting sort into the contiguous ranges that Match walks.
class TokenMatcher::Builder {
 public:
  explicit Builder(TokenMatcher* matcher) : m_(*matcher) {
    special_.push_back({-1, -1});  // the root
    index_.assign(1024, IndexSlot());
  }

  void Add(int entry, const Pattern& pattern) {
    sequence_length_ = 0;
    Insert(entry, pattern, 0, 0, -1, 0);
  }

  // Moves the trie into the matcher. The builder is spent afterwards.
  void Freeze() {
    const size_t num_nodes = special_.size();
    m_.nodes_.assign(num_nodes, Node());
    // Counting sort of edges and outputs by node; stable, so outputs keep insertion order.
    std::vector<uint32_t> start(num_nodes + 1, 0);
    for (const Edge& e : edges_) ++start[e.node + 1];
    for (size_t i = 0; i < num_nodes; ++i) start[i + 1] += start[i];
    m_.edges_.resize(edges_.size());
    for (size_t i = 0; i < num_nodes; ++i) {
      m_.nodes_[i].edges_begin = start[i];
      m_.nodes_[i].edges_end = start[i];
    }
    for (const Edge& e : edges_) {
      m_.edges_[m_.nodes_[e.node].edges_end++] = {e.label, e.child};
    }
    std::vector<Edge>().swap(edges_);
    std::fill(start.begin(), start.end(), 0);
    for (const NodeOutput& o : outputs_) ++start[o.node + 1];
    for (size_t i = 0; i < num_nodes; ++i) start[i + 1] += start[i];
    m_.outputs_.resize(outputs_.size());
    for (size_t i = 0; i < num_nodes; ++i) {
      Node& n = m_.nodes_[i];
      n.outputs_begin = n.outputs_end = start[i];
      n.any = special_[i].any;
      n.number = special_[i].number;
      std::sort(m_.edges_.begin() + n.edges_begin, m_.edges_.begin() + n.edges_end);
    }
    for (const NodeOutput& o : outputs_) m_.outputs_[m_.nodes_[o.node].outputs_end++] = o.output;
    m_.root_edges_.assign(m_.vocabulary_.size(), -1);
    const Node& root = m_.nodes_[0];
    for (uint32_t e = root.edges_begin; e < root.edges_end; ++e) {
      m_.root_edges_[m_.edges_[e].first] = m_.edges_[e].second;
    }
  }

 private:
  // Labels of the build-time edges besides word ids.
  static constexpr int32_t kAny = -2;
  static constexpr int32_t kNumber = -3;

  struct Special {
    int32_t any, number;  // children on "any token" and "a number", -1 when none
  };
  struct Edge {
    int32_t node, label, child;
  };
  struct NodeOutput {
    int32_t node;
    int32_t previous;  // index in outputs_ of the node's previous output, -1 for its first
    Output output;
  };
  struct IndexSlot {
    uint64_t key = ~uint64_t{0};  // (node << 32 | word id); all ones: empty
    int32_t child = -1;
  };

  static size_t Hash(uint64_t key) {
    key *= 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(key ^ (key >> 29));
  }

  int32_t NewNode() {
    special_.push_back({-1, -1});
    last_output_.push_back(-1);
    return static_cast<int32_t>(special_.size() - 1);
  }

  // The child of `node` on `label` (a word id, kAny or kNumber); creates it.
  int32_t Child(int32_t node, int32_t label) {
    if (label == kAny || label == kNumber) {
      int32_t existing = label == kAny ? special_[node].any : special_[node].number;
      if (existing >= 0) return existing;
      const int32_t child = NewNode();
      (label == kAny ? special_[node].any : special_[node].number) = child;
      return child;
    }
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(label);
    size_t mask = index_.size() - 1;
    size_t slot = Hash(key) & mask;
    for (; index_[slot].key != ~uint64_t{0}; slot = (slot + 1) & mask) {
      if (index_[slot].key == key) return index_[slot].child;
    }
    const int32_t child = NewNode();
    index_[slot] = {key, child};
    edges_.push_back({node, label, child});
    if (2 * edges_.size() > index_.size()) Grow();  // load factor at most 1/2
    return child;
  }

  void Grow() {
    std::vector<IndexSlot> old(2 * index_.size());
    old.swap(index_);
    const size_t mask = index_.size() - 1;
    for (const IndexSlot& s : old) {
      if (s.key == ~uint64_t{0}) continue;
      size_t slot = Hash(s.key) & mask;
      while (index_[slot].key != ~uint64_t{0}) slot = (slot + 1) & mask;
      index_[slot] = s;
    }
  }

  // Depth-first over the pattern's slots: each alternative, each gap length and each choice of
  // an optional slot extends the trie path by its own edge(s). sequence_length_ counts the
  // tokens of the path so far.
  void Insert(int entry, const Pattern& pattern, size_t slot, int32_t node, int gap_offset,
              int gap_length) {
    if (slot == pattern.slots.size()) {
      // Context slots are never optional or gaps at the ends except the converted trailing
      // gap, so their token count equals their slot count.
      Output out;
      out.entry = entry;
      out.length = static_cast<int16_t>(sequence_length_);
      out.lead = static_cast<int16_t>(pattern.leading_context);
      out.trail = static_cast<int16_t>(pattern.trailing_context);
      out.gap_offset = static_cast<int16_t>(gap_offset);
      out.gap_length = static_cast<int16_t>(gap_offset >= 0 ? gap_length : -1);
      // "_? _" and the like reach one node twice. Only this entry's outputs, the last ones of
      // the node (entries are added in order), can be the same.
      for (int32_t k = last_output_[node]; k >= 0 && outputs_[k].output.entry == entry;
           k = outputs_[k].previous) {
        const Output& o = outputs_[k].output;
        if (o.length == out.length && o.gap_offset == out.gap_offset &&
            o.gap_length == out.gap_length) {
          return;
        }
      }
      outputs_.push_back({node, last_output_[node], out});
      last_output_[node] = static_cast<int32_t>(outputs_.size() - 1);
      return;
    }
    const PatternSlot& s = pattern.slots[slot];
    if (s.optional) Insert(entry, pattern, slot + 1, node, gap_offset, gap_length);
    switch (s.kind) {
      case PatternSlot::Kind::kWords:
        for (const std::string& word : s.words) {
          int32_t child = Child(node, m_.vocabulary_.Intern(word));
          ++sequence_length_;
          Insert(entry, pattern, slot + 1, child, gap_offset, gap_length);
          --sequence_length_;
        }
        break;
      case PatternSlot::Kind::kAnyToken:
      case PatternSlot::Kind::kNumber: {
        int32_t child = Child(node, s.kind == PatternSlot::Kind::kAnyToken ? kAny : kNumber);
        ++sequence_length_;
        Insert(entry, pattern, slot + 1, child, gap_offset, gap_length);
        --sequence_length_;
        break;
      }
      case PatternSlot::Kind::kGap: {
        int32_t at = node;
        const int offset = sequence_length_;
        const bool first_gap = gap_offset < 0;
        for (int n = 1; n <= kMaxGapTokens; ++n) {
          at = Child(at, kAny);
          ++sequence_length_;
          Insert(entry, pattern, slot + 1, at, first_gap ? offset : gap_offset,
                 first_gap ? n : gap_length);
        }
        sequence_length_ = offset;
        break;
      }
    }
  }

  TokenMatcher& m_;
  std::vector<Special> special_;             // per node
  std::vector<int32_t> last_output_ = {-1};  // per node: its last output in outputs_, or -1
  std::vector<Edge> edges_;                  // word edges, in insertion order
  std::vector<NodeOutput> outputs_;          // in insertion order
  std::vector<IndexSlot> index_;             // open addressing over edges_, size a power of two
  int sequence_length_ = 0;
};

TokenMatcher::TokenMatcher(const std::vector<LexiconEntry>& entries) {
  Builder builder(this);
  for (size_t i = 0; i < entries.size(); ++i) {
    builder.Add(static_cast<int>(i), entries[i].pattern);
  }
  builder.Freeze();
}

void TokenMatcher::WordIds(const std::vector<Token>& tokens, std::vector<int32_t>* ids) const {
  ids->resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    (*ids)[i] = vocabulary_.Find(tokens[i].norm);
  }
}

int32_t TokenMatcher::Step(int32_t node, int32_t word_id) const {
  if (word_id < 0) return -1;
  if (node == 0) return root_edges_[word_id];
  const Node& n = nodes_[node];
  const auto begin = edges_.begin() + n.edges_begin;
  const auto end = edges_.begin() + n.edges_end;
  auto it = std::lower_bound(begin, end, std::make_pair(word_id, INT32_MIN));
  return it != end && it->first == word_id ? it->second : -1;
}

void TokenMatcher::Match(const std::vector<Token>& tokens, const std::vector<int32_t>& word_ids,
                         std::vector<TokenMatch>* out) const {
  // Live paths: (node, start token). Small: most paths die at their first token.
  std::vector<std::pair<int32_t, int32_t>> live, next;
  auto advance = [&](int32_t child, int32_t start, int i) {
    if (child < 0) return;
    next.emplace_back(child, start);
    const Node& n = nodes_[child];
    for (uint32_t k = n.outputs_begin; k < n.outputs_end; ++k) {
      const Output& o = outputs_[k];
      TokenMatch m;
      m.entry = o.entry;
      m.begin = start;
      m.end = i + 1;
      m.cue_begin = start + o.lead;
      m.cue_end = m.end - o.trail;
      if (o.gap_offset >= 0) {
        m.gap_begin = start + o.gap_offset;
        m.gap_end = m.gap_begin + o.gap_length;
      }
      out->push_back(m);
    }
  };
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    live.emplace_back(0, i);
    next.clear();
    for (const auto& [node, start] : live) {
      const Node& n = nodes_[node];
      advance(Step(node, word_ids[i]), start, i);
      if (n.any >= 0) advance(n.any, start, i);
      if (n.number >= 0 && tokens[i].is_number) advance(n.number, start, i);
    }
    live.swap(next);
  }
}

namespace {

bool TokenIs(const Token& token, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w == "#num" ? token.is_number : w == "#cap" ? token.capitalized : token.norm == w) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool SatisfiesContext(const LexiconEntry& entry, const std::vector<Token>& tokens,
                      const TokenMatch& match) {
  if (entry.lowercase && match.cue_begin > 0 && tokens[match.cue_begin].capitalized) return false;
  if (!entry.not_before.empty() && match.end < static_cast<int>(tokens.size()) &&
      TokenIs(tokens[match.end], entry.not_before)) {
    return false;
  }
  if (!entry.not_after.empty() && match.begin > 0 &&
      TokenIs(tokens[match.begin - 1], entry.not_after)) {
    return false;
  }
  return true;
}

}  // namespace parallax
