// parallax mark: sentences and their language marks, one JSON object per sentence.
#include <iostream>
#include <iterator>

#include "engine/base/file_io.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"
#include "engine/ingest/article_reader.h"
#include "engine/ingest/text_check.h"
#include "engine/lexicon/mark_json.h"
#include "engine/pipeline/corpus.h"
#include "engine/pipeline/marking.h"
#include "engine/segment/quotes.h"

namespace parallax::cli {
namespace {

// --lines: each input line is one sentence, unsplit; empty lines give empty sentences so that
// output line i always answers input line i.
Corpus LinesCorpus(std::string text) {
  Article article;
  article.id = "stdin";
  article.source = "stdin";
  article.text = std::move(text);
  std::vector<Sentence> sentences;
  size_t pos = 0;
  while (pos < article.text.size()) {
    size_t nl = article.text.find('\n', pos);
    if (nl == std::string::npos) nl = article.text.size();
    size_t end = nl;
    if (end > pos && article.text[end - 1] == '\r') --end;
    Sentence s;
    s.index = static_cast<int>(sentences.size());
    s.paragraph = s.index;
    s.span = Span{pos, end};
    s.quotes = FindQuotes(article.text, s.span);
    article.paragraphs.push_back({s.span, false});
    sentences.push_back(std::move(s));
    pos = nl + 1;
  }
  Corpus corpus;
  corpus.articles.push_back(std::move(article));
  corpus.sentences.push_back(std::move(sentences));
  corpus.stories.push_back("");
  return corpus;
}

std::string ReadStdin() {
  return std::string((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
}

}  // namespace

int RunMark(const Args& args) {
  po::options_description options("options");
  options.add_options()("input", po::value<std::string>()->default_value("-"),
                        "article file (.txt, .html, .json) or - for standard input")(
      "lines", po::bool_switch(), "take each input line as one sentence, unsplit")(
      "format", po::value<std::string>()->default_value("jsonl"), "output format: jsonl or text")(
      "threads", po::value<int>()->default_value(0), "worker threads (0: one per core)");
  po::variables_map vm;
  if (auto exit = ParseCommandLine("mark", "[FILE|-] [--lines] [--format jsonl|text]",
                                   "Splits an article into sentences and marks hedges, boosters, "
                                   "attribution (with source and\n"
                                   "stance), evaluative words and scare quotes. Prints one JSON "
                                   "object per sentence with byte\n"
                                   "offsets into the input text.",
                                   options, "input", args, &vm)) {
    return *exit;
  }
  if (auto exit = CheckThreads("mark", vm)) return *exit;
  const std::string input = vm["input"].as<std::string>();
  const std::string format = vm["format"].as<std::string>();
  if (format != "jsonl" && format != "text") {
    std::cerr << "parallax mark: --format must be jsonl or text\n";
    return kExitUsage;
  }
  ResourceParts parts;
  parts.alignment = parts.aliases = parts.provenance = false;
  auto resources = LoadCommandResources(vm, parts);
  if (!resources.ok()) return Fail(resources.status());
  CorpusOptions corpus_options;
  corpus_options.threads = vm["threads"].as<int>();

  StatusOr<Corpus> corpus = Status::Internal("not read");
  std::vector<std::string> warnings;
  if (vm["lines"].as<bool>()) {
    // One sentence per line: only the encoding checks of ingest apply, no boilerplate rules.
    StatusOr<std::string> text =
        input == "-" ? StatusOr<std::string>(ReadStdin()) : ReadFile(input);
    if (!text.ok()) return Fail(text.status());
    const std::string name = input == "-" ? "<stdin>" : input;
    if (Status s = CheckAndRepairText(name, &*text, &warnings); !s.ok()) return Fail(s);
    corpus = LinesCorpus(std::move(*text));
  } else if (input == "-") {
    ArticleReader reader(*resources->boilerplate, ReadOptions());
    auto article = reader.FromText(ReadStdin(), "stdin", "<stdin>");
    if (!article.ok()) return Fail(article.status());
    std::vector<Article> articles;
    articles.push_back(std::move(*article));
    corpus = SplitArticles(std::move(articles), *resources, corpus_options);
  } else {
    corpus = LoadCorpus({input}, *resources, corpus_options);
  }
  if (!corpus.ok()) return Fail(corpus.status());
  for (const Article& a : corpus->articles)
    warnings.insert(warnings.end(), a.warnings.begin(), a.warnings.end());
  for (const std::string& w : warnings) std::cerr << "parallax: warning: " << w << "\n";
  CorpusMarks marks = MarkCorpus(*corpus, *resources->marker, corpus_options.threads);

  std::string out;
  for (size_t a = 0; a < corpus->articles.size(); ++a) {
    const Article& article = corpus->articles[a];
    for (size_t s = 0; s < corpus->sentences[a].size(); ++s) {
      const Sentence& sentence = corpus->sentences[a][s];
      out += format == "text"
                 ? SentenceMarksText(article.text, sentence, marks[a][s])
                 : SentenceMarksJsonLine(article.id, article.text, sentence, marks[a][s]);
    }
  }
  std::cout << out;
  std::cout.flush();
  return std::cout.good() ? kExitOk : Fail(Status::IoError("cannot write to standard output"));
}

}  // namespace parallax::cli
