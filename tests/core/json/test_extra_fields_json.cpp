// core/interop/extra_fields_json.cpp: kept unknown keys survive storage text in order.
#include <QtTest>

#include "core/json/extra_fields_json.h"

class TestExtraFieldsJson : public QObject {
  Q_OBJECT
 private slots:
  void roundTripKeepsOrder() {
    const vs::ExtraFields fields{
        {"zeta", "[1,{\"b\":2,\"a\":1}]"}, {"\xE4\xB8\xAD \"q\"", "\"v\""}, {"alpha", "null"}};
    const QByteArray text = vs::extraFieldsToJson(fields);
    QCOMPARE(text,
             QByteArray("{\"zeta\":[1,{\"b\":2,\"a\":1}],\"\xE4\xB8\xAD \\\"q\\\"\":\"v\",\"alpha\":null}"));
    QCOMPARE(vs::extraFieldsFromJson(text), fields);
  }
  void emptyAndBroken() {
    QCOMPARE(vs::extraFieldsToJson({}), QByteArray());
    QVERIFY(vs::extraFieldsFromJson(QByteArray()).empty());
    QVERIFY(vs::extraFieldsFromJson("{\"a\":").empty());
  }
};

QTEST_GUILESS_MAIN(TestExtraFieldsJson)
#include "test_extra_fields_json.moc"
