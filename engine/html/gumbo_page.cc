#include "engine/html/gumbo_page.h"

#include <algorithm>
#include <cstdlib>

namespace parallax {

struct GumboPage::Chunk {
  Chunk* previous;
};

namespace {
constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kChunkBytes = 1u << 20;
constexpr size_t kHeader = (sizeof(void*) + kAlign - 1) / kAlign * kAlign;
}  // namespace

GumboPage::~GumboPage() {
  while (chunks_ != nullptr) {
    Chunk* previous = chunks_->previous;
    std::free(chunks_);
    chunks_ = previous;
  }
}

void* GumboPage::Allocate(void* self, size_t size) {
  auto* page = static_cast<GumboPage*>(self);
  size = std::max<size_t>((size + kAlign - 1) / kAlign * kAlign, kAlign);
  page->used_ += size;
  if (page->used_ > page->budget_) std::longjmp(page->over_budget_, 1);
  if (size > page->left_) {
    size_t bytes = std::max(kChunkBytes, size + kHeader);
    auto* chunk = static_cast<Chunk*>(std::malloc(bytes));
    if (chunk == nullptr) std::longjmp(page->over_budget_, 1);
    chunk->previous = page->chunks_;
    page->chunks_ = chunk;
    page->next_ = reinterpret_cast<char*>(chunk) + kHeader;
    page->left_ = bytes - kHeader;
  }
  void* p = page->next_;
  page->next_ += size;
  page->left_ -= size;
  return p;
}

// gumbo frees little before the end of a parse (about a tenth of what it allocates), so freed
// blocks are not reused.
void GumboPage::Deallocate(void*, void*) {}

GumboOutput* GumboPage::ParseOrJump(const GumboOptions* options, std::string_view html) {
  if (setjmp(over_budget_) != 0) return nullptr;
  return gumbo_parse_with_options(options, html.data(), html.size());
}

bool GumboPage::Parse(std::string_view html, size_t memory_budget) {
  budget_ = memory_budget;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboPage::Allocate;
  options.deallocator = &GumboPage::Deallocate;
  options.userdata = this;
  options.max_errors = 0;  // parse errors are not reported, so need not be kept
  output_ = ParseOrJump(&options, html);
  return output_ != nullptr;
}

}  // namespace parallax
