#include "engine/ingest/news_json.h"

#include <nlohmann/json.hpp>

namespace parallax {
namespace {

using Json = nlohmann::json;

// The first of `keys` present as a string (or number), else "".
std::string StringField(const Json& obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
  }
  return "";
}

std::vector<std::string> StringList(const Json& obj, const char* key) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const Json& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

// "2019-10-25 14:33:00" -> "2019-10-25"; anything without a leading ISO date -> "".
std::string IsoDate(const std::string& s) {
  if (s.size() < 10) return "";
  for (size_t i = 0; i < 10; ++i) {
    bool want_dash = i == 4 || i == 7;
    if (want_dash ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9')) return "";
  }
  return s.substr(0, 10);
}

}  // namespace

StatusOr<NewsJsonRecord> ParseNewsJson(std::string_view json, const std::string& where) {
  Json obj;
  try {
    // Depth is bounded by nlohmann's parser callback: refuse absurd nesting before it recurses.
    int depth = 0;
    bool too_deep = false;
    Json::parser_callback_t guard = [&](int d, Json::parse_event_t event, Json&) {
      if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
        depth = d;
        if (d > 64) too_deep = true;
      }
      return !too_deep;
    };
    obj = Json::parse(json.begin(), json.end(), guard);
    if (too_deep) return Status::InvalidInput(where + ": JSON nested deeper than 64 levels");
  } catch (const Json::parse_error& e) {
    // nlohmann reports "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
    std::string what = e.what();
    size_t at = what.find("parse error");
    return Status::InvalidInput(
        where + ": malformed JSON: " + (at == std::string::npos ? what : what.substr(at)));
  } catch (const Json::exception& e) {
    return Status::InvalidInput(where + ": malformed JSON: " + e.what());
  }
  if (!obj.is_object())
    return Status::InvalidInput(where + ": expected a JSON object (one article)");
  NewsJsonRecord record;
  Article& a = record.article;
  a.text = StringField(obj, {"maintext", "text", "body"});
  if (a.text.empty()) {
    return Status::InvalidInput(where +
                                ": article has no text (no 'maintext', 'text' or 'body' field)");
  }
  a.id = StringField(obj, {"id", "article_id"});
  a.title = StringField(obj, {"title"});
  a.url = StringField(obj, {"url"});
  a.source = StringField(obj, {"source_domain", "source", "outlet"});
  std::string raw_date = StringField(obj, {"date_publish", "date", "published"});
  a.date = IsoDate(raw_date);
  if (!raw_date.empty() && a.date.empty()) {
    a.warnings.push_back(where + ": date '" + raw_date +
                         "' is not an ISO date (YYYY-MM-DD…); ignored");
  }
  std::vector<std::string> authors = StringList(obj, "authors");
  if (authors.empty()) authors = StringList(obj, "author");
  for (size_t i = 0; i < authors.size(); ++i) a.author += (i ? ", " : "") + authors[i];
  a.tags = StringList(obj, "tags");
  record.story = StringField(obj, {"story", "event"});
  a.format = "json";
  a.origin = where;
  return record;
}

std::vector<std::pair<size_t, std::string_view>> JsonlLines(std::string_view text) {
  std::vector<std::pair<size_t, std::string_view>> out;
  size_t line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    ++line;
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(pos, nl - pos);
    if (l.find_first_not_of(" \t\r") != std::string_view::npos) out.emplace_back(line, l);
    pos = nl + 1;
  }
  return out;
}

}  // namespace parallax
