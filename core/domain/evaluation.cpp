#include "core/domain/evaluation.h"

namespace vs {

QString evaluationFieldName(EvaluationField field) {
  switch (field) {
    case EvaluationField::VisualScore:
      return QStringLiteral("visual");
    case EvaluationField::T2VScore:
      return QStringLiteral("t2v");
    case EvaluationField::PhyScore:
      return QStringLiteral("phy");
    case EvaluationField::VisualRationale:
      return QStringLiteral("visual_rationale");
    case EvaluationField::T2VRationale:
      return QStringLiteral("t2v_rationale");
    case EvaluationField::PhyRationale:
      return QStringLiteral("phy_rationale");
    case EvaluationField::Thinking:
      return QStringLiteral("thinking");
    case EvaluationField::Origin:
      return QStringLiteral("origin");
    case EvaluationField::TimeSpentMs:
      return QStringLiteral("time_spent_ms");
  }
  return {};
}

std::optional<EvaluationField> evaluationFieldFromName(const QString& name) {
  for (int i = 0; i <= static_cast<int>(EvaluationField::TimeSpentMs); ++i) {
    const auto field = static_cast<EvaluationField>(i);
    if (evaluationFieldName(field) == name)
      return field;
  }
  return std::nullopt;
}

EvaluationField scoreField(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return EvaluationField::VisualScore;
    case Dimension::T2V:
      return EvaluationField::T2VScore;
    case Dimension::Phy:
      return EvaluationField::PhyScore;
  }
  return EvaluationField::VisualScore;
}

EvaluationField rationaleField(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return EvaluationField::VisualRationale;
    case Dimension::T2V:
      return EvaluationField::T2VRationale;
    case Dimension::Phy:
      return EvaluationField::PhyRationale;
  }
  return EvaluationField::VisualRationale;
}

}  // namespace vs
