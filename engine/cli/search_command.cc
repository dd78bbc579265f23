// parallax search --index DIR "query": sentences of an index matching a query, grouped by
// source, matching words highlighted ([brackets], or bold on a terminal), or JSON for scripts.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/base/visible_text.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/index/sentence_index.h"
#include "engine/text/aliases.h"

namespace parallax::cli {
namespace {

// Text from the index came from crawled pages: control characters in it are shown escaped
// (EscapeForTerminal), never sent to the terminal to act.
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

void PrintText(const SearchResults& results, bool bold) {
  const std::string open = bold ? "\033[1m" : "[";
  const std::string close = bold ? "\033[0m" : "]";
  size_t shown = 0;
  for (const SourceGroup& g : results.groups) shown += g.hits.size();
  std::cout << shown << " of about " << results.estimated_matches << " matching sentences\n";
  for (const SourceGroup& g : results.groups) {
    std::cout << "\n== " << Shown(g.source) << " (" << g.hits.size() << ")\n";
    for (const SearchHit& hit : g.hits) {
      std::cout << "  " << Shown(hit.article_id) << " #" << hit.sentence_index;
      if (!hit.date.empty()) std::cout << " " << Shown(hit.date);
      std::cout << ": " << Marked(hit, open, close) << "\n";
    }
  }
}

void PrintJson(const std::string& query, const SearchResults& results) {
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
  nlohmann::json out = {
      {"query", query}, {"estimated_matches", results.estimated_matches}, {"groups", groups}};
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

int RunSearch(const Args& args) {
  using Strings = std::vector<std::string>;
  po::options_description options("options");
  options.add_options()("index", po::value<std::string>()->required(), "index directory")(
      "query", po::value<Strings>()->default_value(Strings(), ""),
      "query words (joined by spaces)")(
      "source", po::value<Strings>()->default_value(Strings(), ""),
      "only this source (repeatable)")("tag", po::value<Strings>()->default_value(Strings(), ""),
                                       "only articles with this tag (repeatable)")(
      "entity", po::value<Strings>()->default_value(Strings(), ""),
      "only sentences naming this entity, by any alias of rules/aliases.yaml (repeatable)")(
      "from", po::value<std::string>()->default_value(""),
      "articles dated on or after YYYY[-MM[-DD]]")("to",
                                                   po::value<std::string>()->default_value(""),
                                                   "articles dated on or before YYYY[-MM[-DD]]")(
      "limit", po::value<size_t>()->default_value(20), "at most this many sentences")(
      "per-source", po::value<size_t>()->default_value(0),
      "at most this many sentences per source (0: no cap)")(
      "any", po::bool_switch(), "match sentences with any of the words (default: all of them)")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "search", "--index DIR \"QUERY\" [OPTIONS]",
          "Finds indexed sentences matching QUERY, grouped by source, best first. Query syntax\n"
          "(Xapian's): words are stemmed and must all match (see --any); \"a phrase\"; AND, OR, "
          "NOT,\n"
          "parentheses; +word, -word; word* for prefixes; filters source:NAME, tag:NAME,\n"
          "entity:NAME, article:ID (quote values with spaces: source:\"News site\").\n"
          "Text output marks matching words in [brackets] (bold on a terminal); --format json\n"
          "gives byte offsets of the highlights within each sentence's text.",
          options, "query", args, &vm)) {
    return *exit;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    return Fail(
        Status::InvalidInput("search: --format must be text or json, not '" + format + "'"));
  }
  SearchRequest request;
  for (const std::string& word : vm["query"].as<Strings>()) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  request.match_all = !vm["any"].as<bool>();
  request.sources = vm["source"].as<Strings>();
  request.tags = vm["tag"].as<Strings>();
  request.from_date = vm["from"].as<std::string>();
  request.to_date = vm["to"].as<std::string>();
  request.limit = vm["limit"].as<size_t>();
  request.per_source = vm["per-source"].as<size_t>();
  const Strings entities = vm["entity"].as<Strings>();
  if (!entities.empty()) {
    // "Beijing" finds what the index stored as "China": resolve aliases the way indexing did.
    ResourceParts parts;
    parts.reading = parts.marking = parts.alignment = parts.provenance = false;
    auto resources = LoadCommandResources(vm, parts);
    if (!resources.ok()) return Fail(resources.status());
    for (const std::string& name : entities) {
      const std::string canonical = resources->aliases->Canonical(name);
      request.entities.push_back(canonical.empty() ? name : canonical);
    }
  }

  auto reader = IndexReader::Open(vm["index"].as<std::string>());
  if (!reader.ok()) return Fail(reader.status());
  auto results = (*reader)->Search(request);
  if (!results.ok()) return Fail(results.status());
  if (format == "json") {
    PrintJson(request.query, *results);
  } else {
    PrintText(*results, isatty(STDOUT_FILENO) == 1);
  }
  std::cout.flush();
  if (!std::cout) return Fail(Status::IoError("search: cannot write the results"));
  return kExitOk;
}

}  // namespace parallax::cli
