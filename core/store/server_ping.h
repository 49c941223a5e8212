#pragma once
// Whether a PostgreSQL project's server accepts connections now (libpq's PQpingParams), asked
// with a bounded wait so that a caller on another thread can learn it before the window's own
// connection tries again: on a TCP server that does not answer, a reconnect on the window's
// thread would block it for the whole connect timeout.
#include <QString>

namespace vs::store {

// True when the server of `uri` accepts connections, or when `uri` cannot even be parsed (the
// project's own connection then reports that). False when it does not answer within
// `timeoutSeconds` (at least 1, libpq's granularity), refuses connections or is starting up.
// Blocks up to the timeout; safe on any thread.
bool serverAnswers(const QString& uri, int timeoutSeconds);

}  // namespace vs::store
