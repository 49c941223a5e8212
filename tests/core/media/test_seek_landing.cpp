// Where a demuxer seek lands, on a real x264 clip made by the ffmpeg program (120 frames, open
// GOP, see CMakeLists.txt): a seek onto a key frame by its presentation time leaves that key
// frame's own packet for the caller; one aimed at a frame that is no key frame reports a miss and
// leaves no packet behind; after a seek by decode time, the landing is checked against the
// timestamp asked for (where it landed is read here by hand), and on a match the packet goes to
// the decoder, else nothing does.
#include <QtTest>

#include "core/media/ffmpeg_util.h"
#include "core/media/frame_index.h"
#include "core/media/seek_landing.h"

using namespace vs::media;

namespace {

QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

struct Opened {
  ff::FormatPtr format;
  int stream = -1;
  ff::CodecContextPtr codec;
  ff::PacketPtr packet = ff::allocPacket();

  explicit Opened(const QString& path) : format(ff::openInput(path)) {
    stream = ff::findVideoStream(format.get(), path);
    codec = ff::openDecoder(format->streams[stream], path, 1);
  }
};

}  // namespace

class TestSeekLanding : public QObject {
  Q_OBJECT
  QString path_;
  FrameIndex index_;
  QVector<int64_t> keys_;  // key frames after the first

 private slots:
  void initTestCase() {
    path_ = clip("ra_open_gop.mp4");
    QVERIFY2(QFile::exists(path_), qPrintable(path_));
    Opened o(path_);
    index_ = FrameIndex::build(o.format.get(), o.stream, path_);
    QCOMPARE(index_.size(), int64_t(120));
    for (int64_t i = 1; i < index_.size(); ++i) {
      if (index_.entry(i).key) {
        keys_ << i;
      }
    }
    QVERIFY2(keys_.size() >= 2, "the clip has key frames after the first");
  }

  void ontoEachKeyFrameByItsPresentationTime() {
    for (int64_t k : keys_) {
      Opened o(path_);
      const FrameIndex::Entry& key = index_.entry(k);
      QVERIFY2(seekOntoKey(o.format.get(), o.stream, key, o.packet.get()), qPrintable(QString::number(k)));
      QCOMPARE(o.packet->stream_index, o.stream);
      QCOMPARE(o.packet->pts, key.pts);
      QVERIFY(o.packet->flags & AV_PKT_FLAG_KEY);
      av_packet_unref(o.packet.get());
    }
  }

  void aFrameThatIsNoKeyIsAMissAndLeavesNoPacket() {
    const int64_t n = keys_[0] + 5;
    QVERIFY(!index_.entry(n).key);
    Opened o(path_);
    QVERIFY(!seekOntoKey(o.format.get(), o.stream, index_.entry(n), o.packet.get()));
    QCOMPARE(o.packet->size, 0);
    QVERIFY(o.packet->data == nullptr);
  }

  void landingByDecodeTimeIsCheckedAndTheMatchSent() {
    // Where a decode-time seek towards the first key frame lands (a key frame at or before it;
    // in MP4 with an edit list a GOP early), read here packet by packet.
    const FrameIndex::Entry& key = index_.entry(keys_[0]);
    int64_t landed_dts = AV_NOPTS_VALUE;
    int64_t landed_pts = AV_NOPTS_VALUE;
    {
      Opened o(path_);
      QVERIFY(av_seek_frame(o.format.get(), o.stream, key.seek_ts, AVSEEK_FLAG_BACKWARD) >= 0);
      while (av_read_frame(o.format.get(), o.packet.get()) >= 0) {
        if (o.packet->stream_index == o.stream) {
          QVERIFY(o.packet->flags & AV_PKT_FLAG_KEY);
          landed_dts = o.packet->dts != AV_NOPTS_VALUE ? o.packet->dts : o.packet->pts;
          landed_pts = o.packet->pts;
          break;
        }
        av_packet_unref(o.packet.get());
      }
      QVERIFY(landed_dts != AV_NOPTS_VALUE);
    }
    {
      Opened o(path_);
      QVERIFY(av_seek_frame(o.format.get(), o.stream, key.seek_ts, AVSEEK_FLAG_BACKWARD) >= 0);
      QVERIFY(landedOn(o.format.get(), o.stream, landed_dts, o.codec.get(), o.packet.get()));
      // The key frame's packet went to the decoder: flushing gives its picture.
      avcodec_send_packet(o.codec.get(), nullptr);
      ff::FramePtr picture = ff::allocFrame();
      QCOMPARE(avcodec_receive_frame(o.codec.get(), picture.get()), 0);
      QCOMPARE(picture->pts, landed_pts);
    }
    {
      Opened o(path_);
      QVERIFY(av_seek_frame(o.format.get(), o.stream, key.seek_ts, AVSEEK_FLAG_BACKWARD) >= 0);
      QVERIFY(!landedOn(o.format.get(), o.stream, landed_dts + 1, o.codec.get(), o.packet.get()));
      // Nothing was sent: the decoder has no picture to give.
      avcodec_send_packet(o.codec.get(), nullptr);
      ff::FramePtr picture = ff::allocFrame();
      QVERIFY(avcodec_receive_frame(o.codec.get(), picture.get()) < 0);
    }
  }

  void atTheEndOfTheFileThereIsNoLanding() {
    Opened o(path_);
    while (av_read_frame(o.format.get(), o.packet.get()) >= 0) {
      av_packet_unref(o.packet.get());
    }
    QVERIFY(!landedOn(o.format.get(), o.stream, index_.entry(0).seek_ts, o.codec.get(), o.packet.get()));
  }
};

QTEST_GUILESS_MAIN(TestSeekLanding)
#include "test_seek_landing.moc"
