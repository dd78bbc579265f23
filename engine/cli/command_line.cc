#include "engine/cli/command_line.h"

#include <chrono>
#include <ctime>
#include <iostream>

#include "engine/base/data_dir.h"

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

int UsageFail(const std::string& name, const Status& status) {
  std::cerr << "parallax " << name << ": " << status.message() << "\n"
            << "Try 'parallax " << name << " --help' for more.\n";
  return kExitUsage;
}

std::optional<int> CheckThreads(const std::string& name, const po::variables_map& vm) {
  const int threads = vm["threads"].as<int>();
  if (threads >= 0 && threads <= kMaxThreads) return std::nullopt;
  return UsageFail(
      name, Status::InvalidInput("--threads must be between 0 (one per core) and " +
                                 std::to_string(kMaxThreads) + ", not " + std::to_string(threads)));
}

void AddAllowOutsidePathsOption(po::options_description* options) {
  options->add_options()("allow-outside-paths", po::bool_switch(),
                         "let manifests name files outside their own folder (absolute paths, "
                         "'..'); only for manifests you trust");
}

StatusOr<Resources> LoadCommandResources(const po::variables_map& vm, const ResourceParts& parts) {
  PARALLAX_ASSIGN_OR_RETURN(std::string data_dir, FindDataDir(vm["data-dir"].as<std::string>()));
  return LoadResources(data_dir, parts);
}

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace parallax::cli
