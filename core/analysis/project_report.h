#pragma once
// What `vscore stats`, `vscore team` and `vscore next` print about a project's store: counts and
// score histograms, team settings and live leases, a new lease; as text or JSON.
#include <QJsonObject>
#include <QString>
#include <optional>

#include "core/store/store_types.h"

namespace vs::store {
class Store;
}

namespace vs::analysis {

QString statsText(const store::ProjectStats& stats);
QJsonObject statsJson(const store::ProjectStats& stats);

// People wanted per video and the live leases, with their annotators' names.
QString teamText(const store::Store& store);
QJsonObject teamJson(const store::Store& store);

// nullopt: nothing left to judge.
QString leaseText(const std::optional<store::Lease>& lease);
QJsonObject leaseJson(const std::optional<store::Lease>& lease);

}  // namespace vs::analysis
