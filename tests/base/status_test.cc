#include "engine/base/status.h"

#include <gtest/gtest.h>

#include "tests/testutil.h"

namespace parallax {
namespace {

StatusOr<int> ParsePositive(int v) {
  if (v <= 0) return Status::InvalidInput("not positive: " + std::to_string(v));
  return v;
}

Status Doubled(int v, int* out) {
  PARALLAX_ASSIGN_OR_RETURN(int x, ParsePositive(v));
  *out = 2 * x;
  return Status::Ok();
}

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_OK(s);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, NamedFactoriesCarryCodeAndMessage) {
  Status s = Status::NotFound("corpus.yaml: no such file");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.message(), "corpus.yaml: no such file");
}

TEST(StatusTest, WithContextPrefixesErrorsAndLeavesOkAlone) {
  EXPECT_EQ(Status::IoError("disk full").WithContext("index").message(), "index: disk full");
  EXPECT_OK(Status::Ok().WithContext("index"));
}

TEST(StatusOrTest, AssignOrReturnPropagatesErrors) {
  int out = 0;
  EXPECT_OK(Doubled(4, &out));
  EXPECT_EQ(out, 8);
  Status s = Doubled(-1, &out);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "not positive: -1");
}

}  // namespace
}  // namespace parallax
