// Replays every seed input (tests/fuzz/corpus/<target>/) and every saved crash input
// (tests/fuzz/regressions/<target>/) through its fuzz target in the regular build, so that a
// crash once found stays a regression test. Each target's LLVMFuzzerTestOneInput is compiled
// under the name ParallaxFuzz_<target> (see CMakeLists.txt); a crash or a failed FUZZ_CHECK
// aborts this test, after naming the input on stderr.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#define X(name) extern "C" int ParallaxFuzz_##name(const uint8_t* data, size_t size);
PARALLAX_FUZZ_TARGET_LIST
#undef X

namespace parallax {
namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  int (*run)(const uint8_t*, size_t);
};

const Target kTargets[] = {
#define X(name) {#name, ParallaxFuzz_##name},
    PARALLAX_FUZZ_TARGET_LIST
#undef X
};

// The files of `dir` in name order; none when it does not exist.
std::vector<fs::path> Inputs(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().filename().string()[0] != '.')
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class FuzzReplayTest : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplayTest, SeedsAndSavedCrashesRunCleanly) {
  const fs::path root = fs::path(PARALLAX_SOURCE_DIR) / "tests" / "fuzz";
  const std::string name = GetParam().name;
  std::vector<fs::path> seeds = Inputs(root / "corpus" / name);
  // Every target ships seeds: without them the fuzzer starts blind and this test replays nothing.
  ASSERT_FALSE(seeds.empty()) << "no seed inputs in " << (root / "corpus" / name);
  std::vector<fs::path> inputs = seeds;
  for (const fs::path& p : Inputs(root / "regressions" / name)) inputs.push_back(p);
  for (const fs::path& p : inputs) {
    std::fprintf(stderr, "replaying %s\n", p.c_str());
    std::string bytes = Slurp(p);
    EXPECT_EQ(GetParam().run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0) << p;
  }
  std::fprintf(stderr, "%s: %zu inputs replayed\n", name.c_str(), inputs.size());
}

INSTANTIATE_TEST_SUITE_P(AllTargets, FuzzReplayTest, ::testing::ValuesIn(kTargets),
                         [](const ::testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace parallax
