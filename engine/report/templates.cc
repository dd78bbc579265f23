#include "engine/report/templates.h"

#include "engine/base/file_io.h"

namespace parallax {
namespace {

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

}  // namespace parallax
