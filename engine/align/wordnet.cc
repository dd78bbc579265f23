#include "engine/align/wordnet.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <mutex>

#include "engine/base/file_io.h"

namespace parallax {
namespace {

constexpr const char* kPosNames[] = {"noun", "verb", "adj", "adv"};

// Offsets are byte positions in data.* (< 16 MB), so the part of speech fits above them.
uint32_t ConceptId(int pos, uint32_t offset) { return (static_cast<uint32_t>(pos) << 28) | offset; }

int PosOfChar(char c) {
  switch (c) {
    case 'n':
      return 0;
    case 'v':
      return 1;
    case 'a':
    case 's':
      return 2;  // adjective satellites live in data.adj
    case 'r':
      return 3;
    default:
      return -1;
  }
}

// Splits a line on single spaces, skipping empty fields.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool ParseUint(std::string_view s, uint32_t* out, int base = 10) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Calls fn(line, line_number) for each line of `text` that is not part of the licence header
// (those lines start with a space).
template <typename Fn>
Status ForEachLine(const std::string& text, const std::string& path, Fn fn) {
  size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != ' ') {
      if (!fn(line)) {
        return Status::Corruption(path + ":" + std::to_string(number) + ": malformed WordNet line");
      }
    }
    start = end + 1;
  }
  return Status::Ok();
}

