// The subcommands of the `parallax` executable. Each takes the arguments after its name and
// returns the process exit status: 0 on success, 1 when the input or the work failed (the
// message has been printed to stderr), 2 on a usage error.
//
// This folder is the only user of Boost.Program_options. Commands parse flags into the
// options structs of the library modules, call them, and print the Status they return.
#ifndef PARALLAX_ENGINE_CLI_COMMANDS_H_
#define PARALLAX_ENGINE_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace parallax::cli {

using Args = std::vector<std::string>;

int RunMark(const Args& args);
int RunIndex(const Args& args);
int RunSearch(const Args& args);
int RunSimilarity(const Args& args);
int RunReport(const Args& args);
int RunBatch(const Args& args);

}  // namespace parallax::cli

#endif  // PARALLAX_ENGINE_CLI_COMMANDS_H_
