#pragma once
// libpq, loaded when the first PostgreSQL project is opened rather than linked: libpq and what it
// pulls in (OpenSSL, GnuTLS, Kerberos, LDAP) cost every process about 5 ms of CPU and 14 ms of
// wall time at start-up in symbol binding alone, and most runs only ever open `.vsproj` files.
// <libpq-fe.h> supplies the types; the functions are called through `libpq()`, so a call that
// bypasses it fails to link.
#include <libpq-fe.h>

namespace vs::store {

#define VS_LIBPQ_FUNCTIONS(X) \
  X(PQbackendPID)             \
  X(PQclear)                  \
  X(PQcmdStatus)              \
  X(PQcmdTuples)              \
  X(PQconnectPoll)            \
  X(PQconnectStartParams)     \
  X(PQconnectdbParams)        \
  X(PQconninfoFree)           \
  X(PQconninfoParse)          \
  X(PQconsumeInput)           \
  X(PQerrorMessage)           \
  X(PQexec)                   \
  X(PQexecPrepared)           \
  X(PQfinish)                 \
  X(PQfreemem)                \
  X(PQftype)                  \
  X(PQgetResult)              \
  X(PQgetisnull)              \
  X(PQgetlength)              \
  X(PQgetvalue)               \
  X(PQnotifies)               \
  X(PQpingParams)             \
  X(PQntuples)                \
  X(PQprepare)                \
  X(PQputCopyData)            \
  X(PQputCopyEnd)             \
  X(PQreset)                  \
  X(PQresultErrorField)       \
  X(PQresultErrorMessage)     \
  X(PQresultStatus)           \
  X(PQsetNoticeProcessor)     \
  X(PQsetnonblocking)         \
  X(PQsocket)                 \
  X(PQstatus)                 \
  X(PQtransactionStatus)

struct LibPq {
#define VS_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
  VS_LIBPQ_FUNCTIONS(VS_LIBPQ_MEMBER)
#undef VS_LIBPQ_MEMBER
};

// The loaded library's functions. The first call loads libpq.so.5; throws vs::Error (Io) naming
// the library and the loader's message when it or one of the functions is missing.
const LibPq& libpq();

}  // namespace vs::store
