// parallax search --index DIR "query": sentences of an index matching a query, grouped by
// source, matching words highlighted ([brackets], or bold on a terminal), or JSON for scripts.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/index/result_formats.h"
#include "engine/index/sentence_index.h"
#include "engine/text/aliases.h"

namespace parallax::cli {

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
  std::cout << (format == "json" ? SearchResultsJson(request.query, *results)
                                 : SearchResultsText(*results, isatty(STDOUT_FILENO) == 1));
  std::cout.flush();
  if (!std::cout) return Fail(Status::IoError("search: cannot write the results"));
  return kExitOk;
}

}  // namespace parallax::cli
