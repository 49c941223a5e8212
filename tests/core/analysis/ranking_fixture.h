#pragma once
#include <vector>

#include "core/analysis/best_of_n.h"
#include "fixture.h"

namespace vs::analysis::testing {

inline std::vector<Candidate> loadCandidates() {
  std::vector<Candidate> out;
  for (const QJsonValue& v : loadFixture(QStringLiteral("candidates.json")).array()) {
    const QJsonObject o = v.toObject();
    Candidate c;
    c.group = o["prompt"].toString().toStdString();
    c.generator = o["generator"].toString().toStdString();
    c.name = o["name"].toString().toStdString();
    for (int d = 0; d < 3; ++d) {
      c.model[static_cast<size_t>(d)] = o["model"].toArray()[d].toDouble();
      c.human[static_cast<size_t>(d)] = o["human"].toArray()[d].toDouble();
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace vs::analysis::testing
