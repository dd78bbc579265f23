// YamlTree: YAML documents (manifests, lexicons, rules) read into a plain tree that remembers
// where each node stood in its file.
//
// This is the only module that uses yaml-cpp. Loaders elsewhere walk a YamlNode and report
// problems as "<file>:<line>:<column>: <what>" through YamlNode::Where().
//
// Guards against hostile files: a document that expands (through aliases) to more than
// kMaxYamlNodes nodes or nests deeper than kMaxYamlDepth is refused with a clear error, so a
// "billion laughs" file cannot exhaust memory and a deeply nested one cannot exhaust the stack.
// A key given twice in one map is an error naming both places: yaml-cpp would keep both, and a
// loader taking one of them would silently drop the other (a manifest's first `articles:`
// list, a rules file's earlier `drop_lines:`).
//
// Thread safety: a YamlNode is an immutable value once loaded.
#ifndef PARALLAX_ENGINE_YAML_YAML_TREE_H_
#define PARALLAX_ENGINE_YAML_YAML_TREE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

inline constexpr size_t kMaxYamlNodes = 2'000'000;
inline constexpr int kMaxYamlDepth = 64;

struct YamlNode {
  enum class Kind { kNull, kScalar, kList, kMap };

  // Declared here and defaulted below the class: `entries` holds pairs of YamlNode, and clang
  // (with libstdc++) refuses to define the implicit members while YamlNode is incomplete.
  YamlNode();
  ~YamlNode();
  YamlNode(const YamlNode&);
  YamlNode(YamlNode&&) noexcept;
  YamlNode& operator=(const YamlNode&);
  YamlNode& operator=(YamlNode&&) noexcept;

  Kind kind = Kind::kNull;
  std::string scalar;                                     // kScalar
  std::vector<YamlNode> items;                            // kList
  std::vector<std::pair<std::string, YamlNode>> entries;  // kMap, in file order
  std::string file;                                       // for messages
  int line = 0;                                           // 1-based; 0 when unknown
  int column = 0;                                         // 1-based

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsList() const { return kind == Kind::kList; }
  bool IsMap() const { return kind == Kind::kMap; }

  // Returns the value of `key` in a map, or nullptr when absent (or when this is not a map).
  const YamlNode* Find(std::string_view key) const;

  // "<file>:<line>:<column>"
  std::string Where() const;

  // Status::InvalidInput("<file>:<line>:<column>: <message>").
  Status Error(const std::string& message) const;

  // Reads a scalar as a bool ("true"/"false"/"yes"/"no") or a number; errors name the node.
  StatusOr<bool> AsBool() const;
  StatusOr<double> AsDouble() const;
  // A scalar, or a list of scalars, as strings.
  StatusOr<std::vector<std::string>> AsStringList() const;
};

inline YamlNode::YamlNode() = default;
inline YamlNode::~YamlNode() = default;
inline YamlNode::YamlNode(const YamlNode&) = default;
inline YamlNode::YamlNode(YamlNode&&) noexcept = default;
inline YamlNode& YamlNode::operator=(const YamlNode&) = default;
inline YamlNode& YamlNode::operator=(YamlNode&&) noexcept = default;

// Parses YAML text; `file` names it in messages. An empty document is a kNull node.
StatusOr<YamlNode> ParseYaml(std::string_view text, const std::string& file);

// Reads and parses a YAML file.
StatusOr<YamlNode> LoadYamlFile(const std::string& path);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_YAML_YAML_TREE_H_
