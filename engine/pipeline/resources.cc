#include "engine/pipeline/resources.h"

#include <optional>

#include "engine/base/data_dir.h"
#include "engine/base/digest.h"
#include "engine/segment/segment_rules.h"

namespace parallax {

StatusOr<Resources> LoadResources(const std::string& data_dir, const ResourceParts& parts) {
  Resources r;
  r.data_dir = data_dir;
  r.templates_dir = DataPath(data_dir, kTemplatesDir);
  StageClock clock;
  if (parts.reading) {
    PARALLAX_ASSIGN_OR_RETURN(BoilerplateRules boilerplate,
                              BoilerplateRules::Load(DataPath(data_dir, kBoilerplateRules)));
    r.boilerplate = std::make_shared<const BoilerplateRules>(std::move(boilerplate));
    PARALLAX_ASSIGN_OR_RETURN(SegmentRules segmentation,
                              SegmentRules::Load(DataPath(data_dir, kSegmentationRules)));
    PARALLAX_ASSIGN_OR_RETURN(std::unique_ptr<SentenceSplitter> splitter,
                              SentenceSplitter::Create(segmentation));
    r.splitter = std::move(splitter);
  }
  if (parts.provenance) {
    PARALLAX_ASSIGN_OR_RETURN(r.lexicon_digest, DigestDirectory(DataPath(data_dir, kLexiconsDir)));
    PARALLAX_ASSIGN_OR_RETURN(r.rules_digest, DigestDirectory(DataPath(data_dir, kRulesDir)));
  }
  r.times.Add("load", clock.Lap());
  std::optional<Negators> negators;  // from the lexicons, when they are loaded: one reading
  if (parts.marking) {
    PARALLAX_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::LoadDir(DataPath(data_dir, kLexiconsDir)));
    r.marker = std::make_shared<const Marker>(lexicon);
    negators.emplace(lexicon);
    r.times.Add("mark.load", clock.Lap());
  }
  if (parts.alignment) {
    PARALLAX_ASSIGN_OR_RETURN(SimilarityResources similarity,
                              LoadSimilarityResources(data_dir, std::move(negators)));
    r.similarity = std::make_shared<const SimilarityResources>(std::move(similarity));
    // The aliases are part of the similarity resources: share them instead of a second parse.
    r.aliases = std::shared_ptr<const AliasTable>(r.similarity, &r.similarity->aliases);
    r.times.Add("align.load", clock.Lap());
  } else if (parts.aliases) {
    PARALLAX_ASSIGN_OR_RETURN(AliasTable aliases, AliasTable::Load(DataPath(data_dir, kAliases)));
    r.aliases = std::make_shared<const AliasTable>(std::move(aliases));
    r.times.Add("load", clock.Lap());
  }
  return r;
}

}  // namespace parallax
