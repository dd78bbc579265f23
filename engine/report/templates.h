// Template files and mustache rendering through kainjow mustache, for the batch index page.
// The report page renders with CompiledTemplate (compiled_template.h), which parses each
// template once and matches kainjow's output byte for byte.
//
// Templates live in reports/templates (see its README.md) and are read at every render, so
// editing them changes the next report without a rebuild. Mustache's `{{name}}` escapes
// & < > " ' for HTML; the renderers use triple braces only for the CSS and script read from the
// same directory and for numbers they format themselves.
//
// Thread safety: pure functions apart from file reads.
#ifndef PARALLAX_ENGINE_REPORT_TEMPLATES_H_
#define PARALLAX_ENGINE_REPORT_TEMPLATES_H_

#include <map>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace kainjow::mustache {
template <typename string_type>
class basic_data;
}  // namespace kainjow::mustache

namespace parallax {

// Returns the contents of `files` in `dir`, keyed by file name. NotFound names the missing file
// and says where templates are looked for. Refuses (InvalidInput) a .css or .js file holding
// "</style" or "</script", which would end the inline block early.
StatusOr<std::map<std::string, std::string>> LoadTemplates(const std::string& dir,
                                                           const std::vector<std::string>& files);

// Renders template `name` (its text in `templates`) with `data` (taken by value: partials
// are added to it). Partials `{{> x}}` are
// looked up as "x.mustache" in `templates`. Returns InvalidInput naming the template when
// mustache cannot parse it or one of its partials.
StatusOr<std::string> RenderTemplate(const std::map<std::string, std::string>& templates,
                                     const std::string& name,
                                     kainjow::mustache::basic_data<std::string> data);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_TEMPLATES_H_
