// Test helpers shared by every test binary.
//
//   ASSERT_OK(LoadResources(dir));   // fails with the status's message when not ok
//   EXPECT_OK(status) << "while indexing";
//   TempDir dir;  // removed with its contents at the end of the scope
//
// They take a Status or a StatusOr<T> and print its message on failure, which
// ASSERT_OK(x) does not (leveldb's ASSERT_LEVELDB_OK in util/testutil.h).
#ifndef PARALLAX_TESTS_TESTUTIL_H_
#define PARALLAX_TESTS_TESTUTIL_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "engine/base/status.h"
#include "tests/testutil.h"

namespace parallax::test {

inline ::testing::AssertionResult IsOk(const Status& status) {
  if (status.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "status: " << status.message();
}

template <typename T>
::testing::AssertionResult IsOk(const StatusOr<T>& value) {
  return IsOk(value.status());
}

// A fresh directory under the system temp dir, removed with its contents at destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parallax-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace parallax::test

#define ASSERT_OK(expr) ASSERT_TRUE(::parallax::test::IsOk(expr))
#define EXPECT_OK(expr) EXPECT_TRUE(::parallax::test::IsOk(expr))

#endif  // PARALLAX_TESTS_TESTUTIL_H_
