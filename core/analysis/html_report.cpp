#include "core/analysis/html_report.h"

#include <algorithm>

#include "core/domain/dimension.h"

namespace vs::analysis {
namespace {

QString esc(const QString& s) {
  return s.toHtmlEscaped();
}

QString fmt(const std::optional<double>& v) {
  return v ? QString::number(*v, 'f', 3) : QStringLiteral("—");
}

QString fmtCi(const std::optional<Interval>& ci) {
  return ci ? QStringLiteral("[%1, %2]")
                  .arg(QString::number(ci->low, 'f', 3), QString::number(ci->high, 'f', 3))
            : QString();
}

const char* kReferenceColour = "#4c72b0";
const char* kPredictedColour = "#dd8452";

}  // namespace

QString confusionMatrixSvg(const ConfusionMatrix& m, const QString& caption) {
  const int k = m.highest - m.lowest + 1;
  const int cell = 36, left = 40, top = 30;
  const int size = left + k * cell + 10;
  int64_t peak = 1;
  for (const auto& row : m.counts) {
    for (int64_t c : row) {
      peak = std::max(peak, c);
    }
  }
  QString svg = QStringLiteral(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" role=\"img\" "
                    "aria-label=\"%3\"><title>%3</title>")
                    .arg(size)
                    .arg(top + k * cell + 30)
                    .arg(esc(caption));
  for (int r = 0; r < k; ++r) {
    for (int c = 0; c < k; ++c) {
      const int64_t count = m.counts[static_cast<size_t>(r)][static_cast<size_t>(c)];
      const double share = static_cast<double>(count) / static_cast<double>(peak);
      const int shade = 255 - static_cast<int>(share * 200.0);
      svg += QStringLiteral(
                 "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" fill=\"rgb(%4,%5,255)\" "
                 "stroke=\"#fff\"/><text x=\"%6\" y=\"%7\" font-size=\"11\" text-anchor=\"middle\" "
                 "fill=\"%8\">%9</text>")
                 .arg(left + c * cell)
                 .arg(top + r * cell)
                 .arg(cell)
                 .arg(shade)
                 .arg(shade)
                 .arg(left + c * cell + cell / 2)
                 .arg(top + r * cell + cell / 2 + 4)
                 .arg(share > 0.6 ? QStringLiteral("#fff") : QStringLiteral("#000"))
                 .arg(count);
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"end\">%3</text>")
               .arg(left - 6)
               .arg(top + r * cell + cell / 2 + 4)
               .arg(m.lowest + r);
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"middle\">%3</text>")
               .arg(left + r * cell + cell / 2)
               .arg(top - 8)
               .arg(m.lowest + r);
  }
  svg += QStringLiteral(
             "<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"middle\">rows: reference, "
             "columns: predicted</text></svg>")
             .arg(size / 2)
             .arg(top + k * cell + 20);
  return svg;
}

