#include "engine/align/candidates.h"

#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>

#include "engine/base/parallel_for.h"

namespace parallax {

std::vector<CandidatePair> FindCandidates(const std::vector<SentenceFeatures>& sentences,
                                          const std::vector<uint32_t>& groups,
                                          const SimilarityModel& model,
                                          const CandidateOptions& options) {
  // Column i of C is sentence i's pruned, normalised vector; column t of X = C^T lists the
  // sentences holding term t (its postings). A sentence's row of C^T C is accumulated from the
  // postings of its terms into a dense array, in the order Eigen's sparse product adds them
  // (terms ascending), so the cosines are the same floats; Eigen's own product sorted and
  // converted each block's result, half of this stage's time.
  using Matrix = Eigen::SparseMatrix<float, Eigen::ColMajor, int64_t>;
  const size_t n = sentences.size();
  std::vector<CandidatePair> out;
  if (n == 0 || options.top_k == 0 || groups.size() != n) return out;

  double df_limit = options.max_df_fraction * static_cast<double>(model.document_count());
  if (options.max_df > 0) df_limit = std::min(df_limit, static_cast<double>(options.max_df));
  df_limit = std::max(df_limit, static_cast<double>(options.min_prune_df));
  std::vector<Eigen::Triplet<float, int64_t>> triplets;
  std::vector<std::pair<int32_t, float>> row;
  for (size_t i = 0; i < n; ++i) {
    row.clear();
    double norm = 0;
    for (const auto& [term, w] : sentences[i].vector) {
      if (model.DocumentFrequency(term) > df_limit) continue;
      row.emplace_back(term, w);
      norm += static_cast<double>(w) * w;
    }
    if (norm <= 0) continue;
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (const auto& [term, w] : row) triplets.emplace_back(term, static_cast<int64_t>(i), w * inv);
  }
  Matrix c(static_cast<int64_t>(model.vocabulary_size()), static_cast<int64_t>(n));
  c.setFromTriplets(triplets.begin(), triplets.end());
  std::vector<Eigen::Triplet<float, int64_t>>().swap(triplets);
  const Matrix x = c.transpose();

  // Row blocks are independent: each writes its own list, concatenated in block order.
  const size_t block = std::max<size_t>(1, options.block_rows);
  const size_t blocks = (n + block - 1) / block;
  std::vector<std::vector<CandidatePair>> found(blocks);
  ParallelFor(blocks, options.threads, [&](size_t b) {
    const size_t start = b * block;
    const int64_t rows = static_cast<int64_t>(std::min(block, n - start));
    // Per thread, kept across blocks: `touched` is all zero between rows (each row clears the
    // entries it set), and a sum is written before it is read, so neither is refilled.
    thread_local std::vector<float> sums;
    thread_local std::vector<char> touched;
    thread_local std::vector<uint32_t> hits;
    if (touched.size() < n) {
      touched.resize(n, 0);
      sums.resize(n);
    }
    std::vector<std::pair<float, uint32_t>> partners;
    for (int64_t r = 0; r < rows; ++r) {
      const uint32_t i = static_cast<uint32_t>(start + r);
      hits.clear();
      for (Matrix::InnerIterator term(c, static_cast<int64_t>(i)); term; ++term) {
        const float y = term.value();
        for (Matrix::InnerIterator it(x, term.index()); it; ++it) {
          const size_t j = static_cast<size_t>(it.index());
          if (!touched[j]) {
            touched[j] = 1;
            sums[j] = it.value() * y;
            hits.push_back(static_cast<uint32_t>(j));
          } else {
            sums[j] += it.value() * y;
          }
        }
      }
      partners.clear();
      for (uint32_t j : hits) {
        touched[j] = 0;
        if (groups[j] == groups[i] || sums[j] < options.min_cosine) continue;
        partners.emplace_back(sums[j], j);
      }
      auto better = [](const std::pair<float, uint32_t>& p, const std::pair<float, uint32_t>& q) {
        return p.first != q.first ? p.first > q.first : p.second < q.second;
      };
      const size_t keep = std::min(options.top_k, partners.size());
      std::partial_sort(partners.begin(), partners.begin() + keep, partners.end(), better);
      for (size_t k = 0; k < keep; ++k) {
        const uint32_t j = partners[k].second;
        found[b].push_back({std::min(i, j), std::max(i, j), partners[k].first});
      }
    }
  });
  for (std::vector<CandidatePair>& list : found) {
    out.insert(out.end(), list.begin(), list.end());
    std::vector<CandidatePair>().swap(list);
  }
  std::sort(out.begin(), out.end(), [](const CandidatePair& p, const CandidatePair& q) {
    return p.a != q.a ? p.a < q.a : p.b < q.b;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const CandidatePair& p, const CandidatePair& q) {
                          return p.a == q.a && p.b == q.b;
                        }),
            out.end());
  return out;
}

}  // namespace parallax
