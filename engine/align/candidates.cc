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
  using Matrix = Eigen::SparseMatrix<float, Eigen::RowMajor, int64_t>;
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
    for (const auto& [term, w] : row) triplets.emplace_back(static_cast<int64_t>(i), term, w * inv);
  }
  Matrix x(static_cast<int64_t>(n), static_cast<int64_t>(model.vocabulary_size()));
  x.setFromTriplets(triplets.begin(), triplets.end());
  const Matrix xt = x.transpose();

  // Row blocks are independent: each writes its own list, concatenated in block order.
  const size_t block = std::max<size_t>(1, options.block_rows);
  const size_t blocks = (n + block - 1) / block;
  std::vector<std::vector<CandidatePair>> found(blocks);
  ParallelFor(blocks, options.threads, [&](size_t b) {
    const size_t start = b * block;
    const int64_t rows = static_cast<int64_t>(std::min(block, n - start));
    const Matrix scores = x.middleRows(static_cast<int64_t>(start), rows) * xt;
    std::vector<std::pair<float, uint32_t>> partners;
    for (int64_t r = 0; r < rows; ++r) {
      const uint32_t i = static_cast<uint32_t>(start + r);
      partners.clear();
      for (Matrix::InnerIterator it(scores, r); it; ++it) {
        const uint32_t j = static_cast<uint32_t>(it.col());
        if (groups[j] == groups[i] || it.value() < options.min_cosine) continue;
        partners.emplace_back(it.value(), j);
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
