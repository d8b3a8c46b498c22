// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// NDJSON framing of mcp::transport::LineChannel over a real local socket pair.
#include "mcp/transport/linechannel.h"
#include "tests/support/timeout.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using mcp::transport::LineChannel;

namespace {

int timeoutMs(int ms)
{
    return testsupport::scaled(ms);
}

} // namespace

class TestLineChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init();
    void cleanup();
    void splitAcrossWrites();
    void severalLinesPerWrite();
    void crlfAndEmptyLines();
    void utf8();
    void oversizeLineDroppedConnectionSurvives();
    void oversizeCompleteLine();
    void sendLineAppendsNewline();
    void finalLineWithoutNewlineAtClose();
    void closedOnPeerDisconnect();
    void nonReadingPeerPausesReading();
    void nonReadingPeerIsDroppedPastTheCap();

private:
    void writeRaw(const QByteArray &bytes);
    QList<QByteArray> waitForLines(int count);

    QLocalServer m_server;
    std::unique_ptr<QLocalSocket> m_peer; // the raw end the test writes to
    LineChannel *m_channel = nullptr;
    std::unique_ptr<QSignalSpy> m_lines;
};

void TestLineChannel::init()
{
    QVERIFY(m_server.listen(u"tst-linechannel-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)));
    m_peer = std::make_unique<QLocalSocket>();
    m_peer->connectToServer(m_server.fullServerName());
    QVERIFY(m_peer->waitForConnected(timeoutMs(5000)));
    QVERIFY(m_server.waitForNewConnection(timeoutMs(5000)));
    QLocalSocket *socket = m_server.nextPendingConnection();
    QVERIFY(socket);
    socket->setParent(nullptr);
    m_channel = new LineChannel(socket);
    m_lines = std::make_unique<QSignalSpy>(m_channel, &LineChannel::lineReceived);
}

void TestLineChannel::cleanup()
{
    m_lines.reset();
    delete m_channel;
    m_channel = nullptr;
    m_peer.reset();
    m_server.close();
}

void TestLineChannel::writeRaw(const QByteArray &bytes)
{
    m_peer->write(bytes);
    QVERIFY(m_peer->waitForBytesWritten(timeoutMs(5000)));
}

QList<QByteArray> TestLineChannel::waitForLines(int count)
{
    QList<QByteArray> lines;
    QElapsedTimer timer;
    timer.start();
    while (m_lines->size() < count && timer.elapsed() < timeoutMs(5000)) {
        m_lines->wait(50);
    }
    for (const QList<QVariant> &args : std::as_const(*m_lines)) {
        lines.append(args.at(0).toByteArray());
    }
    return lines;
}

void TestLineChannel::splitAcrossWrites()
{
    writeRaw(R"({"jsonrpc":"2.0",)"_ba);
    QTest::qWait(50);
    QCOMPARE(m_lines->size(), 0);
    writeRaw(R"("id":1,"method":"ping"})"_ba);
    QTest::qWait(50);
    QCOMPARE(m_lines->size(), 0);
    writeRaw("\n"_ba);
    QCOMPARE(waitForLines(1), QList<QByteArray>{R"({"jsonrpc":"2.0","id":1,"method":"ping"})"_ba});
}

void TestLineChannel::severalLinesPerWrite()
{
    writeRaw("{\"a\":1}\n{\"b\":2}\n{\"c\":"_ba);
    writeRaw("3}\n"_ba);
    const QList<QByteArray> expected{"{\"a\":1}"_ba, "{\"b\":2}"_ba, "{\"c\":3}"_ba};
    QCOMPARE(waitForLines(3), expected);
}

void TestLineChannel::crlfAndEmptyLines()
{
    writeRaw("{\"a\":1}\r\n\r\n\n{\"b\":2}\r\n"_ba);
    const QList<QByteArray> expected{"{\"a\":1}"_ba, "{\"b\":2}"_ba};
    QCOMPARE(waitForLines(2), expected);
    QTest::qWait(50);
    QCOMPARE(m_lines->size(), 2);
}

void TestLineChannel::utf8()
{
    const QByteArray line = u"{\"text\":\"Fahrzeug 🚗 – Größe\"}"_s.toUtf8();
    // Split inside the multi-byte sequence of the emoji.
    const qsizetype cut = line.indexOf("\xF0") + 2;
    writeRaw(line.left(cut));
    writeRaw(line.mid(cut) + '\n');
    const QList<QByteArray> lines = waitForLines(1);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(QString::fromUtf8(lines.first()), u"{\"text\":\"Fahrzeug 🚗 – Größe\"}"_s);
}

void TestLineChannel::oversizeLineDroppedConnectionSurvives()
{
    m_channel->setMaxLineBytes(1024);
    QSignalSpy oversize(m_channel, &LineChannel::oversizeLine);
    writeRaw("{\"before\":1}\n"_ba);
    const QByteArray big(3000, 'x');
    writeRaw(big.left(1500)); // no newline yet: over the cap already
    QVERIFY(oversize.wait(timeoutMs(5000)));
    writeRaw(big.mid(1500) + "\n{\"after\":2}\n"_ba);
    const QList<QByteArray> expected{"{\"before\":1}"_ba, "{\"after\":2}"_ba};
    QCOMPARE(waitForLines(2), expected);
    QCOMPARE(oversize.size(), 1);
    QVERIFY(m_channel->isOpen());
    m_channel->sendLine("{\"still\":\"alive\"}"_ba);
    QTRY_VERIFY_WITH_TIMEOUT(m_peer->canReadLine(), timeoutMs(5000));
    QCOMPARE(m_peer->readLine(), "{\"still\":\"alive\"}\n"_ba);
}

void TestLineChannel::oversizeCompleteLine()
{
    m_channel->setMaxLineBytes(16);
    QSignalSpy oversize(m_channel, &LineChannel::oversizeLine);
    writeRaw("{\"this line is\":\"too long\"}\n{\"ok\":1}\n"_ba);
    QCOMPARE(waitForLines(1), QList<QByteArray>{"{\"ok\":1}"_ba});
    QCOMPARE(oversize.size(), 1);
    QCOMPARE(oversize.at(0).at(0).toByteArray(), "{\"this line is\":\"too long\"}"_ba); // its head, for the id
}

void TestLineChannel::sendLineAppendsNewline()
{
    m_channel->sendLine("{\"x\":1}"_ba);
    m_channel->sendLine("{\"y\":2}"_ba);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (received.count('\n') < 2 && timer.elapsed() < timeoutMs(5000)) {
        QTest::qWait(10); // lets the channel's socket flush
        received += m_peer->readAll();
    }
    QCOMPARE(received, "{\"x\":1}\n{\"y\":2}\n"_ba);
}

void TestLineChannel::finalLineWithoutNewlineAtClose()
{
    QSignalSpy closed(m_channel, &LineChannel::closed);
    writeRaw("{\"a\":1}\n{\"last\":true}"_ba);
    m_peer->disconnectFromServer();
    QVERIFY(closed.wait(timeoutMs(5000)));
    const QList<QByteArray> expected{"{\"a\":1}"_ba, "{\"last\":true}"_ba};
    QCOMPARE(waitForLines(2), expected);
    QCOMPARE(closed.size(), 1);
    QVERIFY(!m_channel->isOpen());
}

void TestLineChannel::closedOnPeerDisconnect()
{
    QSignalSpy closed(m_channel, &LineChannel::closed);
    m_peer->abort();
    QVERIFY(closed.wait(timeoutMs(5000)));
    QTest::qWait(20);
    QCOMPARE(closed.size(), 1);
    m_channel->sendLine("{}"_ba); // ignored, no crash
}

// Issue 15: a peer that sends requests but never reads the answers. The channel stops reading
// (and delivering) once its unsent output passes the pause mark, and catches up when the peer reads.
void TestLineChannel::nonReadingPeerPausesReading()
{
    constexpr int Requests = 100;
    const QByteArray answer(32 * 1024, 'a');
    m_channel->setOutputLimits(64 * 1024, 64 * 1024 * 1024);
    connect(m_channel, &LineChannel::lineReceived, m_channel, [this, &answer] {
        m_channel->sendLine(answer);
    });
    m_peer->setReadBufferSize(4096); // the peer's Qt buffer fills, then the kernel's: it "does not read"
    QByteArray requests;
    for (int i = 0; i < Requests; ++i) {
        requests += "{\"n\":" + QByteArray::number(i) + "}\n";
    }
    writeRaw(requests);
    QTest::qWait(timeoutMs(500));
    // Without the pause all 100 would be delivered and 3.2 MB queued for a peer that is not reading.
    QVERIFY2(m_lines->size() < Requests / 2, qPrintable(u"%1 lines delivered"_s.arg(m_lines->size())));
    QVERIFY(m_channel->isReadingPaused());
    QVERIFY2(m_channel->bytesToWrite() <= 64 * 1024 + answer.size() + 1,
             qPrintable(u"%1 bytes unsent"_s.arg(m_channel->bytesToWrite())));
    QVERIFY(m_channel->isOpen());

    // The peer reads: every request is delivered and answered after all.
    m_peer->setReadBufferSize(0);
    qsizetype answers = 0;
    QElapsedTimer timer;
    timer.start();
    while (answers < Requests && timer.elapsed() < timeoutMs(10000)) {
        QTest::qWait(5); // the event loop: both ends flush, the channel resumes
        while (m_peer->canReadLine()) {
            answers += m_peer->readLine() == answer + '\n' ? 1 : 0;
        }
    }
    QCOMPARE(answers, qsizetype(Requests));
    QCOMPARE(m_lines->size(), Requests);
    QVERIFY(!m_channel->isReadingPaused());
}

// Output that keeps coming while the peer reads nothing (answers of running requests,
// notifications): past the cap the peer is dropped instead of buffering without bound.
void TestLineChannel::nonReadingPeerIsDroppedPastTheCap()
{
    const QByteArray line(32 * 1024, 'n');
    constexpr qsizetype Cap = 256 * 1024;
    m_channel->setOutputLimits(64 * 1024, Cap);
    m_peer->setReadBufferSize(4096);
    QSignalSpy closed(m_channel, &LineChannel::closed);
    qsizetype largest = 0;
    for (int i = 0; i < 200 && closed.isEmpty(); ++i) { // 6.4 MB if nothing stopped it
        m_channel->sendLine(line);
        largest = std::max(largest, m_channel->bytesToWrite());
        QCoreApplication::processEvents();
    }
    QCOMPARE(closed.size(), 1);
    QVERIFY(!m_channel->isOpen());
    QVERIFY2(largest <= Cap + line.size() + 1, qPrintable(u"%1 bytes were unsent"_s.arg(largest)));
    // The peer sees the connection end.
    m_peer->setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT(m_peer->state(), QLocalSocket::UnconnectedState, timeoutMs(5000));
}

QTEST_GUILESS_MAIN(TestLineChannel)

#include "tst_linechannel.moc"
