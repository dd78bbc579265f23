#include "engine/report/stories_json.h"

#include <nlohmann/json.hpp>

namespace parallax {

std::string RenderStoriesJson(const BatchIndexModel& model) {
  using Json = nlohmann::ordered_json;
  Json map;
  map["schema_version"] = "1.0";
  Json stories = Json::array();
  Json articles = Json::object();
  for (const BatchStory& story : model.stories) {
    Json s;
    s["id"] = story.id;
    s["title"] = story.title;
    s["report"] = story.href;
    Json ids = Json::array();
    for (const std::string& id : story.article_ids) {
      ids.push_back(id);
      articles[id] = story.id;
    }
    s["articles"] = std::move(ids);
    stories.push_back(std::move(s));
  }
  map["stories"] = std::move(stories);
  map["articles"] = std::move(articles);
  Json skipped = Json::array();
  for (const BatchFailure& f : model.failures) skipped.push_back(f.message);
  map["skipped"] = std::move(skipped);
  return map.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace parallax
