// WordNet: which words can stand for one another ("support" / "backing", "bought" / "purchase"),
// read from the WordNet 3.0 database files at run time.
//
// The files are those of Debian's `wordnet-base` (/usr/share/wordnet): index.{noun,verb,adj,adv}
// map a lemma to its synsets in sense-frequency order, data.* hold the synsets and their
// pointers, *.exc list irregular inflections ("went" -> "go"). We read the files ourselves
// rather than link wordnet-dev's C library: that library keeps global state, opens files on
// every lookup and is not thread-safe, while the aligner asks millions of questions from
// several threads. Loading everything once (~0.5 s) and answering from memory is simpler.
//
// A word's *concepts* are the synsets of its base forms (any part of speech, the first
// `max_senses` senses of each; WordNet's "morphy" rules find the base forms), plus, when
// `derivation` is on, the synsets that WordNet links to those senses as derivationally related
// ("backing" -> "back", "support" -> "supporter"). Two words are taken as synonyms iff their
// concept lists intersect.
//
// Thread safety: immutable after Load; every method may be called from several threads.
#ifndef PARALLAX_ENGINE_ALIGN_WORDNET_H_
#define PARALLAX_ENGINE_ALIGN_WORDNET_H_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

struct WordNetOptions {
  // Senses kept per part of speech, most frequent first; 0 keeps all. Rare senses make
  // common words look alike ("have" / "get"), so a small number is more precise.
  int max_senses = 0;
  // Adds derivationally related synsets ("+" pointers of the kept senses) to a word's concepts.
  bool derivation = true;
};

class WordNet {
 public:
  // The directory Debian's wordnet-base installs into.
  static constexpr const char* kDefaultDir = "/usr/share/wordnet";

  WordNet();  // empty: knows no word

  // Reads index.*, data.* and *.exc from `dir`. A missing directory or index file is a NotFound
  // error that says how to install the database; a malformed line is Corruption naming
  // file:line.
  static StatusOr<WordNet> Load(const std::string& dir, const WordNetOptions& options);

  // Returns the sorted, distinct concept ids of a lower-cased word (see above); empty when
  // WordNet does not know it.
  std::vector<uint32_t> Concepts(std::string_view word) const;

  // Returns the base forms of a lower-cased word that WordNet knows, for each part of speech,
  // without duplicates ("geese" -> {"goose"}, "supported" -> {"support"}).
  std::vector<std::string> BaseForms(std::string_view word) const;

  // Returns true iff two sorted concept lists share an element.
  static bool ShareConcept(std::span<const uint32_t> a, std::span<const uint32_t> b);

  size_t lemma_count() const { return index_.size(); }
  bool empty() const { return index_.empty(); }

 private:
  static constexpr int kPosCount = 4;  // noun, verb, adj, adv
  using Senses = std::array<std::vector<uint32_t>, kPosCount>;

  struct Derivation {
    uint8_t source_word;  // 1-based word number in the synset
    uint32_t target;      // concept id
  };

  Status ReadIndex(const std::string& path, int pos);
  Status ReadData(const std::string& path, int pos);
  Status ReadExceptions(const std::string& path, int pos);
  void AddBaseForms(std::string_view word, int pos, std::vector<std::string>* out) const;

  WordNetOptions options_;
  std::unordered_map<std::string, Senses> index_;  // lemma -> concept ids per pos, by sense
  std::array<std::unordered_map<std::string, std::vector<std::string>>, kPosCount> exceptions_;
  // Synsets that have derivation pointers: their words (lower-cased) and the pointers.
  std::unordered_map<uint32_t, std::pair<std::vector<std::string>, std::vector<Derivation>>>
      derivations_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_ALIGN_WORDNET_H_
