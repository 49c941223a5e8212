#pragma once
// File name extensions of the video files a project takes from a folder (lower case, no dot).
#include <QString>
#include <QStringList>

namespace vs::library {

// In the order a search tries them: the common generator outputs first.
const QStringList& videoExtensions();
// True when `fileName` ends in one of videoExtensions(), in any letter case.
bool hasVideoExtension(const QString& fileName);

}  // namespace vs::library
