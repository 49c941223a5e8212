// core/interop/python_json.cpp: Python's json.dump layout and number text, byte for byte.
#include <QtTest>

#include "core/interop/python_json.h"

using namespace vs::interop;

namespace {

std::string python(const QByteArray& compact, int indent) {
  std::string out;
  appendPythonLayout(out, compact.constData(), static_cast<size_t>(compact.size()), indent);
  return out;
}

}  // namespace

class TestPythonJson : public QObject {
  Q_OBJECT
 private slots:
  void writesNumbersShortest() {
    const std::pair<double, const char*> cases[] = {{4.0, "4"},
                                                    {2.5, "2.5"},
                                                    {0.1, "0.1"},
                                                    {3.8721, "3.8721"},
                                                    {-1.0, "-1"},
                                                    {1e-7, "1e-07"},
                                                    {1.0 / 3.0, "0.3333333333333333"}};
    for (const auto& [value, text] : cases) {
      std::string out;
      appendNumber(out, value);
      QCOMPARE(QByteArray::fromStdString(out), QByteArray(text));
    }
  }

  void laysOutLikePython() {
    // Expected texts are what Python 3.11 json.dumps prints for the same value.
    const QByteArray compact = "{\"a\":[1,{}],\"b\":[],\"c\":{\"d\":\"x,y:[z]\"}}";
    QCOMPARE(QByteArray::fromStdString(python(compact, -1)),
             QByteArray("{\"a\": [1, {}], \"b\": [], \"c\": {\"d\": \"x,y:[z]\"}}"));
    QCOMPARE(QByteArray::fromStdString(python(compact, 0)),
             QByteArray("{\n    \"a\": [\n        1,\n        {}\n    ],\n    \"b\": [],\n    \"c\": {\n     "
                        "   \"d\": \"x,y:[z]\"\n    }\n}"));
    QCOMPARE(QByteArray::fromStdString(python("\"a\\\"]\"", 2)), QByteArray("\"a\\\"]\""));
  }
};

QTEST_GUILESS_MAIN(TestPythonJson)
#include "test_python_json.moc"
