// StageTimes: wall-clock seconds per pipeline stage, for `--timings` and the benchmarks.
//
// Stages are recorded in the order they ran; a name recorded twice keeps one entry whose time is
// the sum. Each entry also keeps the process's peak resident memory when it was (last) recorded,
// which shows the stage that raised it. Recording costs a clock read and a getrusage call per
// stage, so it is always on.
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
#include <vector>

namespace parallax {

class StageTimes {
 public:
  void Add(std::string_view stage, double seconds);
  // Adds every stage of `other`, its name prefixed with `prefix` (e.g. "align.").
  void Append(const StageTimes& other, std::string_view prefix = "");

  struct Stage {
    std::string name;
    double seconds = 0;
    double peak_rss_mib = 0;  // peak resident set of the process after the stage
  };
  const std::vector<Stage>& stages() const { return stages_; }
  // Seconds recorded for `stage`, 0 when it was not recorded.
  double Seconds(std::string_view stage) const;

  // One line per stage from the `first`-th on (stages are printed as they finish when a run may
  // still fail later), "parallax: time <stage> <seconds> peak_rss_mib <MiB>\n".
  std::string Format(size_t first = 0) const;

 private:
  void Add(std::string_view stage, double seconds, double peak_rss_mib);

  std::vector<Stage> stages_;
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
