// GumboPage: a page parsed by gumbo inside a memory budget.
//
// gumbo allocates through a bump-pointer arena owned by the GumboPage: every node is freed at once
// when the page is destroyed (gumbo's own gumbo_destroy_output is recursive in the depth of the
// tree and is never called). When gumbo asks for more than the budget, the allocator leaves the
// parse with longjmp, which is safe here because only gumbo's C frames and the allocator lie
// between setjmp and longjmp, none holding objects with destructors; the arena then frees all
// gumbo had allocated.
//
// Thread safety: a GumboPage is not shared; distinct pages may be parsed concurrently.
#ifndef PARALLAX_ENGINE_HTML_GUMBO_PAGE_H_
#define PARALLAX_ENGINE_HTML_GUMBO_PAGE_H_

#include <gumbo.h>

#include <csetjmp>
#include <cstddef>
#include <string_view>

namespace parallax {

class GumboPage {
 public:
  GumboPage() = default;
  ~GumboPage();
  GumboPage(const GumboPage&) = delete;
  GumboPage& operator=(const GumboPage&) = delete;

  // Parses `html`, which must outlive this page (gumbo keeps pointers into it). Returns true iff
  // the parse finished within `memory_budget` bytes of gumbo allocations. REQUIRES: called once.
  bool Parse(std::string_view html, size_t memory_budget);

  // The document node; REQUIRES: Parse returned true.
  const GumboNode* document() const { return output_->document; }
  // Bytes gumbo allocated.
  size_t memory_used() const { return used_; }

 private:
  struct Chunk;

  static void* Allocate(void* self, size_t size);
  static void Deallocate(void* self, void* ptr);
  GumboOutput* ParseOrJump(const GumboOptions* options, std::string_view html);

  Chunk* chunks_ = nullptr;  // newest first
  char* next_ = nullptr;     // free space in the newest chunk
  size_t left_ = 0;
  size_t used_ = 0;
  size_t budget_ = 0;
  std::jmp_buf over_budget_;
  GumboOutput* output_ = nullptr;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_GUMBO_PAGE_H_
