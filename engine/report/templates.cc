#include "engine/report/templates.h"

#include <kainjow/mustache.hpp>

#include "engine/base/file_io.h"

namespace parallax {
namespace {

namespace mustache = kainjow::mustache;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool ContainsNoCase(const std::string& haystack, const std::string& needle) {
  std::string lower = haystack;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower.find(needle) != std::string::npos;
}

}  // namespace

StatusOr<std::map<std::string, std::string>> LoadTemplates(const std::string& dir,
                                                           const std::vector<std::string>& files) {
  std::map<std::string, std::string> templates;
  for (const std::string& file : files) {
    const std::string path = dir + "/" + file;
    StatusOr<std::string> text = ReadFile(path);
    if (!text.ok()) {
      return text.status().WithContext("report template '" + file +
                                       "' (templates are read from reports/templates in the data "
                                       "directory)");
    }
    if ((EndsWith(file, ".css") && ContainsNoCase(*text, "</style")) ||
        (EndsWith(file, ".js") && ContainsNoCase(*text, "</script"))) {
      return Status::InvalidInput(path +
                                  ": holds a closing </style> or </script> tag, which would "
                                  "end the inline block early");
    }
    templates.emplace(file, std::move(text).value());
  }
  return templates;
}

StatusOr<std::string> RenderTemplate(const std::map<std::string, std::string>& templates,
                                     const std::string& name, mustache::data data) {
  auto it = templates.find(name);
  if (it == templates.end()) return Status::Internal("report template '" + name + "' not loaded");
  // Partials are checked up front: kainjow stops rendering at a bad partial without saying why.
  for (const auto& [file, text] : templates) {
    if (!EndsWith(file, ".mustache") || file == name) continue;
    mustache::mustache partial(text);
    if (!partial.is_valid()) {
      return Status::InvalidInput("report template '" + file + "': " + partial.error_message());
    }
    const std::string partial_name = file.substr(0, file.size() - std::string(".mustache").size());
    const std::string* partial_text = &text;
    data.set(partial_name, mustache::partial([partial_text] { return *partial_text; }));
  }
  mustache::mustache tmpl(it->second);
  if (!tmpl.is_valid()) {
    return Status::InvalidInput("report template '" + name + "': " + tmpl.error_message());
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return Status::InvalidInput("report template '" + name + "': " + tmpl.error_message());
  }
  return out;
}

}  // namespace parallax
