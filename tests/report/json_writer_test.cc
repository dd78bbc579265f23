// JsonWriter against its reference, nlohmann's dump(2): random documents written both ways.
#include "engine/report/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

// A random value, written to `w` and returned as the json nlohmann would dump.
Json RandomValue(std::mt19937* random, int depth, JsonWriter* w) {
  auto pick = [&](int n) { return static_cast<int>((*random)() % n); };
  const char* const strings[] = {"",
                                 "plain",
                                 "quote \" and \\ backslash",
                                 "tab\tnew\nline\r",
                                 "\x01\x08\x0c\x1f\x7f",
                                 "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D",
                                 "slash / <b>"};
  switch (pick(depth > 3 ? 6 : 8)) {
    case 0: {
      const std::string s = strings[pick(7)];
      w->String(s);
      return s;
    }
    case 1: {
      const int64_t v = static_cast<int64_t>((*random)()) - (1ll << 31);
      w->Int(v);
      return v;
    }
    case 2: {
      const uint64_t v = (*random)();
      w->Uint(v);
      return v;
    }
    case 3: {
      const double values[] = {0.0, 1.0, 0.5, 1.0 / 3, 1e21, 1e-7, -2.25, 123456.789};
      const double v = values[pick(8)];
      w->Double(v);
      return v;
    }
    case 4: {
      const bool v = pick(2) == 0;
      w->Bool(v);
      return v;
    }
    case 5:
      w->Null();
      return nullptr;
    case 6: {
      Json array = Json::array();
      w->BeginArray();
      for (int n = pick(4); n > 0; --n) array.push_back(RandomValue(random, depth + 1, w));
      w->EndArray();
      return array;
    }
    default: {
      Json object = Json::object();
      w->BeginObject();
      for (int n = pick(4); n > 0; --n) {
        std::string key = std::to_string(object.size());
        key.insert(0, 1, 'k');
        key.append(strings[pick(3)]);
        w->Key(key);
        object[key] = RandomValue(random, depth + 1, w);
      }
      w->EndObject();
      return object;
    }
  }
}

TEST(JsonWriterTest, WritesWhatDumpPrints) {
  std::mt19937 random(11);
  for (int round = 0; round < 2000; ++round) {
    for (int depth : {0, 2}) {
      std::string out;
      JsonWriter writer(&out, depth);
      const Json expected = RandomValue(&random, 0, &writer);
      // Nested `depth` levels deep: every line after the first indented 2 * depth more.
      std::string want;
      for (char c : expected.dump(2)) {
        want += c;
        if (c == '\n') want.append(2 * depth, ' ');
      }
      ASSERT_EQ(out, want) << "round " << round;
    }
  }
}

TEST(JsonWriterTest, ReplacesInvalidUtf8AndPrintsNonFiniteAsNull) {
  std::string out;
  JsonWriter writer(&out, 0);
  writer.BeginArray();
  writer.String(
      "a\xFF"
      "b\xC3");
  writer.StringOrNull("");
  writer.Double(std::nan(""));
  writer.EndArray();
  EXPECT_EQ(out,
            "[\n  \"a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\",\n  null,\n  null\n]");
}

TEST(AppendJsonStringTest, EscapesEveryControlCharacter) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string text(1, static_cast<char>(c));
    std::string out;
    AppendJsonString(text, &out);
    EXPECT_EQ(out, Json(text).dump()) << c;
  }
}

}  // namespace
}  // namespace parallax
