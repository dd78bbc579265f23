// WordTable: interns words as dense ids 0, 1, 2, ... and looks them up by string_view.
//
// The words are kept in one arena and the index is open addressing over (hash, id) pairs, so a
// table of 100,000 words costs three allocations rather than one per word, and a lookup of a
// word that is absent (most tokens of a text) touches one or two slots and never the arena.
//
// Thread safety: Find and size are const and may run on many threads; Intern may not run
// alongside anything else.
#ifndef PARALLAX_ENGINE_LEXICON_WORD_TABLE_H_
#define PARALLAX_ENGINE_LEXICON_WORD_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

class WordTable {
 public:
  WordTable();

  // Returns the id of `word`, adding it with the next id when it is new.
  int32_t Intern(std::string_view word);

  // Returns the id of `word`, or -1 iff it was never interned.
  int32_t Find(std::string_view word) const;

  size_t size() const { return offsets_.size() - 1; }

 private:
  struct Slot {
    uint32_t hash = 0;
    int32_t id = -1;  // -1: empty
  };
  static uint32_t Hash(std::string_view word);
  std::string_view Word(int32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  void Grow();

  std::string arena_;              // the words, back to back
  std::vector<uint32_t> offsets_;  // word id -> start in arena_; one more: the end
  std::vector<Slot> slots_;        // size a power of two, at most half full
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_LEXICON_WORD_TABLE_H_
