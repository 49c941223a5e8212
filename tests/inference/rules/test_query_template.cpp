#include <QJsonArray>
#include <QtTest>

#include "inference/rules/query_template.h"
#include "reference_fixture.h"

using vs::videoscore2::QueryTemplate;

class TestQueryTemplate : public QObject {
  Q_OBJECT
 private slots:
  void presetsRenderByteExactAsPythonTemplate() {
    const QJsonArray cases = videoscore2Reference().value("templates").toArray();
    QVERIFY(cases.size() >= 4);
    for (const QJsonValue& c : cases) {
      const std::string prompt = c["prompt"].toString().toStdString();
      for (const QString& name : {QStringLiteral("videoscore2"), QStringLiteral("videoscore2-eval")}) {
        const std::string rendered = QueryTemplate::preset(name.toStdString()).render(prompt);
        QCOMPARE(QString::fromStdString(rendered), c[name].toString());
      }
    }
  }

  void releaseTemplateShape() {
    // The literal is indented inside a function upstream (qwen25vl.md 6.2).
    const std::string t = QueryTemplate::release().render("P");
    QVERIFY(t.rfind("\n    You are an expert", 0) == 0);
    QVERIFY(t.size() >= 5 && t.substr(t.size() - 5) == "\n    ");
    QVERIFY(t.find("visual quality: <v_score>; \n") != std::string::npos);
    QVERIFY(t.find("\xE2\x80\x93 clarity") != std::string::npos);  // U+2013
  }

  void substitutionRules() {
    const QueryTemplate t("custom", "a $$ b ${t2v_prompt}|$t2v_prompt.");
    QCOMPARE(QString::fromStdString(t.render("$x")), QStringLiteral("a $ b $x|$x."));
    QVERIFY_THROWS_EXCEPTION(vs::inference::Error, QueryTemplate("c", "oops $").render("p"));
    QVERIFY_THROWS_EXCEPTION(vs::inference::Error, QueryTemplate("c", "$1").render("p"));
    QVERIFY_THROWS_EXCEPTION(vs::inference::Error, QueryTemplate("c", "${t2v_prompt").render("p"));
    QVERIFY_THROWS_EXCEPTION(vs::inference::Error, QueryTemplate("c", "$prompt").validate());
    QVERIFY_THROWS_EXCEPTION(vs::inference::Error, QueryTemplate::preset("nope"));
  }
};

QTEST_APPLESS_MAIN(TestQueryTemplate)
#include "test_query_template.moc"
