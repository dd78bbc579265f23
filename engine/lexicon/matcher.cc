#include "engine/lexicon/matcher.h"

#include <algorithm>

namespace parallax {

TokenMatcher::TokenMatcher(const std::vector<LexiconEntry>& entries) {
  nodes_.emplace_back();  // the root
  std::vector<int32_t> sequence;
  for (size_t i = 0; i < entries.size(); ++i) {
    sequence.clear();
    Insert(static_cast<int>(i), entries[i].pattern, 0, 0, &sequence, -1, 0);
  }
  for (Node& node : nodes_) std::sort(node.edges.begin(), node.edges.end());
  root_edges_.assign(vocabulary_.size(), -1);
  for (const auto& [id, child] : nodes_[0].edges) root_edges_[id] = child;
}

int32_t TokenMatcher::Intern(const std::string& word) {
  auto [it, inserted] = vocabulary_.emplace(word, static_cast<int32_t>(vocabulary_.size()));
  return it->second;
}

int32_t TokenMatcher::Child(int32_t node, int32_t label) {
  int32_t existing = -1;
  if (label == kAny) {
    existing = nodes_[node].any;
  } else if (label == kNumber) {
    existing = nodes_[node].number;
  } else {
    for (const auto& [id, child] : nodes_[node].edges) {
      if (id == label) existing = child;
    }
  }
  if (existing >= 0) return existing;
  int32_t child = static_cast<int32_t>(nodes_.size());
  nodes_.emplace_back();  // may reallocate: index again below
  if (label == kAny) {
    nodes_[node].any = child;
  } else if (label == kNumber) {
    nodes_[node].number = child;
  } else {
    nodes_[node].edges.emplace_back(label, child);
  }
  return child;
}

// Depth-first over the pattern's slots: each alternative, each gap length and each choice of
// an optional slot extends the trie path by its own edge(s).
void TokenMatcher::Insert(int entry, const Pattern& pattern, size_t slot, int32_t node,
                          std::vector<int32_t>* sequence, int gap_offset, int gap_length) {
  if (slot == pattern.slots.size()) {
    // Context slots are never optional or gaps at the ends except the converted trailing gap,
    // so their token count equals their slot count.
    Output out;
    out.entry = entry;
    out.length = static_cast<int16_t>(sequence->size());
    out.lead = static_cast<int16_t>(pattern.leading_context);
    out.trail = static_cast<int16_t>(pattern.trailing_context);
    out.gap_offset = static_cast<int16_t>(gap_offset);
    out.gap_length = static_cast<int16_t>(gap_offset >= 0 ? gap_length : -1);
    for (const Output& o : nodes_[node].outputs) {
      if (o.entry == entry && o.length == out.length && o.gap_offset == out.gap_offset &&
          o.gap_length == out.gap_length) {
        return;  // "_? _" and the like reach one node twice
      }
    }
    nodes_[node].outputs.push_back(out);
    return;
  }
  const PatternSlot& s = pattern.slots[slot];
  if (s.optional) Insert(entry, pattern, slot + 1, node, sequence, gap_offset, gap_length);
  switch (s.kind) {
    case PatternSlot::Kind::kWords:
      for (const std::string& word : s.words) {
        int32_t child = Child(node, Intern(word));
        sequence->push_back(0);
        Insert(entry, pattern, slot + 1, child, sequence, gap_offset, gap_length);
        sequence->pop_back();
      }
      break;
    case PatternSlot::Kind::kAnyToken:
    case PatternSlot::Kind::kNumber: {
      int32_t child = Child(node, s.kind == PatternSlot::Kind::kAnyToken ? kAny : kNumber);
      sequence->push_back(0);
      Insert(entry, pattern, slot + 1, child, sequence, gap_offset, gap_length);
      sequence->pop_back();
      break;
    }
    case PatternSlot::Kind::kGap: {
      int32_t at = node;
      int offset = static_cast<int>(sequence->size());
      for (int n = 1; n <= kMaxGapTokens; ++n) {
        at = Child(at, kAny);
        sequence->push_back(0);
        bool first_gap = gap_offset < 0;
        Insert(entry, pattern, slot + 1, at, sequence, first_gap ? offset : gap_offset,
               first_gap ? n : gap_length);
      }
      sequence->resize(offset);
      break;
    }
  }
}

void TokenMatcher::WordIds(const std::vector<Token>& tokens, std::vector<int32_t>* ids) const {
  ids->resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto it = vocabulary_.find(tokens[i].norm);
    (*ids)[i] = it == vocabulary_.end() ? -1 : it->second;
  }
}

int32_t TokenMatcher::Step(int32_t node, int32_t word_id) const {
  if (word_id < 0) return -1;
  if (node == 0) return root_edges_[word_id];
  const auto& edges = nodes_[node].edges;
  auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(word_id, INT32_MIN));
  return it != edges.end() && it->first == word_id ? it->second : -1;
}

void TokenMatcher::Match(const std::vector<Token>& tokens, const std::vector<int32_t>& word_ids,
                         std::vector<TokenMatch>* out) const {
  // Live paths: (node, start token). Small: most paths die at their first token.
  std::vector<std::pair<int32_t, int32_t>> live, next;
  auto advance = [&](int32_t child, int32_t start, int i) {
    if (child < 0) return;
    next.emplace_back(child, start);
    for (const Output& o : nodes_[child].outputs) {
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
