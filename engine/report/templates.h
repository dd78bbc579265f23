// Template files: reading the mustache templates, CSS and script the pages are rendered from.
// Both pages render them with CompiledTemplate (compiled_template.h).
//
// Templates live in reports/templates (see its README.md) and are read at every render, so
// editing them changes the next report without a rebuild. Mustache's `{{name}}` escapes
// & < > " ' for HTML; the renderers use triple braces only for the CSS and script read from the
// same directory and for numbers they format themselves.
//
// Thread safety: reads files only.
#ifndef PARALLAX_ENGINE_REPORT_TEMPLATES_H_
#define PARALLAX_ENGINE_REPORT_TEMPLATES_H_

#include <map>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

// Returns the contents of `files` in `dir`, keyed by file name. NotFound names the missing file
// and says where templates are looked for. Refuses (InvalidInput) a .css or .js file holding
// "</style" or "</script", which would end the inline block early.
StatusOr<std::map<std::string, std::string>> LoadTemplates(const std::string& dir,
                                                           const std::vector<std::string>& files);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_TEMPLATES_H_