QString histogramSvg(const ScoreHistogram& reference, const ScoreHistogram& predicted,
                     const QString& caption) {
  const int lowest = std::min(reference.lowest, predicted.lowest);
  const int highest = std::max(reference.highest(), predicted.highest());
  const int k = highest - lowest + 1;
  const int group = 44, bar = 18, left = 10, top = 10, height = 120;
  auto countOf = [](const ScoreHistogram& h, int s) -> int64_t {
    return s < h.lowest || s > h.highest() ? 0 : h.counts[static_cast<size_t>(s - h.lowest)];
  };
  int64_t peak = 1;
  for (int s = lowest; s <= highest; ++s) {
    peak = std::max({peak, countOf(reference, s), countOf(predicted, s)});
  }
  QString svg = QStringLiteral(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" role=\"img\" "
                    "aria-label=\"%3\"><title>%3</title>")
                    .arg(left + k * group + 10)
                    .arg(top + height + 40)
                    .arg(esc(caption));
  for (int s = lowest; s <= highest; ++s) {
    const int x = left + (s - lowest) * group;
    const int64_t counts[2] = {countOf(reference, s), countOf(predicted, s)};
    const char* colours[2] = {kReferenceColour, kPredictedColour};
    for (int j = 0; j < 2; ++j) {
      const int h = static_cast<int>(static_cast<double>(counts[j]) / static_cast<double>(peak) * height);
      svg += QStringLiteral(
                 "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6</title></rect>")
                 .arg(x + j * bar + 3)
                 .arg(top + height - h)
                 .arg(bar)
                 .arg(h)
                 .arg(QLatin1String(colours[j]))
                 .arg(counts[j]);
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"middle\">%3</text>")
               .arg(x + group / 2)
               .arg(top + height + 14)
               .arg(s);
  }
  svg += QStringLiteral(
             "<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/><text x=\"%4\" y=\"%5\" "
             "font-size=\"11\">reference</text><rect x=\"%6\" y=\"%2\" width=\"10\" height=\"10\" "
             "fill=\"%7\"/><text x=\"%8\" y=\"%5\" font-size=\"11\">predicted</text></svg>")
             .arg(left)
             .arg(top + height + 22)
             .arg(QLatin1String(kReferenceColour))
             .arg(left + 14)
             .arg(top + height + 31)
             .arg(left + 90)
             .arg(QLatin1String(kPredictedColour))
             .arg(left + 104);
  return svg;
}

QString generatorMeansSvg(const std::vector<GeneratorMeans>& generators, const QString& caption) {
  // Horizontal bars, 0..15 (the range of v + t + p), reference above predicted per generator.
  const int label = 160, width = 300, row = 34, top = 10;
  const int height = top + static_cast<int>(generators.size()) * row + 40;
  QString svg = QStringLiteral(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" role=\"img\" "
                    "aria-label=\"%3\"><title>%3</title>")
                    .arg(label + width + 60)
                    .arg(height)
                    .arg(esc(caption));
  int y = top;
  for (const GeneratorMeans& g : generators) {
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"end\">%3 (%4)</text>")
               .arg(label - 6)
               .arg(y + 18)
               .arg(esc(QString::fromStdString(g.generator)))
               .arg(g.videos);
    const std::optional<double> values[2] = {g.referenceTotal, g.predictedTotal};
    const char* colours[2] = {kReferenceColour, kPredictedColour};
    for (int j = 0; j < 2; ++j) {
      const double v = values[j].value_or(0.0);
      const int w = static_cast<int>(std::max(0.0, std::min(15.0, v)) / 15.0 * width);
      svg += QStringLiteral(
                 "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"13\" fill=\"%4\"><title>%5</title></rect>"
                 "<text x=\"%6\" y=\"%7\" font-size=\"10\">%5</text>")
                 .arg(label)
                 .arg(y + j * 14)
                 .arg(w)
                 .arg(QLatin1String(colours[j]))
                 .arg(fmt(values[j]))
                 .arg(label + w + 4)
                 .arg(y + j * 14 + 10);
    }
    y += row;
  }
  svg += QStringLiteral(
             "<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/><text x=\"%4\" "
             "y=\"%5\" font-size=\"11\">reference</text><rect x=\"%6\" y=\"%2\" width=\"10\" "
             "height=\"10\" fill=\"%7\"/><text x=\"%8\" y=\"%5\" font-size=\"11\">predicted "
             "(mean of v + t + p)</text></svg>")
             .arg(label)
             .arg(y + 6)
             .arg(QLatin1String(kReferenceColour))
             .arg(label + 14)
             .arg(y + 15)
             .arg(label + 90)
             .arg(QLatin1String(kPredictedColour))
             .arg(label + 104);
  return svg;
}

