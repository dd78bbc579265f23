// IndexReader's state, shared by the writer (which hands out readers over its own database) and
// the reader. Internal to engine/index.
#ifndef PARALLAX_ENGINE_INDEX_READER_IMPL_H_
#define PARALLAX_ENGINE_INDEX_READER_IMPL_H_

#include <xapian.h>

#include "engine/index/sentence_index.h"

namespace parallax {

struct IndexReader::Impl {
  explicit Impl(Xapian::Database database) : db(std::move(database)) {}

  Xapian::Database db;
  // True when `db` is a writer's handle (NewReader): it cannot be reopened, and needs not be.
  bool shared_with_writer = false;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_READER_IMPL_H_