// WordNet's morphy detachment rules, per part of speech: {suffix, replacement}.
struct Detachment {
  std::string_view suffix;
  std::string_view ending;
};
constexpr Detachment kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                     {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detachment kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                     {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Detachment kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

}  // namespace

Status WordNet::ReadIndex(const std::string& path, int pos) {
  PARALLAX_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ForEachLine(text, path, [&](std::string_view line) {
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    std::vector<std::string_view> f = Fields(line);
    uint32_t synsets = 0;
    uint32_t pointers = 0;
    if (f.size() < 4 || !ParseUint(f[2], &synsets) || !ParseUint(f[3], &pointers)) return false;
    size_t first = 4 + pointers + 2;
    if (f.size() < first + synsets) return false;
    std::string lemma(f[0]);
    if (lemma.find('_') != std::string::npos) return true;  // multi-word: tokens never match
    std::vector<uint32_t>& senses = index_[lemma][pos];
    for (size_t k = 0; k < synsets; ++k) {
      uint32_t offset = 0;
      if (!ParseUint(f[first + k], &offset)) return false;
      senses.push_back(ConceptId(pos, offset));
    }
    return true;
  });
}

Status WordNet::ReadData(const std::string& path, int pos) {
  PARALLAX_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ForEachLine(text, path, [&](std::string_view line) {
    if (line.find(" + ") == std::string_view::npos) return true;  // no derivation pointer
    size_t bar = line.find(" | ");
    if (bar != std::string_view::npos) line = line.substr(0, bar);
    // offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [sym offset pos src/tgt]...
    std::vector<std::string_view> f = Fields(line);
    uint32_t offset = 0;
    uint32_t words = 0;
    if (f.size() < 4 || !ParseUint(f[0], &offset) || !ParseUint(f[3], &words, 16)) return false;
    size_t p = 4 + 2 * words;
    uint32_t pointers = 0;
    if (f.size() <= p || !ParseUint(f[p], &pointers)) return false;
    if (f.size() < p + 1 + 4 * pointers) return false;
    auto& [names, links] = derivations_[ConceptId(pos, offset)];
    for (size_t w = 0; w < words; ++w) {
      std::string_view word = f[4 + 2 * w];
      size_t paren = word.find('(');  // adjective markers: "big(a)"
      if (paren != std::string_view::npos) word = word.substr(0, paren);
      names.push_back(Lower(word));
    }
    for (size_t k = 0; k < pointers; ++k) {
      size_t q = p + 1 + 4 * k;
      if (f[q] != "+") continue;
      uint32_t target = 0;
      uint32_t source_target = 0;
      int target_pos = f[q + 2].empty() ? -1 : PosOfChar(f[q + 2][0]);
      if (!ParseUint(f[q + 1], &target) || target_pos < 0 ||
          !ParseUint(f[q + 3], &source_target, 16)) {
        return false;
      }
      links.push_back({static_cast<uint8_t>(source_target >> 8), ConceptId(target_pos, target)});
    }
    return true;
  });
}

Status WordNet::ReadExceptions(const std::string& path, int pos) {
  if (!std::filesystem::exists(path)) return Status::Ok();  // optional: morphy rules still work
  PARALLAX_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ForEachLine(text, path, [&](std::string_view line) {
    std::vector<std::string_view> f = Fields(line);
    if (f.size() < 2) return false;
    auto& bases = exceptions_[pos][std::string(f[0])];
    for (size_t k = 1; k < f.size(); ++k) bases.emplace_back(f[k]);
    return true;
  });
}

StatusOr<WordNet> WordNet::Load(const std::string& dir, const WordNetOptions& options) {
  const std::string hint =
      " (install the WordNet 3.0 database with `apt-get install wordnet-base`, or set "
      "wordnet.dir in rules/similarity.yaml)";
  if (!std::filesystem::is_directory(dir)) {
    return Status::NotFound("WordNet database folder '" + dir + "' not found" + hint);
  }
  WordNet wn;
  wn.options_ = options;
  for (int pos = 0; pos < kPosCount; ++pos) {
    std::string name = kPosNames[pos];
    for (const std::string& file : {dir + "/index." + name, dir + "/data." + name}) {
      if (!std::filesystem::exists(file)) {
        return Status::NotFound("WordNet file '" + file + "' not found" + hint);
      }
    }
    PARALLAX_RETURN_IF_ERROR(wn.ReadIndex(dir + "/index." + name, pos));
    if (options.derivation) PARALLAX_RETURN_IF_ERROR(wn.ReadData(dir + "/data." + name, pos));
    PARALLAX_RETURN_IF_ERROR(wn.ReadExceptions(dir + "/" + name + ".exc", pos));
  }
  if (wn.index_.empty())
    return Status::Corruption("WordNet index files in '" + dir + "' are empty");
  return wn;
}

void WordNet::AddBaseForms(std::string_view word, int pos, std::vector<std::string>* out) const {
  auto add = [&](std::string form) {
    auto it = index_.find(form);
    if (it == index_.end() || it->second[pos].empty()) return;
    if (std::find(out->begin(), out->end(), form) == out->end()) out->push_back(std::move(form));
  };
  auto exc = exceptions_[pos].find(std::string(word));
  if (exc != exceptions_[pos].end()) {
    for (const std::string& base : exc->second) add(base);
  }
  add(std::string(word));
  const Detachment* rules = nullptr;
  size_t count = 0;
  if (pos == 0) {
    rules = kNounRules;
    count = std::size(kNounRules);
  } else if (pos == 1) {
    rules = kVerbRules;
    count = std::size(kVerbRules);
  } else if (pos == 2) {
    rules = kAdjRules;
    count = std::size(kAdjRules);
  }
  for (size_t k = 0; k < count; ++k) {
    const Detachment& r = rules[k];
    if (word.size() > r.suffix.size() && word.ends_with(r.suffix)) {
      std::string form(word.substr(0, word.size() - r.suffix.size()));
      form += r.ending;
      add(std::move(form));
    }
  }
}

std::vector<std::string> WordNet::BaseForms(std::string_view word) const {
  std::vector<std::string> out;
  for (int pos = 0; pos < kPosCount; ++pos) AddBaseForms(word, pos, &out);
  return out;
}

std::vector<uint32_t> WordNet::Concepts(std::string_view word) const {
  std::vector<uint32_t> out;
  if (index_.empty() || word.empty()) return out;
  for (int pos = 0; pos < kPosCount; ++pos) {
    std::vector<std::string> forms;
    AddBaseForms(word, pos, &forms);
    for (const std::string& form : forms) {
      const std::vector<uint32_t>& senses = index_.find(form)->second[pos];
      size_t keep = senses.size();
      if (options_.max_senses > 0) keep = std::min(keep, static_cast<size_t>(options_.max_senses));
      for (size_t k = 0; k < keep; ++k) {
        out.push_back(senses[k]);
        if (!options_.derivation) continue;
        auto d = derivations_.find(senses[k]);
        if (d == derivations_.end()) continue;
        const auto& [names, links] = d->second;
        for (const Derivation& link : links) {
          size_t w = link.source_word;
          if (w >= 1 && w <= names.size() && names[w - 1] == form) out.push_back(link.target);
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

WordNet::WordNet() = default;

bool WordNet::ShareConcept(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  // Sorted lists whose ranges do not overlap share nothing: one comparison instead of a merge.
  if (a.empty() || b.empty() || a.back() < b.front() || b.back() < a.front()) return false;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

}  // namespace parallax
