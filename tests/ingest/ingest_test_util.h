// Helpers for ingest tests: a scratch directory and the bundled rules.
#ifndef PARALLAX_TESTS_INGEST_INGEST_TEST_UTIL_H_
#define PARALLAX_TESTS_INGEST_INGEST_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/ingest/article_reader.h"
#include "engine/ingest/boilerplate.h"
#include "tests/testutil.h"

namespace parallax::testing_util {

// A fresh directory per test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            (std::string("parallax_") + info->test_suite_name() + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }

  std::string Write(const std::string& name, const std::string& contents) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }
  std::string Path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline BoilerplateRules BundledRules() {
  auto rules = BoilerplateRules::Load(std::string(PARALLAX_SOURCE_DIR) + "/rules/boilerplate.yaml");
  EXPECT_OK(rules);
  return rules.ok() ? std::move(*rules) : BoilerplateRules();
}

inline std::string SeedPath(const std::string& name) {
  return std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/" + name;
}

}  // namespace parallax::testing_util

#endif  // PARALLAX_TESTS_INGEST_INGEST_TEST_UTIL_H_
