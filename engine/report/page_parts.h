// Pieces shared by the report page and the batch index page: how each mark category is named,
// lettered and described, and the summary items and provenance block (version, digests, time)
// both pages show.
//
// Internal to the report module.
#ifndef PARALLAX_ENGINE_REPORT_PAGE_PARTS_H_
#define PARALLAX_ENGINE_REPORT_PAGE_PARTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/compiled_template.h"

namespace parallax {

// The five categories of marks (hedge, booster, attribution, evaluative, scare quote), in legend
// order.
std::vector<std::string> KnownCategoryNames();
bool IsKnownCategory(std::string_view name);

// "Hedge", "Scare quote", …; an unknown name is shown as it is.
std::string CategoryLabel(std::string_view name);
// The letter badge that tells categories apart without colour: H, B, A, E, Q; "?" otherwise.
std::string CategoryLetter(std::string_view name);
// One line for the legend.
std::string CategoryDescription(std::string_view name);

// Appends to `list` of `data` a summary item for the page header: {n: "12", word: "articles"}
// ("1 article").
void AddSummaryItem(long long n, const char* singular, const char* plural, TemplateData* data,
                    TemplateData::Ref list);

// Sets title, version, lexicon/rules digests and generated_at (only when given) on the root
// object of `data`.
void AddProvenance(const std::string& title, const std::string& version,
                   const std::string& lexicon_digest, const std::string& rules_digest,
                   const std::optional<std::string>& generated_at, TemplateData* data);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_PAGE_PARTS_H_
