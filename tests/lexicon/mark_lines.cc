// mark_lines: a stand-in for `parallax mark --lines --format jsonl`, for evaluating and tuning
// the lexicons before the CLI command exists (and independently of it).
//
//   mark_lines --lexicons DIR [FILE|-]
//
// Reads one sentence per line and prints one JSON object per line:
//   {"line": N, "marks": [{"category", "start", "end", "cue", "entry", "stance", "source_kind",
//                          "source_start", "source_end", "polarity", "voice", "negated"}]}
// start/end are byte offsets into the line. Quoted speech is found with a simple pairing of
// double quotes (straight or curly), as the segmenter's quote finder would report it.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"

namespace {

// Pairs “...” and "..." within a line.
std::vector<parallax::Span> FindQuotes(const std::string& line) {
  std::vector<parallax::Span> quotes;
  size_t open = std::string::npos;
  bool curly = false;
  for (size_t i = 0; i < line.size(); ++i) {
    bool straight = line[i] == '"';
    bool left = line.compare(i, 3, "\xE2\x80\x9C") == 0;
    bool right = line.compare(i, 3, "\xE2\x80\x9D") == 0;
    if (open == std::string::npos) {
      if (straight || left) {
        open = i;
        curly = left;
      }
    } else if ((curly && right) || (!curly && straight)) {
      size_t end = i + (straight ? 1 : 3);
      quotes.push_back({open, end});
      open = std::string::npos;
    }
  }
  return quotes;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicon_dir;
  std::string input = "-";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lexicons" && i + 1 < argc) {
      lexicon_dir = argv[++i];
    } else {
      input = arg;
    }
  }
  if (lexicon_dir.empty()) {
    std::cerr << "usage: mark_lines --lexicons DIR [FILE|-]\n";
    return 2;
  }
  parallax::StatusOr<parallax::Lexicon> lexicon = parallax::Lexicon::LoadDir(lexicon_dir);
  if (!lexicon.ok()) {
    std::cerr << "mark_lines: " << lexicon.status().ToString() << "\n";
    return 1;
  }
  parallax::Marker marker(*lexicon);
  std::ifstream file;
  if (input != "-") {
    file.open(input);
    if (!file) {
      std::cerr << "mark_lines: cannot open " << input << "\n";
      return 1;
    }
  }
  std::istream& in = input == "-" ? std::cin : file;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    parallax::Sentence sentence;
    sentence.index = number;
    sentence.span = {0, line.size()};
    sentence.quotes = FindQuotes(line);
    nlohmann::json marks = nlohmann::json::array();
    for (const parallax::Mark& m : marker.MarkSentence(line, sentence)) {
      nlohmann::json j = {{"category", std::string(parallax::CategoryName(m.category))},
                          {"start", m.span.start},
                          {"end", m.span.end},
                          {"cue", m.cue},
                          {"entry", m.entry},
                          {"stance", m.stance},
                          {"source_kind", m.source_kind},
                          {"polarity", m.polarity},
                          {"voice", m.voice},
                          {"negated", m.negated}};
      if (m.source) {
        j["source_start"] = m.source->start;
        j["source_end"] = m.source->end;
      }
      marks.push_back(std::move(j));
    }
    nlohmann::json out = {{"line", number}, {"marks", std::move(marks)}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    ++number;
  }
  return 0;
}
