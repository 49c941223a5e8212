#include "core/library/video_intake.h"

#include <QThread>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/domain/error.h"
#include "core/library/probe_record.h"
#include "core/library/video_locator.h"
#include "core/media/probe.h"
#include "core/store/store.h"

namespace vs::library {

QVector<ProbedFile> probeFiles(const QStringList& files, const Progress& progress, int threads) {
  QVector<ProbedFile> results(files.size());
  const qint64 total = files.size();
  std::atomic<qint64> next{0};
  std::atomic<qint64> done{0};
  std::atomic<bool> cancelled{false};
  std::mutex mutex;
  std::condition_variable changed;
  auto work = [&] {
    for (;;) {
      const qint64 i = next.fetch_add(1);
      if (i >= total || cancelled.load())
        break;
      ProbedFile& r = results[static_cast<int>(i)];
      r.file = files[static_cast<int>(i)];
      try {
        // Taken once, for the record and for the seek index's stamp; a file that cannot be read
        // is left to the probe, whose error says why.
        try {
          r.contentKey = media::contentKey(r.file);
        } catch (const Error&) {
        }
        const ProbeRecord record = probeFile(r.file, r.contentKey);
        if (r.contentKey.isEmpty())
          r.contentKey = media::contentKey(r.file);
        r.probeJson = probeRecordJson(record);
      } catch (const Error& e) {
        r.error = e.message();
        r.contentKey.clear();
      } catch (const std::exception& e) {
        r.error = QString::fromLocal8Bit(e.what());
        r.contentKey.clear();
      }
      done.fetch_add(1);
      changed.notify_one();
    }
  };
  const int count = std::max(1, std::min<int>(threads > 0 ? threads : QThread::idealThreadCount(),
                                              static_cast<int>(std::max<qint64>(total, 1))));
  std::vector<std::thread> pool;
  for (int t = 0; t < count; ++t)
    pool.emplace_back(work);
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (done.load() < total && !cancelled.load()) {
      changed.wait_for(lock, std::chrono::milliseconds(50));
      if (progress && !progress(std::min(done.load(), total), total))
        cancelled = true;
    }
  }
  for (std::thread& t : pool)
    t.join();
  // The last answer counts too: a cancel pressed while the final probes finished still cancels.
  if (cancelled.load() || (progress && !progress(total, total)))
    return {};
  return results;
}

IntakeResult addVideos(store::Store& store, const IntakePlan& plan, const Progress& progress) {
  IntakeResult result;
  result.problems = plan.problems;
  if (!result.problems.isEmpty())
    return result;
  const VideoLocator locator = VideoLocator::forStore(store);
  // A name already in the project for another file that still exists is refused: the user
  // would lose that video's link (its scores stay, but play another clip).
  QVector<bool> exists(plan.entries.size(), false);
  for (int i = 0; i < plan.entries.size(); ++i) {
    const IntakeEntry& e = plan.entries[i];
    if (const auto old = store.findVideoByName(e.name)) {
      exists[i] = true;
      const QString current = locator.find(*old);
      if (!current.isEmpty() && current != e.file) {
        result.problems.push_back(
            {e.file,
             QStringLiteral("video name \"%1\" is already in the project for %2").arg(e.name, current)});
      }
    }
  }
  if (!result.problems.isEmpty())
    return result;
  QStringList files;
  for (const IntakeEntry& e : plan.entries)
    files << e.file;
  const QVector<ProbedFile> probed = probeFiles(files, progress);
  if (probed.size() != files.size()) {
    result.cancelled = true;
    return result;
  }
  QVector<store::VideoRecord> records;
  records.reserve(plan.entries.size());
  for (int i = 0; i < plan.entries.size(); ++i) {
    const IntakeEntry& e = plan.entries[i];
    if (!probed[i].error.isEmpty()) {
      result.problems.push_back({e.file, probed[i].error});
      continue;
    }
    store::VideoRecord r;
    r.video.name = e.name;
    r.video.path = locator.storablePath(e.file);
    r.video.contentHash = probed[i].contentKey;
    r.video.probeJson = probed[i].probeJson;
    r.video.generator = e.generator;
    r.video.batch = e.batch;
    r.promptText = e.prompt;
    records.push_back(std::move(r));
    ++(exists[i] ? result.updated : result.added);
  }
  if (!result.problems.isEmpty()) {
    result.added = result.updated = 0;
    return result;
  }
  store.addVideos(records);
  return result;
}

}  // namespace vs::library
