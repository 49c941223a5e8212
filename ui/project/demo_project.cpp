#include "ui/project/demo_project.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include "core/domain/error.h"
#include "core/store/store.h"

namespace vs::ui {

namespace {

struct DemoPrompt {
  const char* text;
  const char* source;  // lavfi graph; %1 size, %2 duration, %3 fps
};

// Scenes that move, so playback and frame stepping show something.
const DemoPrompt kPrompts[] = {
    {"A red ball bounces across a blue floor from left to right.",
     "color=c=0x2a4d8f:s=%1:d=%2:r=%3,drawbox=x='20+mod(t*90\\,260)':y='120-abs(sin(t*4))*90':"
     "w=28:h=28:color=red:t=fill,drawbox=x=0:y=148:w=iw:h=32:color=0x1c2f55:t=fill"},
    {"Colourful geometric test pattern scrolling smoothly to the left.", "testsrc2=s=%1:d=%2:r=%3"},
    {"A slow zoom into a glowing fractal coastline.", "mandelbrot=s=%1:r=%3,trim=duration=%2"},
    {"Cells of a living colony grow and die on a dark grid.",
     "life=s=%1:r=%3:mold=10:ratio=0.2:death_color=#101830:life_color=#60e080,trim=duration=%2"},
};

struct DemoGenerator {
  const char* name;
  const char* filter;  // applied after the scene
};

const DemoGenerator kGenerators[] = {
    {"gen-sharp", "null"},
    {"gen-blurry", "boxblur=5:2"},
    {"gen-noisy", "noise=alls=45:allf=t+u"},
    {"gen-washed", "eq=saturation=0.25:contrast=0.55:brightness=0.12"},
};

void runFfmpeg(const QStringList& args, const QString& out) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(QStringLiteral("ffmpeg"), args);
  if (!p.waitForStarted(10000)) {
    throw Error(Error::Kind::Io, out, QStringLiteral("cannot run ffmpeg (is it installed?)"));
  }
  p.waitForFinished(60000);
  if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    throw Error(Error::Kind::Io, out,
                QStringLiteral("ffmpeg failed: %1").arg(QString::fromLocal8Bit(p.readAll()).trimmed()));
  }
}

}  // namespace

QString DemoProject::defaultFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/demo");
}

QStringList DemoProject::generatorNames() {
  QStringList out;
  for (const DemoGenerator& g : kGenerators) {
    out << QString::fromLatin1(g.name);
  }
  return out;
}

DemoResult DemoProject::build(const QString& folder, const DemoSpec& spec) {
  QDir dir(folder);
  if (!dir.mkpath(QStringLiteral("videos"))) {
    throw Error(Error::Kind::Io, folder, QStringLiteral("cannot create the demo folder"));
  }
  DemoResult result;
  result.projectPath = dir.filePath(QStringLiteral("demo.vsproj"));
  const int prompts = std::clamp(spec.prompts, 1, int(std::size(kPrompts)));
  const QString size = QStringLiteral("%1x%2").arg(spec.width).arg(spec.height);
  store::Store store(result.projectPath, store::OpenMode::OpenOrCreate);
  for (int p = 0; p < prompts; ++p) {
    const qint64 promptId = store.addPrompt(QString::fromUtf8(kPrompts[p].text));
    const QString source =
        QString::fromLatin1(kPrompts[p].source).arg(size).arg(spec.durationS).arg(spec.fps);
    for (const DemoGenerator& g : kGenerators) {
      const QString name = QStringLiteral("p%1_%2").arg(p + 1).arg(QString::fromLatin1(g.name));
      const QString rel = QStringLiteral("videos/%1.mp4").arg(name);
      const QString file = dir.filePath(rel);
      if (!QFile::exists(file)) {
        runFfmpeg({QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                   QStringLiteral("lavfi"), QStringLiteral("-i"), source, QStringLiteral("-vf"),
                   QString::fromLatin1(g.filter), QStringLiteral("-t"), QString::number(spec.durationS),
                   QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                   QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                   file + QStringLiteral(".part.mp4")},
                  file);
        QFile::rename(file + QStringLiteral(".part.mp4"), file);
      }
      Video v;
      v.promptId = promptId;
      v.name = name;
      v.path = rel;
      v.generator = QString::fromLatin1(g.name);
      v.batch = QStringLiteral("demo");
      store.addVideo(v);
      ++result.videos;
    }
  }
  return result;
}

}  // namespace vs::ui
