// SafetensorsFile: round trip through the writer, and refusal of every kind of damaged header.
#include <QDir>
#include <QTest>
#include <cstring>

#include "inference/base/error.h"
#include "inference/safetensors/safetensors_file.h"
#include "inference/safetensors/safetensors_writer.h"
#include "tests/inference/safetensors/raw_file.h"

using namespace vs::safetensors;

class TestSafetensorsFile : public QObject {
  Q_OBJECT

 private:
  // Expects fromBytes to refuse `bytes` with an error whose text contains every `needles` item.
  static void expectRefused(const std::vector<std::byte>& bytes, const QStringList& needles) {
    try {
      SafetensorsFile::fromBytes(bytes.data(), bytes.size(), "damaged.safetensors");
      QFAIL("damaged file accepted");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::InvalidData);
      const QString text = QString::fromStdString(e.what());
      QVERIFY2(text.startsWith("damaged.safetensors"), qPrintable(text));
      for (const QString& n : needles) {
        QVERIFY2(text.contains(n), qPrintable(text + " lacks " + n));
      }
    }
  }

 private slots:
  void roundTripAllDtypes() {
    SafetensorsWriter w;
    w.addF32("a.weight", {2, 3}, {1, 2, 3, 4, 5, 6});
    w.addBF16("b.weight", {3}, {1.0f, -2.5f, 0.15625f});
    const uint16_t half[2] = {0x3c00, 0xc000};  // 1.0, -2.0 in IEEE half
    w.add("c", Dtype::F16, {2}, half, sizeof half);
    const int64_t ids[3] = {7, -1, 1 << 30};
    w.add("d", Dtype::I64, {3}, ids, sizeof ids);
    w.add("empty", Dtype::F32, {0, 4}, nullptr, 0);
    const uint8_t flags[1] = {1};
    w.add("scalar", Dtype::Bool, {}, flags, 1);
    w.setMetadata("format", "pt");
    const std::vector<std::byte> bytes = w.serialize();

    // Header length is a multiple of 8 and the layout is contiguous (reference writer rule).
    uint64_t n = 0;
    std::memcpy(&n, bytes.data(), 8);
    QCOMPARE(n % 8, uint64_t{0});

    const SafetensorsFile f = SafetensorsFile::fromBytes(bytes.data(), bytes.size(), "mem");
    QCOMPARE(f.tensors().size(), size_t{6});
    QCOMPARE(f.metadata().at("format"), std::string("pt"));
    const TensorView* a = f.find("a.weight");
    QVERIFY(a != nullptr);
    QCOMPARE(a->dtype, Dtype::F32);
    QCOMPARE(a->shape, (std::vector<int64_t>{2, 3}));
    QCOMPARE(a->byte_size, size_t{24});
    float av[6];
    std::memcpy(av, a->data, 24);
    QCOMPARE(av[5], 6.0f);
    const TensorView* b = f.find("b.weight");
    uint16_t bv[3];
    std::memcpy(bv, b->data, 6);
    QCOMPARE(bv[0], uint16_t{0x3f80});
    QCOMPARE(bv[1], uint16_t{0xc020});
    QCOMPARE(bv[2], uint16_t{0x3e20});
    QCOMPARE(f16ToFloat(0xc000), -2.0f);
    const TensorView* d = f.find("d");
    int64_t dv[3];
    std::memcpy(dv, d->data, 24);
    QCOMPARE(dv[2], int64_t{1} << 30);
    QCOMPARE(f.find("empty")->numel(), int64_t{0});
    QCOMPARE(f.find("scalar")->numel(), int64_t{1});
    QCOMPARE(f.find("scalar")->shape.size(), size_t{0});
    QVERIFY(f.find("missing") == nullptr);
    // 8-byte tensors come first, so every tensor is naturally aligned relative to the buffer.
    for (const TensorView& t : f.tensors()) {
      const auto rel = static_cast<std::size_t>(t.data - (bytes.data() + 8 + n));
      QCOMPARE(rel % dtypeSize(t.dtype), size_t{0});
    }
  }

  void bf16RoundsToNearestEven() {
    auto bits = [](uint32_t u) {
      float f;
      std::memcpy(&f, &u, 4);
      return floatToBf16(f);
    };
    QCOMPARE(bits(0x3f808000u), uint16_t{0x3f80});      // exactly halfway, even stays
    QCOMPARE(bits(0x3f818000u), uint16_t{0x3f82});      // exactly halfway, odd rounds up
    QCOMPARE(bits(0x3f808001u), uint16_t{0x3f81});      // above halfway
    QCOMPARE(bits(0x7f7fffffu), uint16_t{0x7f80});      // FLT_MAX overflows to +inf, like torch
    QVERIFY((bits(0x7fc00001u) & 0x7fc0u) == 0x7fc0u);  // NaN stays NaN
    QCOMPARE(bf16ToFloat(0x3f80), 1.0f);
  }

  void fileOnDisk() {
    const QString dir = qEnvironmentVariable("VS_TEST_TMP");
    QDir().mkpath(dir);
    const std::string path = (dir + "/one.safetensors").toStdString();
    SafetensorsWriter w;
    w.addF32("x", {4}, {1, 2, 3, 4});
    w.write(path);
    const SafetensorsFile f = SafetensorsFile::open(path);
    QCOMPARE(f.path(), path);
    QCOMPARE(f.tensors().front().numel(), int64_t{4});
    try {
      SafetensorsFile::open(path + ".absent");
      QFAIL("missing file opened");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::Io);
      QVERIFY(std::string(e.what()).find(".absent") != std::string::npos);
    }
    try {
      SafetensorsFile::open(dir.toStdString());
      QFAIL("directory opened");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::Io);
    }
  }

  void refusesShortFiles() {
    expectRefused({}, {"too short"});
    expectRefused(std::vector<std::byte>(7), {"too short"});
    expectRefused(vs::test::rawSafetensors("{}", 0, 0), {"'{'"});
  }

  void refusesBadHeaderLength() {
    expectRefused(vs::test::rawSafetensors("{}  ", 0, 1), {"not valid JSON"});
    expectRefused(vs::test::rawSafetensors("{}", 0, 1000), {"runs past the end"});
    expectRefused(vs::test::rawSafetensors("{}", 0, UINT64_MAX - 1), {"100 MB"});
    expectRefused(vs::test::rawSafetensors("{}", 0, 200'000'000), {"100 MB"});
  }

  void refusesBadJson() {
    expectRefused(vs::test::rawSafetensors("[1,2]", 0), {"'{'"});
    expectRefused(vs::test::rawSafetensors("{\"a\":", 0), {"not valid JSON"});
    expectRefused(vs::test::rawSafetensors("{\"a\xff\":1}", 0), {"not valid JSON"});
    expectRefused(vs::test::rawSafetensors("{\"a\":1}", 0), {"a", "not an object"});
  }

  void refusesBadEntries() {
    using vs::test::rawSafetensors;
    expectRefused(rawSafetensors(R"({"t":{"shape":[1],"data_offsets":[0,4]}})", 4), {"t", "dtype"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}})", 4),
                  {"t", "unknown dtype \"F33\""});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","data_offsets":[0,4]}})", 4), {"t", "shape"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4),
                  {"t", "non-negative"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4),
                  {"t", "non-negative"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", 4),
                  {"t", "[begin, end]"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}})", 4),
                  {"t", "end before begin"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4),
                  {"t", "past the data buffer"});
    expectRefused(rawSafetensors(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 4),
                  {"t", "needs 8"});
    expectRefused(
        rawSafetensors(R"({"t":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,4]}})", 4),
        {"t", "overflows"});
    expectRefused(
        rawSafetensors(R"({"t":{"dtype":"F32","shape":[18446744073709551615],"data_offsets":[0,4]}})", 4),
        {"t", "overflows"});
    expectRefused(rawSafetensors(R"({"__metadata__":{"k":1}})", 0), {"__metadata__.k"});
    expectRefused(rawSafetensors(R"({"__metadata__":[]})", 0), {"__metadata__"});
  }

  void refusesBadLayout() {
    using vs::test::rawSafetensors;
    expectRefused(rawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                 R"("b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})",
                                 4),
                  {"overlaps"});
    expectRefused(rawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8),
                  {"a", "gap of 4 bytes"});
    expectRefused(rawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 12),
                  {"8 trailing bytes"});
    expectRefused(rawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                 R"("a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                                 8),
                  {"a", "appears twice"});
  }

  void acceptsPaddedHeaderAndUnknownFields() {
    const std::string h = R"({"t":{"dtype":"U8","shape":[3],"data_offsets":[0,3],"extra":1}})"
                          "     ";
    const auto bytes = vs::test::rawSafetensors(h, 3);
    const SafetensorsFile f = SafetensorsFile::fromBytes(bytes.data(), bytes.size(), "ok");
    QCOMPARE(f.find("t")->byte_size, size_t{3});
    QCOMPARE(static_cast<int>(f.find("t")->data[2]), 2);
  }
};

QTEST_GUILESS_MAIN(TestSafetensorsFile)
#include "test_safetensors_file.moc"
