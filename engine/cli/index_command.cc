// parallax index add|list|remove|check --index DIR: build and look after a lasting sentence
// index (see engine/index/sentence_index.h and engine/index/README.md).
#include <iostream>
#include <string>
#include <vector>

#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/index/result_formats.h"
#include "engine/index/sentence_index.h"
#include "engine/pipeline/corpus.h"
#include "engine/pipeline/indexing.h"

namespace parallax::cli {
namespace {

constexpr char kUsage[] =
    "usage: parallax index ACTION [OPTIONS]\n\n"
    "actions:\n"
    "  add INPUT... --index DIR   add articles (manifests, files, folders, JSONL); an article "
    "whose\n"
    "                             id is already indexed is replaced\n"
    "  list --index DIR           the indexed articles: id, source, date, sentences, title\n"
    "  remove ID... --index DIR   remove articles by id\n"
    "  check --index DIR          verify that every article is whole; prints the counts\n\n"
    "Run 'parallax index ACTION --help' for an action's options.\n";

int RunAdd(const Args& args) {
  po::options_description options("options");
  options.add_options()("index", po::value<std::string>()->required(),
                        "index directory (created if missing)")(
      "input", po::value<std::vector<std::string>>()->required(),
      "manifest, article file, folder or JSONL")(
      "commit-every", po::value<size_t>()->default_value(IndexOptions().commit_every_sentences),
      "commit after this many sentences (at an article boundary); 0 commits only at the end")(
      "skip-bad", po::bool_switch(),
      "report and skip articles that cannot be read instead of stopping")(
      "threads", po::value<int>()->default_value(0),
      "threads for reading and splitting (0: one per core)");
  AddAllowOutsidePathsOption(&options);
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "index add", "INPUT... --index DIR",
          "Reads the inputs, splits them into sentences and adds them to the index.\n"
          "Work is committed in batches of whole articles: if the run is stopped, the\n"
          "index keeps every batch committed before.",
          options, "input", args, &vm)) {
    return *exit;
  }
  if (auto exit = CheckThreads("index add", vm)) return *exit;
  const std::string dir = vm["index"].as<std::string>();
  ResourceParts parts;
  parts.marking = parts.alignment = parts.provenance = false;
  auto resources = LoadCommandResources(vm, parts);
  if (!resources.ok()) return Fail(resources.status());

  IndexOptions index_options;
  index_options.commit_every_sentences = vm["commit-every"].as<size_t>();
  // Open the index before the (longer) reading, so that a locked or foreign index fails fast.
  auto index = SentenceIndex::OpenForWrite(dir, index_options);
  if (!index.ok()) return Fail(index.status());

  CorpusOptions corpus_options;
  corpus_options.skip_bad_articles = vm["skip-bad"].as<bool>();
  corpus_options.threads = vm["threads"].as<int>();
  corpus_options.allow_outside_paths = vm["allow-outside-paths"].as<bool>();
  auto corpus = LoadCorpus(vm["input"].as<std::vector<std::string>>(), *resources, corpus_options);
  if (!corpus.ok()) return Fail(corpus.status());
  for (const std::string& message : corpus->skipped)
    std::cerr << "parallax: skipped " << message << "\n";

  size_t sentences = 0;
  const size_t total = corpus->articles.size();
  for (size_t i = 0; i < total; ++i) {
    for (const std::string& warning : corpus->articles[i].warnings) {
      std::cerr << "parallax: warning: " << warning << "\n";
    }
    sentences += corpus->sentences[i].size();
  }
  Status status = AddCorpusToIndex(*corpus, *resources, index->get(), [](size_t done, size_t all) {
    if (done % 100 == 0)
      std::cerr << "indexed " << done << "/" << all << " articles\r" << std::flush;
  });
  if (!status.ok()) return Fail(status);
  if (total >= 100) std::cerr << "\n";
  std::cout << "added " << total << " articles (" << sentences << " sentences) to " << dir
            << "; it holds " << (*index)->sentence_count() << " sentences\n";
  return kExitOk;
}

int RunList(const Args& args) {
  po::options_description options("options");
  options.add_options()("index", po::value<std::string>()->required(), "index directory")(
      "format", po::value<std::string>()->default_value("text"), "text (tab-separated) or json");
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "index list", "--index DIR [--format text|json]",
          "Lists the indexed articles, sorted by id: id, source, date, sentence count, "
          "title.",
          options, "", args, &vm)) {
    return *exit;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    return Fail(
        Status::InvalidInput("index list: --format must be text or json, not '" + format + "'"));
  }
  auto reader = IndexReader::Open(vm["index"].as<std::string>());
  if (!reader.ok()) return Fail(reader.status());
  auto articles = (*reader)->ListArticles();
  if (!articles.ok()) return Fail(articles.status());
  std::cout << (format == "json" ? ArticleListJson(*articles) : ArticleListText(*articles));
  return kExitOk;
}

int RunRemove(const Args& args) {
  po::options_description options("options");
  options.add_options()("index", po::value<std::string>()->required(), "index directory")(
      "id", po::value<std::vector<std::string>>()->required(), "article id");
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "index remove", "ID... --index DIR",
          "Removes the articles with these ids and all their sentences. Fails, removing "
          "nothing, if any id is not in the index.",
          options, "id", args, &vm)) {
    return *exit;
  }
  IndexOptions index_options;
  index_options.create_if_missing = false;
  auto index = SentenceIndex::OpenForWrite(vm["index"].as<std::string>(), index_options);
  if (!index.ok()) return Fail(index.status());
  auto reader = (*index)->NewReader();
  if (!reader.ok()) return Fail(reader.status());
  const auto ids = vm["id"].as<std::vector<std::string>>();
  for (const std::string& id : ids) {  // all or nothing: check every id first
    auto article = (*reader)->GetArticle(id);
    if (!article.ok()) return Fail(article.status());
  }
  reader->reset();
  for (const std::string& id : ids) {
    Status status = (*index)->RemoveArticle(id);
    if (!status.ok()) return Fail(status);
  }
  Status status = (*index)->Commit();
  if (!status.ok()) return Fail(status);
  std::cout << "removed " << ids.size() << " article" << (ids.size() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

int RunCheck(const Args& args) {
  po::options_description options("options");
  options.add_options()("index", po::value<std::string>()->required(), "index directory");
  po::variables_map vm;
  if (auto exit =
          ParseCommandLine("index check", "--index DIR",
                           "Verifies that every indexed article is whole and prints\n"
                           "'<articles> articles, <sentences> sentences'. Exit status 1 if not.",
                           options, "", args, &vm)) {
    return *exit;
  }
  auto reader = IndexReader::Open(vm["index"].as<std::string>());
  if (!reader.ok()) return Fail(reader.status());
  Status status = (*reader)->CheckConsistency();
  if (!status.ok()) return Fail(status);
  auto stats = (*reader)->Stats();
  if (!stats.ok()) return Fail(stats.status());
  std::cout << stats->articles << " articles, " << stats->sentences << " sentences\n";
  return kExitOk;
}

}  // namespace

int RunIndex(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  const Args rest(args.begin() + 1, args.end());
  if (args[0] == "add") return RunAdd(rest);
  if (args[0] == "list") return RunList(rest);
  if (args[0] == "remove") return RunRemove(rest);
  if (args[0] == "check") return RunCheck(rest);
  std::cerr << "parallax index: unknown action '" << args[0] << "'\n" << kUsage;
  return kExitUsage;
}

}  // namespace parallax::cli
