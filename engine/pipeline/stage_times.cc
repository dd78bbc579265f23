#include "engine/pipeline/stage_times.h"

#include <cstdio>

namespace parallax {

void StageTimes::Add(std::string_view stage, double seconds) {
  for (auto& [name, total] : stages_) {
    if (name == stage) {
      total += seconds;
      return;
    }
  }
  stages_.emplace_back(std::string(stage), seconds);
}

void StageTimes::Append(const StageTimes& other, std::string_view prefix) {
  for (const auto& [name, seconds] : other.stages_) Add(std::string(prefix) + name, seconds);
}

double StageTimes::Seconds(std::string_view stage) const {
  for (const auto& [name, seconds] : stages_) {
    if (name == stage) return seconds;
  }
  return 0;
}

std::string StageTimes::Format() const {
  std::string out;
  char buf[32];
  for (const auto& [name, seconds] : stages_) {
    std::snprintf(buf, sizeof buf, " %.3f\n", seconds);
    out += "parallax: time " + name + buf;
  }
  return out;
}

}  // namespace parallax
