#include "engine/index/result_formats.h"

#include <nlohmann/json.hpp>
#include <string_view>

#include "engine/base/visible_text.h"

namespace parallax {
namespace {

std::string Shown(std::string_view text) { return EscapeForTerminal(text); }

// The hit's text with each highlight wrapped in `open` ... `close` (escaped piece by piece, so
// that only our own bold sequences reach the terminal).
std::string Marked(const SearchHit& hit, const std::string& open, const std::string& close) {
  const std::string_view text = hit.text;
  std::string out;
  size_t at = 0;
  for (const Span& s : hit.highlights) {
    if (s.start < at || s.end > text.size()) continue;
    out.append(Shown(text.substr(at, s.start - at)))
        .append(open)
        .append(Shown(text.substr(s.start, s.size())))
        .append(close);
    at = s.end;
  }
  out.append(Shown(text.substr(at)));
  return out;
}

std::string Dump(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string SearchResultsText(const SearchResults& results, bool bold) {
  const std::string open = bold ? "\033[1m" : "[";
  const std::string close = bold ? "\033[0m" : "]";
  size_t shown = 0;
  for (const SourceGroup& g : results.groups) shown += g.hits.size();
  std::string out = std::to_string(shown) + " of about " +
                    std::to_string(results.estimated_matches) + " matching sentences\n";
  for (const SourceGroup& g : results.groups) {
    out += "\n== " + Shown(g.source) + " (" + std::to_string(g.hits.size()) + ")\n";
    for (const SearchHit& hit : g.hits) {
      out += "  " + Shown(hit.article_id) + " #" + std::to_string(hit.sentence_index);
      if (!hit.date.empty()) out += " " + Shown(hit.date);
      out += ": " + Marked(hit, open, close) + "\n";
    }
  }
  return out;
}

std::string SearchResultsJson(const std::string& query, const SearchResults& results) {
  nlohmann::json groups = nlohmann::json::array();
  for (const SourceGroup& g : results.groups) {
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& hit : g.hits) {
      nlohmann::json highlights = nlohmann::json::array();
      for (const Span& s : hit.highlights) highlights.push_back({s.start, s.end});
      hits.push_back({{"rank", hit.rank},
                      {"weight", hit.weight},
                      {"article", hit.article_id},
                      {"title", hit.title},
                      {"date", hit.date},
                      {"sentence", hit.sentence_index},
                      {"start", hit.span.start},
                      {"end", hit.span.end},
                      {"text", hit.text},
                      {"highlights", highlights}});
    }
    groups.push_back({{"source", g.source}, {"hits", hits}});
  }
  return Dump(
      {{"query", query}, {"estimated_matches", results.estimated_matches}, {"groups", groups}});
}

std::string ArticleListText(const std::vector<IndexedArticle>& articles) {
  std::string out;
  for (const IndexedArticle& a : articles) {
    out += Shown(a.id) + "\t" + Shown(a.source) + "\t" + (a.date.empty() ? "-" : Shown(a.date)) +
           "\t" + std::to_string(a.sentence_count) + "\t" + Shown(a.title) + "\n";
  }
  return out;
}

std::string ArticleListJson(const std::vector<IndexedArticle>& articles) {
  nlohmann::json out = nlohmann::json::array();
  for (const IndexedArticle& a : articles) {
    out.push_back({{"id", a.id},
                   {"source", a.source},
                   {"date", a.date},
                   {"title", a.title},
                   {"author", a.author},
                   {"url", a.url},
                   {"tags", a.tags},
                   {"sentences", a.sentence_count}});
  }
  return Dump(out);
}

}  // namespace parallax
