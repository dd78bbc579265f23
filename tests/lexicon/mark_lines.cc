// mark_lines: marks one sentence per line with a lexicon directory alone, for evaluating and
// tuning the lexicons and training the attribution cue model (scripts/eval_lexicons.py,
// scripts/eval_lexicons_train_cues.py).
//
//   mark_lines --lexicons DIR [--cue-model FILE | --no-cue-model] [--mark-nested-attributions]
//              [--cue-features] [FILE|-]
//
// --cue-model replaces the directory's attribution cue model (attribution_cues.tsv) and
// --no-cue-model drops it (lexicon-only attribution). --mark-nested-attributions sets
// MarkerOptions::mark_nested_attributions. --cue-features prints, instead of marks,
// the cue model's view of each line for scripts/eval_lexicons_train_cues.py:
//   {"line": N, "tokens": [[start, end], ...], "features": {"<token index>": ["feature", ...]}}
// with the features of the tokens that pass the model's gate.
//
// Otherwise it prints, per line, the JSON line `parallax mark --lines` prints for it
// (lexicon/mark_json.h; article "line"), with offsets into the line. Quoted speech is found by
// the segmenter's quote pairing (segment/quotes.h), as in production. What it adds to
// `parallax mark --lines` is the choice of lexicon directory and cue model.
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/mark_json.h"
#include "engine/lexicon/marker.h"
#include "engine/segment/quotes.h"

int main(int argc, char** argv) {
  std::string lexicon_dir;
  std::string input = "-";
  std::string cue_model;
  bool no_cue_model = false;
  bool cue_features = false;
  parallax::MarkerOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lexicons" && i + 1 < argc) {
      lexicon_dir = argv[++i];
    } else if (arg == "--cue-model" && i + 1 < argc) {
      cue_model = argv[++i];
    } else if (arg == "--no-cue-model") {
      no_cue_model = true;
    } else if (arg == "--mark-nested-attributions") {
      options.mark_nested_attributions = true;
    } else if (arg == "--cue-features") {
      cue_features = true;
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
  if (no_cue_model) lexicon->set_cue_model(nullptr);
  if (!cue_model.empty()) {
    parallax::StatusOr<parallax::CueModel> model = parallax::CueModel::Load(cue_model);
    if (!model.ok()) {
      std::cerr << "mark_lines: " << model.status().ToString() << "\n";
      return 1;
    }
    lexicon->set_cue_model(std::make_shared<const parallax::CueModel>(std::move(*model)));
  }
  parallax::Marker marker(*lexicon, options);
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
    sentence.paragraph = number;
    sentence.span = {0, line.size()};
    sentence.quotes = parallax::FindQuotes(line, sentence.span);
    if (cue_features) {
      std::vector<parallax::Token> tokens;
      std::vector<char> gate;
      std::vector<std::vector<std::string>> features;
      marker.CueFeatures(line, sentence, &tokens, &gate, &features);
      nlohmann::json spans = nlohmann::json::array();
      nlohmann::json by_token = nlohmann::json::object();
      for (size_t i = 0; i < tokens.size(); ++i) {
        spans.push_back({tokens[i].span.start, tokens[i].span.end});
        if (gate[i]) by_token[std::to_string(i)] = features[i];
      }
      nlohmann::json out = {
          {"line", number}, {"tokens", std::move(spans)}, {"features", std::move(by_token)}};
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      ++number;
      continue;
    }
    std::cout << parallax::SentenceMarksJsonLine("line", line, sentence,
                                                 marker.MarkSentence(line, sentence));
    ++number;
  }
  return 0;
}
