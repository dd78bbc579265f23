// Helpers shared by the subcommands: Boost.Program_options parsing with uniform usage errors
// and --help, and printing a Status.
#ifndef PARALLAX_ENGINE_CLI_COMMAND_LINE_H_
#define PARALLAX_ENGINE_CLI_COMMAND_LINE_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/pipeline/resources.h"

namespace parallax::cli {

namespace po = boost::program_options;

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The most worker threads a command takes (--threads). More than this is a typo or an attack
// on the machine: each thread costs a stack, and 99999999 of them aborted the run.
inline constexpr int kMaxThreads = 1024;

// Parses `args` for the command `name` into *vm. Adds --help and --data-dir to `options`.
// `positional` names the option that collects positional arguments (or empty for none).
// Returns nullopt when the caller should go on, else the exit status to return (0 after
// printing help, 2 after printing a usage error).
std::optional<int> ParseCommandLine(const std::string& name, const std::string& synopsis,
                                    const std::string& description, po::options_description options,
                                    const std::string& positional,
                                    const std::vector<std::string>& args, po::variables_map* vm);

// Prints "parallax: <message>" to stderr and returns kExitFailure.
int Fail(const Status& status);

// Prints "parallax <name>: <message>" and the usage hint to stderr and returns kExitUsage: for
// arguments that are wrong before any work is done (colliding outputs, say).
int UsageFail(const std::string& name, const Status& status);

// Returns nullopt when the option "threads" of `vm` is between 0 (one per core) and
// kMaxThreads, else prints a usage error for the command `name` and returns kExitUsage.
std::optional<int> CheckThreads(const std::string& name, const po::variables_map& vm);

// The "--allow-outside-paths" switch of the commands that read manifests.
void AddAllowOutsidePathsOption(po::options_description* options);

// Finds the data directory (--data-dir of `vm`, else base/data_dir.h's lookup) and loads the
// parts of it the command needs.
StatusOr<Resources> LoadCommandResources(const po::variables_map& vm,
                                         const ResourceParts& parts = {});

// The time now in UTC, "2026-12-07T14:06:13Z": what --timestamp records in a report.
std::string UtcNow();

}  // namespace parallax::cli

#endif  // PARALLAX_ENGINE_CLI_COMMAND_LINE_H_
