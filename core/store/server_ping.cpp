#include "core/store/server_ping.h"

#include <QByteArray>
#include <algorithm>

#include "core/store/libpq.h"

namespace vs::store {

bool serverAnswers(const QString& uri, int timeoutSeconds) {
  const QByteArray dbname = uri.toUtf8();
  const QByteArray timeout = QByteArray::number(std::max(1, timeoutSeconds));
  // After dbname, so this wait wins over a connect_timeout the URI names.
  const char* keys[] = {"dbname", "connect_timeout", nullptr};
  const char* values[] = {dbname.constData(), timeout.constData(), nullptr};
  const PGPing ping = libpq().PQpingParams(keys, values, 1);
  return ping == PQPING_OK || ping == PQPING_NO_ATTEMPT;
}

}  // namespace vs::store
