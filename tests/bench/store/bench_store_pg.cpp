// bench_store_pg: a team project on PostgreSQL (a throwaway cluster on a Unix socket, started
// here): `vscore init` + `vscore import` and `vscore export` of 27,168 generated VideoFeedback2
// items (whole processes, as a user runs them) against psql's \copy of the same rows as CSV in
// and out of a plain table, measured in the same run; then the commit latency of single edits
// through the Store API (p50/p99), and leases per second with 8 clients leasing at once (with
// each video's kept count of takers, and with those counts switched off as the baseline).
// Prints a table; asserts nothing. Usage: bench_store_pg [items] [runs]
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include "bench_items.h"
#include "core/store/store.h"
#include "pg_cluster.h"

namespace {

double timed(const QString& program, const QStringList& args) {
  QElapsedTimer t;
  t.start();
  QProcess p;
  p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  p.start(program, args);
  if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    qFatal("%s %s failed", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
  }
  return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int count = argc > 1 ? std::atoi(argv[1]) : 27168;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const QString vscore = QStringLiteral(VSCORE_PATH);
  QString whyNot;
  auto cluster = vs::test::PgCluster::start(&whyNot);
  if (!cluster)
    qFatal("%s", qPrintable(whyNot));
  const QString psql = vs::test::pgBinDir() + QStringLiteral("/psql");
  QTemporaryDir dir;
  const QString items = dir.filePath(QStringLiteral("items.json"));
  const QString csv = dir.filePath(QStringLiteral("items.csv"));
  vs::bench::writeItems(items, count);
  // The same rows as CSV (Python's json and csv), for psql's \copy.
  const QString toCsv = QStringLiteral(
      "import csv, json, sys\n"
      "rows = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:\n"
      "    w = csv.writer(f)\n"
      "    w.writerow(['video_name', 'video_url', 'prompt', 'visual_score', 't2v_score', 'phy_score', "
      "'thinking'])\n"
      "    for r in rows:\n"
      "        w.writerow([r['video_name'], r['video_url'], r['prompt'], r['visual_score'], r['t2v_score'], "
      "r['phy_score'], r['thinking']])\n");
  timed(QStringLiteral("python3"), {QStringLiteral("-c"), toCsv, items, csv});
  std::printf("%d items (%.1f MB JSON, %.1f MB CSV), %d runs, PostgreSQL 15 on a Unix socket (fsync off)\n",
              count, static_cast<double>(QFileInfo(items).size()) / 1e6,
              static_cast<double>(QFileInfo(csv).size()) / 1e6, runs);

  std::vector<double> init, import, exportTimes, copyIn, copyOut;
  QString project;
  for (int r = 0; r < runs; ++r) {
    project = cluster->createDatabase(QStringLiteral("bench"));
    init.push_back(timed(vscore, {QStringLiteral("init"), project}));
    import.push_back(timed(vscore, {QStringLiteral("import"), project, items}));
    exportTimes.push_back(timed(
        vscore, {QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("vf2-json"),
                 QStringLiteral("--out"), dir.filePath(QStringLiteral("out.json"))}));
    const QString plain = cluster->createDatabase(QStringLiteral("plain"));
    cluster->sql(
        plain, QStringLiteral("CREATE TABLE items(video_name text, video_url text, prompt text, visual_score "
                              "double precision, t2v_score double precision, phy_score double precision, "
                              "thinking text)"));
    copyIn.push_back(
        timed(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), plain,
                     QStringLiteral("-c"), QStringLiteral("\\copy items FROM '%1' CSV HEADER").arg(csv)}));
    copyOut.push_back(timed(
        psql,
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), plain, QStringLiteral("-c"),
         QStringLiteral("\\copy items TO '%1' CSV HEADER").arg(dir.filePath(QStringLiteral("out.csv")))}));
  }
  std::printf("\n%-40s %10s %16s %8s\n", "operation (median, s)", "vscore", "psql \\copy CSV", "ratio");
  std::printf("%-40s %10.3f %16s %8s\n", "init (schema)", median(init), "-", "-");
  std::printf("%-40s %10.3f %16.3f %7.2fx\n", "import (rows in)", median(import), median(copyIn),
              median(import) / median(copyIn));
  std::printf("%-40s %10.3f %16.3f %7.2fx\n", "export vf2-json (rows out)", median(exportTimes),
              median(copyOut), median(exportTimes) / median(copyOut));

  // Edit commit latency: one committed transaction per edit (history row by trigger).
  {
    vs::store::Store s(project);
    const auto list = s.listItems();
    std::vector<double> ms;
    const int edits = std::min(2000, static_cast<int>(list.size()));
    for (int i = 0; i < edits; ++i) {
      const qint64 id = list[i].evaluations.front().id;
      QElapsedTimer t;
      t.start();
      s.editField(id, vs::EvaluationField::Thinking, QStringLiteral("edited %1").arg(i));
      ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::printf("\nedit commit latency, %d edits: p50 %.3f ms, p99 %.3f ms\n", edits, percentile(ms, 0.5),
                percentile(ms, 0.99));
  }

  // Leases per second: 8 clients (threads, each its own connection) lease until nothing is left.
  // Baseline in the same run: the same with the kept counts switched off (the lease trigger
  // disabled, so every video keeps room = 1 and each lease visits and counts every video before
  // the free ones, as before schema 7).
  const auto leases = [&](bool countsKept) {
    const int videos = 4000;
    const QString team = cluster->createDatabase(QStringLiteral("leases"));
    {
      vs::store::Store s(team, vs::store::OpenMode::CreateNew);
      QVector<vs::store::VideoRecord> records(videos);
      for (int i = 0; i < videos; ++i)
        records[i].video.name = QStringLiteral("v%1").arg(i);
      s.addVideos(records);
    }
    if (!countsKept)
      cluster->sql(team, QStringLiteral("ALTER TABLE leases DISABLE TRIGGER leases_takers"));
    std::atomic<int> leased{0};
    QElapsedTimer t;
    t.start();
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
      clients.emplace_back([&, c] {
        vs::store::Store s(team, vs::store::OpenMode::OpenExisting, 60000);
        // A new name per lease: each lease is a new person's first (no renewal).
        for (int n = 0;; ++n) {
          if (!s.leaseNext(QStringLiteral("c%1_%2").arg(c).arg(n), 600))
            break;
          ++leased;
        }
      });
    }
    for (auto& th : clients)
      th.join();
    const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    std::printf("leases, 8 clients, %d videos (k = 1), %s: %d leases in %.2f s = %.0f leases/s\n", videos,
                countsKept ? "kept counts (videos_room)" : "counts off (every video visited)", leased.load(),
                seconds, leased.load() / seconds);
  };
  leases(false);
  leases(true);
  return 0;
}
