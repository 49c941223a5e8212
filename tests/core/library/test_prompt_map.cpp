// PromptMap reads video_name -> prompt from the files other tools write (fixtures made by
// tests/data/library/make_prompt_maps.py with Python's json and csv).
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/domain/error.h"
#include "core/library/prompt_map.h"
#include "library_fixture.h"

using vs::library::PromptMap;

class TestPromptMap : public QObject {
  Q_OBJECT

  static QString data(const char* name) {
    return QStringLiteral(VS_TEST_DATA_DIR "/library/") + QLatin1String(name);
  }

 private Q_SLOTS:
  void readsEveryLayout_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("json object") << data("prompts.json");
    QTest::newRow("videofeedback2 array") << data("prompts_vf2.json");
    QTest::newRow("json lines") << data("prompts.jsonl");
    QTest::newRow("csv") << data("prompts.csv");
  }
  void readsEveryLayout() {
    QFETCH(QString, file);
    const QJsonObject expected =
        QJsonDocument::fromJson(vs::library::test::fileBytes(data("prompts.expected.json"))).object();
    QVERIFY(!expected.isEmpty());
    const PromptMap map = PromptMap::read(file);
    QCOMPARE(map.size(), expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const auto prompt = map.find(it.key(), QStringLiteral("unused.mp4"));
      QVERIFY2(prompt.has_value(), qPrintable(it.key()));
      QCOMPARE(*prompt, it.value().toString());
    }
  }

  void findsByNameThenFileNameThenBaseName() {
    PromptMap map;
    map.insert(QStringLiteral("cat"), QStringLiteral("by base name"));
    map.insert(QStringLiteral("cat.mp4"), QStringLiteral("by file name"));
    QCOMPARE(map.find(QStringLiteral("sora/cat"), QStringLiteral("cat.mp4")).value(),
             QStringLiteral("by file name"));
    map.insert(QStringLiteral("sora/cat"), QStringLiteral("by name"));
    QCOMPARE(map.find(QStringLiteral("sora/cat"), QStringLiteral("cat.mp4")).value(),
             QStringLiteral("by name"));
    QCOMPARE(map.find(QStringLiteral("pika/cat"), QStringLiteral("cat.webm")).value(),
             QStringLiteral("by base name"));
    QVERIFY(!map.find(QStringLiteral("dog"), QStringLiteral("dog.mp4")));
  }

  void refusesMalformedFilesNamingWhere() {
    const QString dir = vs::library::test::freshDir(QStringLiteral("malformed"));
    struct Case {
      const char* name;
      QByteArray text;
      QString where;
      QString what;
    };
    const Case cases[] = {
        {"no_prompt.json", R"([{"video_name":"a","prompt":"x"},{"video_name":"b"}])",
         QStringLiteral("item 2"), QStringLiteral("no prompt")},
        {"number.json", R"({"a": 3})", QStringLiteral("number.json"), QStringLiteral("not a prompt string")},
        {"header.csv", "name,text\na,b\n", QStringLiteral("header.csv:1"),
         QStringLiteral("video_name and prompt")},
        {"short.csv", "video_name,prompt\na\n", QStringLiteral("short.csv:2"), QStringLiteral("1 fields")},
        {"bad.jsonl", "{\"video_name\":\"a\",\"prompt\":\"x\"}\n{oops\n", QStringLiteral("bad.jsonl:2"),
         QString()},
    };
    for (const Case& c : cases) {
      const QString path = dir + QLatin1Char('/') + QLatin1String(c.name);
      vs::library::test::writeText(path, c.text);
      try {
        PromptMap::read(path);
        QFAIL(c.name);
      } catch (const vs::Error& e) {
        QCOMPARE(e.kind(), vs::Error::Kind::InvalidData);
        QVERIFY2(e.where().contains(c.where), qPrintable(e.full()));
        QVERIFY2(e.message().contains(c.what), qPrintable(e.full()));
      }
    }
    try {
      PromptMap::read(dir + QStringLiteral("/absent.json"));
      QFAIL("absent file read");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::Io);
    }
  }
};

QTEST_GUILESS_MAIN(TestPromptMap)
#include "test_prompt_map.moc"
