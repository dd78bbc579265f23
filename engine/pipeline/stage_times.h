// StageTimes: wall-clock seconds per pipeline stage, for `--timings` and the benchmarks.
//
// Stages are recorded in the order they ran; a name recorded twice keeps one entry whose time is
// the sum. Recording costs one steady_clock read per stage, so it is always on.
//
//   StageClock clock;
//   ... read ...
//   times.Add("read", clock.Lap());
//
// Thread safety: a StageTimes is a value; do not Add from several threads at once.
#ifndef PARALLAX_ENGINE_PIPELINE_STAGE_TIMES_H_
#define PARALLAX_ENGINE_PIPELINE_STAGE_TIMES_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parallax {

class StageTimes {
 public:
  void Add(std::string_view stage, double seconds);
  // Adds every stage of `other`, its name prefixed with `prefix` (e.g. "align.").
  void Append(const StageTimes& other, std::string_view prefix = "");

  const std::vector<std::pair<std::string, double>>& stages() const { return stages_; }
  // Seconds recorded for `stage`, 0 when it was not recorded.
  double Seconds(std::string_view stage) const;

  // One line per stage, "parallax: time <stage> <seconds>\n", seconds with 3 decimals.
  std::string Format() const;

 private:
  std::vector<std::pair<std::string, double>> stages_;
};

// Seconds since construction or the previous Lap().
class StageClock {
 public:
  StageClock() : last_(std::chrono::steady_clock::now()) {}
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_STAGE_TIMES_H_
