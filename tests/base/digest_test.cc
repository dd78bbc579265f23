#include "engine/base/digest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "engine/base/file_io.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

TEST(DigestTest, Sha256MatchesFipsVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 55, 56 and 64 bytes: the padding edge cases.
  EXPECT_EQ(Sha256Hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Sha256Hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Sha256Hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

class DigestDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parallax_digest_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "sub");
    Write("a.yaml", "alpha");
    Write("sub/b.yaml", "beta");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    ASSERT_OK(WriteFileAtomically((dir_ / name).string(), text));
  }
  std::string Digest() {
    auto digest = DigestDirectory(dir_.string());
    EXPECT_OK(digest);
    return digest.ok() ? *digest : "";
  }
  std::filesystem::path dir_;
};

TEST_F(DigestDirectoryTest, ChangesIffContentOrNamesChange) {
  const std::string first = Digest();
  EXPECT_EQ(first.rfind("sha256:", 0), 0u);
  EXPECT_EQ(first.size(), 7u + 64u);
  EXPECT_EQ(Digest(), first);
  Write(".hidden", "x");
  Write("a.yaml~", "backup");
  EXPECT_EQ(Digest(), first) << "hidden files and backups must not count";
  Write("a.yaml", "alphA");
  const std::string edited = Digest();
  EXPECT_NE(edited, first);
  Write("a.yaml", "alpha");
  EXPECT_EQ(Digest(), first);
  std::filesystem::rename(dir_ / "sub" / "b.yaml", dir_ / "sub" / "c.yaml");
  EXPECT_NE(Digest(), first);
}

TEST(DigestDirectoryErrorTest, MissingDirectoryIsNotFound) {
  auto digest = DigestDirectory("/nonexistent/parallax/lexicons");
  ASSERT_FALSE(digest.ok());
  EXPECT_EQ(digest.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace parallax
