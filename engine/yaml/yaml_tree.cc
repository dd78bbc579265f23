#include "engine/yaml/yaml_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <unordered_map>

#include "engine/base/file_io.h"

namespace parallax {
namespace {

class Converter {
 public:
  explicit Converter(const std::string& file) : file_(file) {}

  Status Convert(const YAML::Node& in, int depth, YamlNode* out) {
    if (++nodes_ > kMaxYamlNodes) {
      return Status::InvalidInput(file_ + ": document expands to more than " +
                                  std::to_string(kMaxYamlNodes) +
                                  " nodes (an alias bomb?); refusing to load it");
    }
    out->file = file_;
    const YAML::Mark mark = in.Mark();
    out->line = mark.line >= 0 ? mark.line + 1 : 0;
    out->column = mark.column >= 0 ? mark.column + 1 : 0;
    if (depth > kMaxYamlDepth) {
      return out->Error("nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels");
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out->kind = YamlNode::Kind::kNull;
        return Status::Ok();
      case YAML::NodeType::Scalar:
        out->kind = YamlNode::Kind::kScalar;
        out->scalar = in.Scalar();
        return Status::Ok();
      case YAML::NodeType::Sequence:
        out->kind = YamlNode::Kind::kList;
        out->items.reserve(in.size());
        for (const YAML::Node& child : in) {
          out->items.emplace_back();
          PARALLAX_RETURN_IF_ERROR(Convert(child, depth + 1, &out->items.back()));
        }
        return Status::Ok();
      case YAML::NodeType::Map: {
        out->kind = YamlNode::Kind::kMap;
        std::unordered_map<std::string, std::string> key_lines;  // key -> where it first stood
        for (const auto& kv : in) {
          YamlNode key_node;
          key_node.file = file_;
          key_node.line = kv.first.Mark().line + 1;
          key_node.column = kv.first.Mark().column + 1;
          if (!kv.first.IsScalar()) return key_node.Error("map keys must be plain words");
          // yaml-cpp keeps both entries of a repeated key; loaders would then take the first or
          // the last one, silently losing the other (a manifest's first `articles:` list, every
          // earlier rule of a second `drop_lines:`). A repeated key is a mistake in the file.
          const auto [first, inserted] = key_lines.emplace(kv.first.Scalar(), key_node.Where());
          if (!inserted) {
            return key_node.Error("duplicate key '" + first->first + "' (first at " +
                                  first->second + "); give each key once");
          }
          out->entries.emplace_back(kv.first.Scalar(), YamlNode());
          PARALLAX_RETURN_IF_ERROR(Convert(kv.second, depth + 1, &out->entries.back().second));
        }
        return Status::Ok();
      }
    }
    return Status::Internal("unknown YAML node type");
  }

 private:
  const std::string& file_;
  size_t nodes_ = 0;
};

}  // namespace

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string YamlNode::Where() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Status YamlNode::Error(const std::string& message) const {
  return Status::InvalidInput(Where() + ": " + message);
}

StatusOr<bool> YamlNode::AsBool() const {
  if (IsScalar()) {
    if (scalar == "true" || scalar == "yes" || scalar == "True") return true;
    if (scalar == "false" || scalar == "no" || scalar == "False") return false;
  }
  return Error("expected true or false");
}

StatusOr<double> YamlNode::AsDouble() const {
  if (IsScalar() && !scalar.empty()) {
    char* end = nullptr;
    double v = std::strtod(scalar.c_str(), &end);
    if (end != nullptr && *end == '\0') return v;
  }
  return Error("expected a number, got '" + scalar + "'");
}

StatusOr<std::vector<std::string>> YamlNode::AsStringList() const {
  std::vector<std::string> out;
  if (IsScalar()) {
    out.push_back(scalar);
    return out;
  }
  if (IsList()) {
    for (const YamlNode& item : items) {
      if (!item.IsScalar()) return item.Error("expected a word or phrase");
      out.push_back(item.scalar);
    }
    return out;
  }
  if (IsNull()) return out;
  return Error("expected a word or a list of words");
}

StatusOr<YamlNode> ParseYaml(std::string_view text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; a mark of -1 means "unknown position".
    std::string where = file;
    if (e.mark.line >= 0) {
      where += ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1);
    }
    // yaml-cpp stops at about 500 levels of nesting with DeepRecursion, whose message is a
    // misleading "bad file"; say what happened instead.
    if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
      return Status::InvalidInput(where + ": YAML nested too deeply (the limit is " +
                                  std::to_string(kMaxYamlDepth) + " levels)");
    }
    return Status::InvalidInput(where + ": malformed YAML: " + e.msg);
  }
  YamlNode out;
  try {
    Converter converter(file);
    PARALLAX_RETURN_IF_ERROR(converter.Convert(root, 0, &out));
  } catch (const YAML::Exception& e) {
    return Status::InvalidInput(file + ": malformed YAML: " + e.msg);
  }
  return out;
}

StatusOr<YamlNode> LoadYamlFile(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseYaml(text, path);
}

}  // namespace parallax
