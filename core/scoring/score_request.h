#pragma once
// One video to score and the settings to score it with (the worker's `score` params).
#include <QJsonObject>
#include <QString>
#include <optional>

namespace vs::scoring {

enum class Sampling { Greedy, Temperature };
enum class ScoreFormat { Free, Constrained };

struct ScoreSettings {
  QString templateName = QStringLiteral("videoscore2");  // a preset name, or a label for templateText
  QString templateText;                                  // custom template text; empty: the preset
  Sampling sampling = Sampling::Temperature;             // the model card: sampling at 0.7
  double temperature = 0.7;
  quint64 seed = 0;
  int maxNewTokens = 1024;
  double fps = 2.0;
  ScoreFormat format = ScoreFormat::Free;

  QJsonObject toParams() const;  // without video/prompt
};

struct ScoreRequest {
  QString videoPath;
  QString prompt;
  ScoreSettings settings;
  qint64 videoId = 0;  // store id when the result goes to a project; 0 otherwise

  QJsonObject toParams() const;
};

}  // namespace vs::scoring
