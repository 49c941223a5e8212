#include "core/cli/command.h"

#include <cstdio>
#include <vector>

#include "core/domain/error.h"

namespace vs::cli {

static std::vector<Command>& registry() {
  static std::vector<Command> all;
  return all;
}

CommandRegistration::CommandRegistration(Command command) {
  registry().push_back(std::move(command));
}

const std::vector<Command>& commands() {
  return registry();
}

void out(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void err(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
}

int fail(int code, const QString& message) {
  err(QStringLiteral("vscore: error: ") + message + QLatin1Char('\n'));
  return code;
}

int failWith(const std::exception& error) {
  if (const auto* e = dynamic_cast<const vs::Error*>(&error)) {
    switch (e->kind()) {
      case vs::Error::Kind::Io:
        return fail(kExitRuntime, e->full());
      case vs::Error::Kind::InvalidData:
        return fail(kExitInvalidData, e->full());
      case vs::Error::Kind::Usage:
        return fail(kExitUsage, e->full());
    }
  }
  return fail(kExitRuntime, QString::fromUtf8(error.what()));
}

}  // namespace vs::cli
