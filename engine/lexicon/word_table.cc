#include "engine/lexicon/word_table.h"

namespace parallax {

WordTable::WordTable() : offsets_{0}, slots_(64) {}

uint32_t WordTable::Hash(std::string_view word) {
  // FNV-1a with a final mix: words are short, and the low bits pick the slot.
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : word) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ULL;
  return static_cast<uint32_t>(h >> 32);
}

int32_t WordTable::Find(std::string_view word) const {
  const uint32_t hash = Hash(word);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id < 0) return -1;
    if (s.hash == hash && Word(s.id) == word) return s.id;
  }
}

int32_t WordTable::Intern(std::string_view word) {
  const uint32_t hash = Hash(word);
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  for (; slots_[i].id >= 0; i = (i + 1) & mask) {
    if (slots_[i].hash == hash && Word(slots_[i].id) == word) return slots_[i].id;
  }
  const int32_t id = static_cast<int32_t>(size());
  arena_.append(word);
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  slots_[i] = {hash, id};
  if (2 * size() > slots_.size()) Grow();
  return id;
}

void WordTable::Grow() {
  std::vector<Slot> old(2 * slots_.size());
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id < 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id >= 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace parallax
