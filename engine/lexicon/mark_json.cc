#include "engine/lexicon/mark_json.h"

#include <nlohmann/json.hpp>

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

Json MarkJson(const Mark& m) {
  Json j;
  j["category"] = std::string(CategoryName(m.category));
  j["start"] = m.span.start;
  j["end"] = m.span.end;
  j["cue"] = m.cue;
  j["entry"] = m.entry;
  j["lexicon"] = m.lexicon;
  if (m.stance) j["stance"] = std::string(StanceName(*m.stance));
  if (m.source_kind) j["source_kind"] = std::string(SourceKindName(*m.source_kind));
  if (m.cited) {
    j["source_start"] = m.cited->start;
    j["source_end"] = m.cited->end;
  }
  if (m.polarity) j["polarity"] = std::string(PolarityName(*m.polarity));
  j["voice"] = std::string(VoiceName(m.voice));
  j["negated"] = m.negated;
  j["weight"] = m.weight;
  return j;
}

}  // namespace

std::string SentenceMarksJsonLine(std::string_view article_id, std::string_view text,
                                  const Sentence& sentence, const std::vector<Mark>& marks) {
  Json j;
  j["article"] = std::string(article_id);
  j["index"] = sentence.index;
  j["start"] = sentence.span.start;
  j["end"] = sentence.span.end;
  j["paragraph"] = sentence.paragraph;
  j["heading"] = sentence.heading;
  j["text"] = std::string(sentence.span.Of(text));
  Json quotes = Json::array();
  for (const Span& q : sentence.quotes) quotes.push_back({q.start, q.end});
  j["quotes"] = std::move(quotes);
  Json mark_list = Json::array();
  for (const Mark& m : marks) mark_list.push_back(MarkJson(m));
  j["marks"] = std::move(mark_list);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string SentenceMarksText(std::string_view text, const Sentence& sentence,
                              const std::vector<Mark>& marks) {
  std::string out = std::to_string(sentence.index) + (sentence.heading ? " [heading] " : " ") +
                    std::string(sentence.span.Of(text)) + "\n";
  for (const Mark& m : marks) {
    out += "    " + std::string(CategoryName(m.category)) + " \"" + m.cue + "\"";
    if (m.stance) out += " stance=" + std::string(StanceName(*m.stance));
    if (m.source_kind) out += " source=" + std::string(SourceKindName(*m.source_kind));
    if (m.cited) out += " (" + std::string(m.cited->Of(text)) + ")";
    if (m.polarity) out += " polarity=" + std::string(PolarityName(*m.polarity));
    if (m.negated) out += " negated";
    out += " voice=" + std::string(VoiceName(m.voice)) + " entry=\"" + m.entry + "\"\n";
  }
  return out;
}

}  // namespace parallax
