#include "core/domain/score_label.h"

#include <array>
#include <cmath>

namespace vs {
namespace {
constexpr std::array<const char*, 5> kLabels{"Very Poor", "Relatively Poor", "Medium", "Relatively Good",
                                             "Very Good"};
}

std::optional<int> scoreFromLabel(const QString& label) {
  const QString text = label.trimmed();
  if (text.size() == 1 && text[0] >= QLatin1Char('1') && text[0] <= QLatin1Char('5')) {
    return text[0].unicode() - '0';
  }
  for (int score = 1; score <= 5; ++score) {
    const QString name = QString::fromLatin1(kLabels[score - 1]);
    if (text.compare(name, Qt::CaseInsensitive) == 0 ||
        text.compare(QString::number(score) + QLatin1Char('-') + name, Qt::CaseInsensitive) == 0) {
      return score;
    }
  }
  return std::nullopt;
}

QString labelForScore(int score) {
  if (score < 1 || score > 5) {
    return {};
  }
  return QString::number(score) + QLatin1Char('-') + QString::fromLatin1(kLabels[score - 1]);
}

bool isValidHumanScore(double score) {
  return std::isfinite(score) && score >= 1.0 && score <= 5.0 && std::floor(score) == score;
}

bool isValidModelScore(double score) {
  return std::isfinite(score) && score >= 1.0 && score <= 5.0;
}

}  // namespace vs
