#include "engine/cli/command_line.h"

#include <iostream>

namespace parallax::cli {

std::optional<int> ParseCommandLine(const std::string& name, const std::string& synopsis,
                                    const std::string& description, po::options_description options,
                                    const std::string& positional,
                                    const std::vector<std::string>& args, po::variables_map* vm) {
  options.add_options()("help,h", "show this help and exit")(
      "data-dir", po::value<std::string>()->default_value(""),
      "folder holding lexicons/, rules/ and reports/ (default: $PARALLAX_DATA_DIR, then the "
      "installed share/parallax, then the source tree)");
  po::positional_options_description pos;
  if (!positional.empty()) pos.add(positional.c_str(), -1);
  try {
    po::store(po::command_line_parser(args).options(options).positional(pos).run(), *vm);
    if (vm->count("help")) {
      std::cout << "usage: parallax " << name << " " << synopsis << "\n\n"
                << description << "\n\n"
                << options << "\n";
      return kExitOk;
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    std::cerr << "parallax " << name << ": " << e.what() << "\n"
              << "usage: parallax " << name << " " << synopsis << "\n"
              << "Try 'parallax " << name << " --help' for more.\n";
    return kExitUsage;
  }
  return std::nullopt;
}

int Fail(const Status& status) {
  std::cerr << "parallax: " << status.message() << "\n";
  return kExitFailure;
}

}  // namespace parallax::cli
