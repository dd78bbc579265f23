// parallax: compare how outlets report the same events. Dispatches to a subcommand.
#include <iostream>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "engine/cli/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const parallax::cli::Args&);
  const char* summary;
};

// Keep in the order a new user meets them.
const Command kCommands[] = {
    {"report", parallax::cli::RunReport,
     "compare the sources of the inputs: one HTML report (+ JSON, CSV)"},
    {"batch", parallax::cli::RunBatch,
     "many stories: group articles into stories, one report each, an index page"},
    {"mark", parallax::cli::RunMark,
     "split text into sentences and mark hedges, attribution, loaded words (JSONL)"},
    {"index", parallax::cli::RunIndex,
     "add articles to a lasting sentence index; list, remove, check"},
    {"search", parallax::cli::RunSearch,
     "search an index: sentences grouped by source, matches highlighted"},
    {"similarity", parallax::cli::RunSimilarity,
     "score sentence pairs (TSV) for similarity in [0, 1]"},
};

void PrintUsage(std::ostream& out) {
  out << "usage: parallax COMMAND [OPTIONS] [ARGS]\n\n"
         "Compare how different outlets report the same events.\n\ncommands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    name.resize(12, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nRun 'parallax COMMAND --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "parallax " << PARALLAX_VERSION << "\n";
    return 0;
  }
  for (const Command& c : kCommands) {
    if (name != c.name) continue;
    // The library returns Status values; what can still escape is running out of memory or
    // of threads. Caught here, the run ends with a message and status 1 (unwinding first, so
    // that the writers of unfinished outputs remove their temporary files) rather than abort
    // with a core dump.
    try {
      return c.run(parallax::cli::Args(argv + 2, argv + argc));
    } catch (const std::bad_alloc&) {
      std::cerr << "parallax: out of memory (the inputs are too large for the memory this "
                   "process may use; try fewer articles or --threads 1)\n";
    } catch (const std::system_error& e) {
      std::cerr << "parallax: " << e.what()
                << (e.code() == std::errc::resource_unavailable_try_again
                        ? " (cannot start more threads; try a smaller --threads)"
                        : "")
                << "\n";
    } catch (const std::exception& e) {
      std::cerr << "parallax: internal error: " << e.what() << "\n";
    }
    return 1;
  }
  std::cerr << "parallax: unknown command '" << name << "'\n";
  PrintUsage(std::cerr);
  return 2;
}
