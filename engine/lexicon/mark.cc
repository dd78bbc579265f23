#include "engine/lexicon/mark.h"

namespace parallax {
namespace {

constexpr std::string_view kCategoryNames[kNumMarkCategories] = {"hedge", "booster", "attribution",
                                                                 "evaluative", "scare_quote"};

}  // namespace

std::string_view CategoryName(MarkCategory category) {
  return kCategoryNames[static_cast<int>(category)];
}

bool ParseCategory(std::string_view name, MarkCategory* category) {
  for (int i = 0; i < kNumMarkCategories; ++i) {
    if (kCategoryNames[i] == name) {
      *category = static_cast<MarkCategory>(i);
      return true;
    }
  }
  return false;
}

}  // namespace parallax
