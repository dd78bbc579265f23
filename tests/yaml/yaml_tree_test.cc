#include "engine/yaml/yaml_tree.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(YamlTreeTest, KeepsStructureOrderAndPositions) {
  auto root = ParseYaml("b: 1\na:\n  - x\n  - {k: v}\n", "t.yaml");
  ASSERT_TRUE(root.ok()) << root.status().message();
  ASSERT_TRUE(root->IsMap());
  ASSERT_EQ(root->entries.size(), 2u);
  EXPECT_EQ(root->entries[0].first, "b");
  const YamlNode* a = root->Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->IsList());
  EXPECT_EQ(a->items[0].scalar, "x");
  EXPECT_EQ(a->items[0].Where(), "t.yaml:3:5");
  EXPECT_EQ(a->items[1].Find("k")->scalar, "v");
  EXPECT_EQ(root->Find("missing"), nullptr);
}

TEST(YamlTreeTest, MalformedYamlNamesFileLineAndColumn) {
  auto root = ParseYaml("articles:\n  - id: a\n    path: [unclosed\n", "corpus.yaml");
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().message().rfind("corpus.yaml:", 0), 0u) << root.status().message();
  EXPECT_NE(root.status().message().find("malformed YAML"), std::string::npos);
}

TEST(YamlTreeTest, RefusesAliasBombs) {
  // "Billion laughs": each level repeats the previous one ten times.
  std::string doc = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'i'; ++c) {
    std::string name(1, c);
    doc += name + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) doc += (i ? ", *" : "*") + prev;
    doc += "]\n";
    prev = name;
  }
  auto root = ParseYaml(doc, "bomb.yaml");
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.status().message().find("alias bomb"), std::string::npos)
      << root.status().message();
}

TEST(YamlTreeTest, RefusesDeepNesting) {
  std::string doc(200, '[');
  doc += std::string(200, ']');
  auto root = ParseYaml(doc, "deep.yaml");
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.status().message().find("nesting deeper"), std::string::npos)
      << root.status().message();
}

TEST(YamlTreeTest, ScalarConversions) {
  auto root = ParseYaml("n: 0.25\nb: yes\nl: [a, b]\ns: word\nbad: x1\n", "t.yaml");
  ASSERT_TRUE(root.ok());
  EXPECT_DOUBLE_EQ(*root->Find("n")->AsDouble(), 0.25);
  EXPECT_TRUE(*root->Find("b")->AsBool());
  EXPECT_EQ(*root->Find("l")->AsStringList(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(*root->Find("s")->AsStringList(), (std::vector<std::string>{"word"}));
  auto bad = root->Find("bad")->AsDouble();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "t.yaml:5:6: expected a number, got 'x1'");
}

TEST(YamlTreeTest, EmptyDocumentIsNull) {
  auto root = ParseYaml("", "empty.yaml");
  ASSERT_TRUE(root.ok());
  EXPECT_TRUE(root->IsNull());
}

TEST(YamlTreeTest, MissingFileIsNotFound) {
  auto root = LoadYamlFile("/nonexistent/parallax.yaml");
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace parallax
