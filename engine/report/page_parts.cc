#include "engine/report/page_parts.h"

#include "engine/report/format.h"

namespace parallax {
namespace {

struct CategoryInfo {
  std::string_view name, label, letter, description;
};

constexpr CategoryInfo kCategories[] = {
    {"hedge", "Hedge", "H", "uncertainty: may, seems, reportedly, it is believed"},
    {"booster", "Booster", "B", "certainty: clearly, undoubtedly, it is clear that"},
    {"attribution", "Attribution", "A",
     "who says it, and how the verb leans: said, claimed, revealed, according to"},
    {"evaluative", "Evaluative", "E", "loaded or judging words: desperate efforts, much hyped"},
    {"scare_quote", "Scare quote", "Q", "a short quoted phrase with no speaker"},
};

const CategoryInfo* Find(std::string_view name) {
  for (const CategoryInfo& info : kCategories) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

// "sha256:0123…" → "sha256:01234567…" for the header; the full digest stays in the title.
std::string ShortDigest(const std::string& digest) {
  const size_t colon = digest.find(':');
  const size_t keep = (colon == std::string::npos ? 0 : colon + 1) + 12;
  return digest.size() > keep + 1 ? digest.substr(0, keep) + "\xE2\x80\xA6" : digest;
}

}  // namespace

std::vector<std::string> KnownCategoryNames() {
  std::vector<std::string> names;
  for (const CategoryInfo& info : kCategories) names.emplace_back(info.name);
  return names;
}

bool IsKnownCategory(std::string_view name) { return Find(name) != nullptr; }

std::string CategoryLabel(std::string_view name) {
  const CategoryInfo* info = Find(name);
  return info ? std::string(info->label) : CleanUtf8(name);
}

std::string CategoryLetter(std::string_view name) {
  const CategoryInfo* info = Find(name);
  return info ? std::string(info->letter) : "?";
}

std::string CategoryDescription(std::string_view name) {
  const CategoryInfo* info = Find(name);
  return info ? std::string(info->description) : "a category this page has no description for";
}

void AddSummaryItem(long long n, const char* singular, const char* plural, TemplateData* data,
                    TemplateData::Ref list) {
  const TemplateData::Ref item = data->AddObject(list);
  data->Set(item, "n", FormatCount(n));
  data->Set(item, "word", n == 1 ? singular : plural);
}

void AddProvenance(const std::string& title, const std::string& version,
                   const std::string& lexicon_digest, const std::string& rules_digest,
                   const std::optional<std::string>& generated_at, TemplateData* data) {
  constexpr TemplateData::Ref kRoot = TemplateData::kRoot;
  data->Set(kRoot, "title", CleanUtf8(title));
  data->Set(kRoot, "version", CleanUtf8(version.empty() ? "unknown" : version));
  data->Set(kRoot, "lexicon_digest", CleanUtf8(lexicon_digest.empty() ? "none" : lexicon_digest));
  data->Set(kRoot, "lexicon_digest_short",
            CleanUtf8(ShortDigest(lexicon_digest.empty() ? "none" : lexicon_digest)));
  data->Set(kRoot, "rules_digest", CleanUtf8(rules_digest.empty() ? "none" : rules_digest));
  data->Set(kRoot, "rules_digest_short",
            CleanUtf8(ShortDigest(rules_digest.empty() ? "none" : rules_digest)));
  data->SetBool(kRoot, "has_generated_at", generated_at.has_value());
  data->Set(kRoot, "generated_at", CleanUtf8(generated_at.value_or("")));
}

}  // namespace parallax
