// ParallelFor: runs fn(i) for i in [0, n) on up to `threads` threads (fewer when the system
// cannot start more; the calling thread always works too).
//
// Work is handed out one index at a time from an atomic counter, so uneven items (one long
// article among short ones) balance themselves. fn must be safe to call concurrently for
// different i; results should be written to slot i of a pre-sized vector so that the output
// does not depend on the thread count.
#ifndef PARALLAX_ENGINE_BASE_PARALLEL_FOR_H_
#define PARALLAX_ENGINE_BASE_PARALLEL_FOR_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace parallax {

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn&& fn) {
  size_t workers = std::min<size_t>(n, threads < 1 ? 1 : static_cast<size_t>(threads));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) {
    // A thread that cannot be started (a process limit, no memory for its stack) is no reason
    // to fail: the threads already running share out all the work.
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_PARALLEL_FOR_H_
