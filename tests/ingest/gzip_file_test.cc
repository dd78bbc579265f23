#include "engine/ingest/gzip_file.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "tests/ingest/ingest_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

// The reference compressor: zlib's gzip file writer, as the gzip tool would write the file.
std::string GzipWith(const testing_util::ScratchDir& dir, const std::string& name,
                     const std::string& contents) {
  std::string path = dir.Path(name);
  gzFile f = gzopen(path.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  if (!contents.empty()) {
    EXPECT_EQ(gzwrite(f, contents.data(), static_cast<unsigned>(contents.size())),
              static_cast<int>(contents.size()));
  }
  gzclose(f);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(GzipFileTest, InflatesWhatZlibCompressed) {
  testing_util::ScratchDir dir;
  const std::string cases[] = {
      "", "<p>Officials met in Islamabad on Friday.</p>",
      std::string(300000, 'x') + "tail",  // more than one output buffer
  };
  for (const std::string& c : cases) {
    std::string gz = GzipWith(dir, "a.gz", c);
    auto out = Gunzip(gz, "a.html.gz", 1u << 20);
    ASSERT_OK(out);
    EXPECT_EQ(*out, c);
  }
}

TEST(GzipFileTest, ConcatenatedMembersAreOneStream) {
  testing_util::ScratchDir dir;
  std::string gz = GzipWith(dir, "a.gz", "one ") + GzipWith(dir, "b.gz", "two");
  auto out = Gunzip(gz, "ab.gz", 1u << 20);
  ASSERT_OK(out);
  EXPECT_EQ(*out, "one two");
}

TEST(GzipFileTest, DamagedOrOversizedStreamsAreErrorsNamingTheFile) {
  testing_util::ScratchDir dir;
  std::string text;
  for (int i = 0; i < 30000; ++i) text += std::to_string(i * 7919 % 10007) + ' ';
  std::string gz = GzipWith(dir, "a.gz", text);
  std::string flipped = gz;
  flipped[gz.size() / 2] = static_cast<char>(flipped[gz.size() / 2] ^ 0x55);
  std::string bad_crc = gz;
  bad_crc[gz.size() - 6] = static_cast<char>(bad_crc[gz.size() - 6] ^ 0x01);
  struct Case {
    const char* name;
    std::string bytes;
    size_t max_bytes;
    const char* message;
  } cases[] = {
      {"not gzip", "<html>", 1u << 20, "page.html.gz: not a valid gzip file (no gzip header)"},
      {"header only", gz.substr(0, 10), 1u << 20,
       "page.html.gz: not a valid gzip file (truncated)"},
      {"truncated", gz.substr(0, gz.size() / 2), 1u << 20,
       "page.html.gz: not a valid gzip file (truncated)"},
      {"corrupt", flipped, 1u << 20, "page.html.gz: not a valid gzip file ("},
      {"bad checksum", bad_crc, 1u << 20,
       "page.html.gz: not a valid gzip file (incorrect data check)"},
      {"bomb", gz, 65536, "page.html.gz: decompresses to more than 0.1 MB"},
  };
  for (const Case& c : cases) {
    auto out = Gunzip(c.bytes, "page.html.gz", c.max_bytes);
    ASSERT_FALSE(out.ok()) << c.name;
    EXPECT_EQ(out.status().code(), Status::Code::kInvalidInput) << c.name;
    EXPECT_EQ(out.status().message().rfind(c.message, 0), 0u)
        << c.name << ": " << out.status().message();
  }
}

}  // namespace
}  // namespace parallax