QString auditHtmlReport(const AuditResult& audit, const ReportInfo& info) {
  QString html =
      QStringLiteral(
          "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>"
          "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
          "margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
          "th:first-child,td:first-child{text-align:left}.charts{display:flex;gap:2em;"
          "flex-wrap:wrap}.note{color:#666;font-size:90%}</style></head><body>\n<h1>%1</h1>\n")
          .arg(esc(info.title));
  html += QStringLiteral(
              "<p>Predicted: <b>%1</b> &middot; Reference: <b>%2</b> &middot; items: %3 &middot; "
              "dropped (null predictions): %4 &middot; score scale: %5</p>\n")
              .arg(esc(info.predictedSource), esc(info.referenceSource))
              .arg(audit.n)
              .arg(audit.dropped)
              .arg(audit.scale == ScoreScale::Soft ? QStringLiteral("soft") : QStringLiteral("integer"));
  if (!info.generatedAt.isEmpty()) {
    html += QStringLiteral("<p class=\"note\">Generated %1</p>\n").arg(esc(info.generatedAt));
  }
  html += QStringLiteral("<h2>Summary</h2>\n<table><tr><th>Metric</th>");
  for (Dimension d : kDimensions) {
    html += QStringLiteral("<th>%1</th>").arg(esc(dimensionTitle(d)));
  }
  html += QStringLiteral("<th>Average</th></tr>\n");
  for (Metric m : kMetrics) {
    html += QStringLiteral("<tr><td>%1</td>").arg(esc(QString::fromUtf8(metricTitle(m))));
    for (const DimensionAudit& dim : audit.dimensions) {
      const MetricValue& v = dim[m];
      html += QStringLiteral("<td>%1").arg(fmt(v.value));
      if (v.ci) {
        html += QStringLiteral("<br><span class=\"note\">%1</span>").arg(fmtCi(v.ci));
      }
      html += QStringLiteral("</td>");
    }
    html += QStringLiteral("<td>%1</td></tr>\n").arg(fmt(audit.average[static_cast<size_t>(m)]));
  }
  html += QStringLiteral("<tr><td>Whole-item accuracy</td><td colspan=\"4\">%1 %2</td></tr></table>\n")
              .arg(fmt(audit.wholeItemAccuracy.value), fmtCi(audit.wholeItemAccuracy.ci));
  html += QStringLiteral(
      "<p class=\"note\">Percentages &times;100 rounded to 3 decimals as the VideoScore2 evaluation scripts "
      "report them; MAE in score points. Accuracies use integer scores (soft scores rounded half to even and "
      "clamped to 1..5); correlations use the raw scores. Intervals: seeded percentile bootstrap, "
      "95&nbsp;%.</p>\n");
  for (Dimension d : kDimensions) {
    const DimensionAudit& dim = audit.dimensions[static_cast<size_t>(index(d))];
    html +=
        QStringLiteral(
            "<h2>%1</h2>\n<div class=\"charts\"><figure>%2<figcaption>Confusion matrix"
            "</figcaption></figure><figure>%3<figcaption>Score distribution</figcaption>"
            "</figure></div>\n")
            .arg(esc(dimensionTitle(d)),
                 confusionMatrixSvg(dim.confusion, dimensionTitle(d) + QStringLiteral(" confusion matrix")),
                 histogramSvg(dim.referenceHistogram, dim.predictedHistogram,
                              dimensionTitle(d) + QStringLiteral(" score distribution")));
  }
  if (!info.generators.empty()) {
    html += QStringLiteral(
                "<h2>Generators</h2>\n<figure>%1<figcaption>Mean total score per generator"
                "</figcaption></figure>\n")
                .arg(generatorMeansSvg(info.generators, QStringLiteral("Mean total score per generator")));
  }
  html += QStringLiteral("</body></html>\n");
  return html;
}

QString auditHtmlReport(const AuditSummary& summary, ReportInfo info) {
  info.generators = summary.generators;
  return auditHtmlReport(summary.audit, info);
}

}  // namespace vs::analysis
