// Running the real `parallax` executable from end-to-end tests (tests/cli, tests/hostile):
// the command, its exit status, and what it printed.
#ifndef PARALLAX_TESTS_PARALLAX_RUNNER_H_
#define PARALLAX_TESTS_PARALLAX_RUNNER_H_

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parallax::testing_util {

struct RunResult {
  int exit_code = -1;  // -1 when the process did not exit normally (a crash)
  std::string out;
  std::string err;
};

// Returns the bytes of the file at `path` ("" when it cannot be read).
inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `parallax ARGS` through the shell in `work_dir`, with `stdin_text` on standard input.
// Standard input, output and error go through files in `work_dir` (.in, .out, .err).
inline RunResult RunParallax(const std::string& args, const std::filesystem::path& work_dir,
                             const std::string& stdin_text = "") {
  std::filesystem::create_directories(work_dir);
  std::ofstream(work_dir / ".in", std::ios::binary) << stdin_text;
  const std::string cmd =
      "cd '" + work_dir.string() + "' && " + PARALLAX_BINARY + " " + args + " <.in >.out 2>.err";
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(work_dir / ".out");
  r.err = Slurp(work_dir / ".err");
  return r;
}

}  // namespace parallax::testing_util

#endif  // PARALLAX_TESTS_PARALLAX_RUNNER_H_
