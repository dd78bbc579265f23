// Resources: everything a run reads from the data directory (base/data_dir.h) — the reading
// and segmentation rules, the lexicons and their Marker, the similarity rules with WordNet, the
// entity aliases, and the digests that stamp a report — loaded once and handed to every stage.
//
//   auto resources = LoadResources(data_dir);
//   auto analysis = Analyze(inputs, *resources, options);          // analysis.h
//   auto model = BuildReportModel(*analysis, articles, *resources, report_options);
//
// A path travels only as far as this loader: stages take `const Resources&` and never open a
// data file themselves, so a command (or the desk answering many requests) reads each file
// once. Commands that need only part of the data say which (ResourceParts): `search` reads the
// aliases alone.
//
// Thread safety: a loaded Resources is immutable; every member is safe to use from many
// threads at once. Copies share the loaded objects (shared_ptr), so copying is cheap.
#ifndef PARALLAX_ENGINE_PIPELINE_RESOURCES_H_
#define PARALLAX_ENGINE_PIPELINE_RESOURCES_H_

#include <memory>
#include <string>

#include "engine/align/similarity_model.h"
#include "engine/base/status.h"
#include "engine/ingest/boilerplate.h"
#include "engine/lexicon/marker.h"
#include "engine/pipeline/stage_times.h"
#include "engine/segment/sentence_splitter.h"
#include "engine/text/aliases.h"

namespace parallax {

// Which parts LoadResources reads. Every part is on by default.
struct ResourceParts {
  bool reading = true;     // rules/boilerplate.yaml and rules/segmentation.yaml: LoadCorpus
  bool marking = true;     // lexicons/: MarkCorpus
  bool alignment = true;   // rules/similarity.yaml, WordNet (and the aliases): AlignCorpus
  bool aliases = true;     // rules/aliases.yaml: source profiles, indexing, entity search
  bool provenance = true;  // the digests of lexicons/ and rules/: reports
};

struct Resources {
  std::string data_dir;       // where they were read from
  std::string templates_dir;  // <data_dir>/reports/templates, read by the HTML renderers
  // Each is null when its part was not loaded; a stage given Resources without the part it
  // needs returns InvalidInput.
  std::shared_ptr<const BoilerplateRules> boilerplate;    // reading
  std::shared_ptr<const SentenceSplitter> splitter;       // reading
  std::shared_ptr<const Marker> marker;                   // marking
  std::shared_ptr<const SimilarityResources> similarity;  // alignment
  // The entity aliases: those of `similarity` when alignment was loaded (one parse), else
  // their own.
  std::shared_ptr<const AliasTable> aliases;
  std::string lexicon_digest;  // provenance: DigestDirectory(lexicons/), "" when not loaded
  std::string rules_digest;    // provenance: DigestDirectory(rules/)
  // Wall seconds of loading: "mark.load" (lexicons), "align.load" (similarity), "load" (the
  // rest).
  StageTimes times;
};

// Loads the requested parts of `data_dir`. Errors name the file (and line:column where the
// format has them), as each part's loader does.
StatusOr<Resources> LoadResources(const std::string& data_dir, const ResourceParts& parts = {});

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_RESOURCES_H_
