#include "core/store/libpq.h"

#include <dlfcn.h>

#include "core/domain/error.h"

namespace vs::store {
namespace {

constexpr const char* kLibrary = "libpq.so.5";

struct Loaded {
  LibPq api;
  QString error;  // empty when every function was found
};

Loaded load() {
  Loaded loaded;
  void* handle = dlopen(kLibrary, RTLD_NOW | RTLD_GLOBAL);  // never closed: libpq stays for the process
  if (!handle) {
    loaded.error = QString::fromLocal8Bit(dlerror());
    return loaded;
  }
#define VS_LIBPQ_RESOLVE(name)                                                 \
  loaded.api.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name)); \
  if (!loaded.api.name && loaded.error.isEmpty())                              \
    loaded.error = QStringLiteral("%1 has no %2").arg(QLatin1String(kLibrary), QLatin1String(#name));
  VS_LIBPQ_FUNCTIONS(VS_LIBPQ_RESOLVE)
#undef VS_LIBPQ_RESOLVE
  return loaded;
}

}  // namespace

const LibPq& libpq() {
  static const Loaded loaded = load();  // thread-safe once
  if (!loaded.error.isEmpty()) {
    throw Error(Error::Kind::Io, QLatin1String(kLibrary),
                QStringLiteral("cannot load the PostgreSQL client library: %1").arg(loaded.error));
  }
  return loaded.api;
}

}  // namespace vs::store
