#include "engine/align/word_forms.h"

#include <cstring>

namespace parallax {

std::string FormId(std::string_view norm, bool is_number, uint64_t number_key) {
  std::string id(norm);
  if (is_number) {
    char bytes[sizeof number_key];
    std::memcpy(bytes, &number_key, sizeof number_key);
    id.push_back('\0');
    id.append(bytes, sizeof bytes);
  }
  return id;
}

const WordForm* WordForms::Find(std::string_view id) const {
  auto it = main_.find(id);
  return it == main_.end() ? nullptr : &it->second;
}

WordForm* WordForms::Insert(const std::string& id, bool* inserted) {
  auto [it, is_new] = main_.try_emplace(id);
  *inserted = is_new;
  return &it->second;
}

const WordForm* WordForms::FindOrAdd(std::string_view id,
                                     const std::function<void(WordForm*)>& fill) {
  if (const WordForm* form = Find(id)) return form;
  std::lock_guard lock(overflow_mutex_);
  auto it = overflow_.find(id);
  if (it != overflow_.end()) return &it->second;
  WordForm* form = &overflow_.try_emplace(std::string(id)).first->second;
  fill(form);
  return form;
}

std::vector<WordForm*> WordForms::MainForms() {
  std::vector<WordForm*> out;
  out.reserve(main_.size());
  for (auto& [id, form] : main_) out.push_back(&form);
  return out;
}

}  // namespace parallax
