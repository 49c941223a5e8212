#pragma once
// What `vscore list` prints: every video of a project with its prompt, its file (where the
// locator finds it) and each annotator's scores; as text (one line a video) or JSON.
#include <QJsonArray>
#include <QString>

namespace vs::store {
class Store;
}

namespace vs::library {

QString projectListingText(const store::Store& store);
QJsonArray projectListingJson(const store::Store& store);

}  // namespace vs::library
