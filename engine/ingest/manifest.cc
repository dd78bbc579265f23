#include "engine/ingest/manifest.h"

#include <filesystem>
#include <unordered_map>

#include "engine/base/file_io.h"
#include "engine/yaml/yaml_tree.h"

namespace parallax {
namespace {

StatusOr<std::string> ScalarValue(const std::string& key, const YamlNode& value) {
  if (!value.IsScalar()) return value.Error("'" + key + "' must be a single value");
  return value.scalar;
}

}  // namespace

bool IsIsoDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  int month = std::stoi(date.substr(5, 2));
  int day = std::stoi(date.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

StatusOr<Manifest> LoadManifest(const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(std::string yaml, ReadFile(path));
  return ParseManifest(yaml, path);
}

StatusOr<Manifest> ParseManifest(std::string_view yaml, const std::string& path) {
  PARALLAX_ASSIGN_OR_RETURN(YamlNode root, ParseYaml(yaml, path));
  if (!root.IsMap()) return root.Error("a manifest is a map with the key 'articles'");
  Manifest manifest;
  const YamlNode* articles = nullptr;
  for (const auto& [key, value] : root.entries) {
    if (key == "articles") {
      articles = &value;
    } else if (key == "title") {
      PARALLAX_ASSIGN_OR_RETURN(manifest.title, ScalarValue(key, value));
    } else {
      return value.Error("unknown key '" + key + "' (expected 'title' or 'articles')");
    }
  }
  if (articles == nullptr) return root.Error("manifest has no 'articles' list");
  if (!articles->IsList()) return articles->Error("'articles' must be a list");
  if (articles->items.empty()) return articles->Error("'articles' is empty: nothing to read");

  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  manifest.folder = base.empty() ? "." : base.string();
  std::unordered_map<std::string, std::string> first_seen;  // id -> where
  for (const YamlNode& item : articles->items) {
    if (!item.IsMap()) return item.Error("each article must be a map (id, source, path, …)");
    ManifestEntry e;
    e.where = item.Where();
    for (const auto& [key, value] : item.entries) {
      std::string* field = nullptr;
      if (key == "id")
        field = &e.id;
      else if (key == "source" || key == "outlet")
        field = &e.source;
      else if (key == "path")
        field = &e.path;
      else if (key == "author")
        field = &e.author;
      else if (key == "date")
        field = &e.date;
      else if (key == "url")
        field = &e.url;
      else if (key == "title")
        field = &e.title;
      else if (key == "format")
        field = &e.format;
      if (field != nullptr) {
        PARALLAX_ASSIGN_OR_RETURN(*field, ScalarValue(key, value));
      } else if (key == "tags") {
        PARALLAX_ASSIGN_OR_RETURN(e.tags, value.AsStringList());
      } else {
        return value.Error("unknown key '" + key +
                           "' (expected id, source, path, author, date, url, title, tags, format)");
      }
    }
    for (const char* required : {"id", "source", "path"}) {
      bool present = item.Find(required) != nullptr ||
                     (std::string(required) == "source" && item.Find("outlet"));
      if (!present)
        return item.Error(std::string("article is missing the required key '") + required + "'");
    }
    if (e.id.empty()) return item.Find("id")->Error("'id' is empty");
    if (e.path.empty()) return item.Find("path")->Error("'path' is empty");
    if (!e.date.empty() && !IsIsoDate(e.date)) {
      return item.Find("date")->Error("date '" + e.date + "' is not YYYY-MM-DD");
    }
    if (!e.format.empty() && e.format != "txt" && e.format != "html" && e.format != "json") {
      return item.Find("format")->Error("format '" + e.format + "' is not one of txt, html, json");
    }
    auto [it, inserted] = first_seen.emplace(e.id, e.where);
    if (!inserted)
      return item.Find("id")->Error("duplicate article id '" + e.id + "' (first at " + it->second +
                                    ")");
    std::filesystem::path p(e.path);
    e.path = (p.is_absolute() ? p : base / p).lexically_normal().string();
    manifest.articles.push_back(std::move(e));
  }
  return manifest;
}

}  // namespace parallax
