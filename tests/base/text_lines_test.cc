#include "engine/base/text_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  EXPECT_TRUE(ForEachLine(text, [&](std::string_view line, int number) {
                out.push_back(std::to_string(number) + ":" + std::string(line));
                return Status::Ok();
              }).ok());
  return out;
}

TEST(ForEachLineTest, NumbersLinesAndDropsLineEnds) {
  EXPECT_EQ(Lines(""), std::vector<std::string>{});
  EXPECT_EQ(Lines("a\n"), std::vector<std::string>{"1:a"});
  EXPECT_EQ(Lines("a\r\n\nb"), (std::vector<std::string>{"1:a", "2:", "3:b"}));
}

TEST(ForEachLineTest, StopsAtTheFirstError) {
  int calls = 0;
  const Status status = ForEachLine("a\nb\nc\n", [&](std::string_view, int number) {
    ++calls;
    return number == 2 ? Status::InvalidInput("f:2: bad") : Status::Ok();
  });
  EXPECT_EQ(status.message(), "f:2: bad");
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace parallax
