#include "engine/yaml/yaml_tree.h"

#include <gtest/gtest.h>

#include "tests/testutil.h"

namespace parallax {
namespace {

TEST(YamlTreeTest, KeepsStructureOrderAndPositions) {
  auto root = ParseYaml("b: 1\na:\n  - x\n  - {k: v}\n", "t.yaml");
  ASSERT_OK(root);
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
  ASSERT_OK(root);
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
  ASSERT_OK(root);
  EXPECT_TRUE(root->IsNull());
}

TEST(YamlTreeTest, MissingFileIsNotFound) {
  auto root = LoadYamlFile("/nonexistent/parallax.yaml");
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().code(), Status::Code::kNotFound);
}

// Reliability probe, defect 11: a key given twice was accepted silently, and the loader kept
// one of the two values (a manifest's first `articles:` list was dropped; a second
// `drop_lines:` disabled every earlier boilerplate rule).
TEST(YamlTreeTest, Issue19DuplicateKeysAreAnErrorWithLineAndColumn) {
  struct Case {
    std::string yaml;
    std::string message;
  };
  const Case cases[] = {
      {"articles:\n  - {id: a}\ntitle: t\narticles:\n  - {id: b}\n",
       "m.yaml:4:1: duplicate key 'articles' (first at m.yaml:1:1); give each key once"},
      {"articles:\n  - id: a\n    path: a.txt\n    path: /etc/passwd\n",
       "m.yaml:4:5: duplicate key 'path' (first at m.yaml:3:5)"},
      {"{a: 1, b: 2, a: 3}\n", "m.yaml:1:14: duplicate key 'a' (first at m.yaml:1:2)"},
  };
  for (const Case& c : cases) {
    auto root = ParseYaml(c.yaml, "m.yaml");
    ASSERT_FALSE(root.ok()) << c.yaml;
    EXPECT_NE(root.status().message().find(c.message), std::string::npos)
        << root.status().message();
  }
  // The same key in different maps is fine.
  auto ok = ParseYaml("- {id: a, path: x}\n- {id: b, path: y}\n", "m.yaml");
  EXPECT_OK(ok);
}

}  // namespace
}  // namespace parallax
