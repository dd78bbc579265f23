// ValidateReportModel: the span and reference rules of report_model.h.
#include <string>

#include "engine/report/claim_table.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

std::string SpanText(const Span& span) {
  return "[" + std::to_string(span.start) + ", " + std::to_string(span.end) + ")";
}

// Returns OK iff `span` is ordered and ends within `size` bytes.
Status CheckSpan(const Span& span, size_t size, const std::string& what) {
  if (span.end < span.start)
    return Status::InvalidInput(what + " " + SpanText(span) + " is reversed");
  if (span.end > size) {
    return Status::InvalidInput(what + " " + SpanText(span) + " ends past the text (" +
                                std::to_string(size) + " bytes)");
  }
  return Status::Ok();
}

std::string RefText(const SentenceRef& ref) {
  return "sentence (" + std::to_string(ref.article) + ", " + std::to_string(ref.sentence) + ")";
}

}  // namespace

Status ValidateReportModel(const ReportModel& model) {
  for (const ReportArticle& article : model.articles) {
    const std::string where = "article '" + article.id + "'";
    for (size_t s = 0; s < article.sentences.size(); ++s) {
      const ReportSentence& sentence = article.sentences[s];
      const std::string at = where + " sentence " + std::to_string(s);
      PARALLAX_RETURN_IF_ERROR(CheckSpan(sentence.span, article.text.size(), at + ": span"));
      for (const ReportMark& mark : sentence.marks) {
        PARALLAX_RETURN_IF_ERROR(CheckSpan(mark.span, article.text.size(), at + ": mark"));
        if (mark.source.has_value()) {
          PARALLAX_RETURN_IF_ERROR(
              CheckSpan(*mark.source, article.text.size(), at + ": mark source"));
        }
      }
    }
  }
  for (const ReportClaim& claim : model.claims) {
    const std::string where = "claim '" + claim.id + "'";
    for (const SentenceRef& ref : claim.sentences) {
      if (!IsValidRef(model, ref)) {
        return Status::InvalidInput(where + ": " + RefText(ref) + " does not exist");
      }
    }
    for (const ReportEvidence& evidence : claim.evidence) {
      for (const SentenceRef& ref : {evidence.a, evidence.b}) {
        if (!IsValidRef(model, ref)) {
          return Status::InvalidInput(where + ": evidence " + RefText(ref) + " does not exist");
        }
      }
    }
    for (const ReportDiscrepancy& discrepancy : claim.discrepancies) {
      for (const SentenceRef& ref : discrepancy.sentences) {
        if (!IsValidRef(model, ref)) {
          return Status::InvalidInput(where + ": discrepancy " + RefText(ref) + " does not exist");
        }
      }
      for (const ReportDiscrepancySpan& part : discrepancy.spans) {
        if (!IsValidRef(model, part.sentence)) {
          return Status::InvalidInput(where + ": discrepancy " + RefText(part.sentence) +
                                      " does not exist");
        }
        PARALLAX_RETURN_IF_ERROR(CheckSpan(part.span,
                                           model.articles[part.sentence.article].text.size(),
                                           where + ": discrepancy span"));
      }
    }
  }
  for (const ReportSourceProfile& profile : model.profiles) {
    for (const ReportProfileBar& bar : profile.bars) {
      for (const SentenceRef& ref : bar.evidence) {
        if (!IsValidRef(model, ref)) {
          return Status::InvalidInput("profile '" + profile.source + "' bar '" + bar.label +
                                      "': evidence " + RefText(ref) + " does not exist");
        }
      }
    }
    for (const ReportCitedSource& cited : profile.cited) {
      for (const SentenceRef& ref : cited.evidence) {
        if (!IsValidRef(model, ref)) {
          return Status::InvalidInput("profile '" + profile.source + "' cited source '" +
                                      cited.name + "': evidence " + RefText(ref) +
                                      " does not exist");
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace parallax
