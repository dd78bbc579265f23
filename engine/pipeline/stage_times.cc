#include "engine/pipeline/stage_times.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace parallax {
namespace {

double PeakRssMib() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

void StageTimes::Add(std::string_view stage, double seconds) { Add(stage, seconds, PeakRssMib()); }

void StageTimes::Add(std::string_view stage, double seconds, double peak_rss_mib) {
  for (Stage& s : stages_) {
    if (s.name == stage) {
      s.seconds += seconds;
      s.peak_rss_mib = std::max(s.peak_rss_mib, peak_rss_mib);
      return;
    }
  }
  stages_.push_back({std::string(stage), seconds, peak_rss_mib});
}

void StageTimes::Append(const StageTimes& other, std::string_view prefix) {
  for (const Stage& s : other.stages_) Add(std::string(prefix) + s.name, s.seconds, s.peak_rss_mib);
}

double StageTimes::Seconds(std::string_view stage) const {
  for (const Stage& s : stages_) {
    if (s.name == stage) return s.seconds;
  }
  return 0;
}

std::string StageTimes::Format(size_t first) const {
  std::string out;
  char buf[64];
  for (size_t i = first; i < stages_.size(); ++i) {
    const Stage& s = stages_[i];
    std::snprintf(buf, sizeof buf, " %.3f peak_rss_mib %.0f\n", s.seconds, s.peak_rss_mib);
    out += "parallax: time " + s.name + buf;
  }
  return out;
}

}  // namespace parallax
