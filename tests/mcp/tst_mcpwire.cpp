// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The wire library shared by the engine, the line transports and the shim: the line framer, the
// envelope scanner and the stdin reader (on a pipe put in place of stdin).
#include "mcp/wire/endpoint.h"
#include "mcp/wire/jsonscan.h"
#include "mcp/wire/lineframer.h"
#include "mcp/wire/protocolversions.h"
#include "mcp/wire/stdinreader.h"

#include <QSignalSpy>
#include <QTest>

#include <thread>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using mcp::wire::LineFramer;

namespace {

// Frames as text: "L:<line>" or "O:<head>".
QStringList frames(LineFramer &framer, const QList<QByteArray> &chunks, bool finish = false)
{
    QStringList out;
    const auto take = [&out](const LineFramer::Frame &f) {
        const bool line = f.kind == LineFramer::Frame::Kind::Line;
        out.append((line ? u"L:"_s : u"O:"_s) + QString::fromUtf8(f.bytes));
    };
    for (const QByteArray &chunk : chunks) {
        framer.append(chunk);
        while (const auto frame = framer.next()) {
            take(*frame);
        }
    }
    if (finish) {
        if (const auto last = framer.finish()) {
            take(*last);
        }
    }
    return out;
}

} // namespace

class TestMcpWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void windowsPipeNameIsPerUserSid()
    {
        using mcp::wire::windowsPipeName;
        QCOMPARE(windowsPipeName(u"S-1-5-21-3623811015-3361044348-30300820-1013"_s),
                 u"dimo-tray-mcp-S-1-5-21-3623811015-3361044348-30300820-1013"_s);
        // Two accounts never share a pipe; a name, a path or a pipe separator never gets in.
        QVERIFY(windowsPipeName(u"S-1-5-21-1-2-3-1001"_s) != windowsPipeName(u"S-1-5-21-1-2-3-1002"_s));
        QCOMPARE(windowsPipeName(u"S-1-5-18\\..\\x"_s), u"dimo-tray-mcp-S-1-5-18"_s);
        QCOMPARE(windowsPipeName({}), u"dimo-tray-mcp-unknown-user"_s);
    }

    void framerSplitsLines()
    {
        LineFramer framer;
        QCOMPARE(frames(framer, {"{\"a\":1}\r\n\n{\"b\""_ba, ":2}\n\r\n{\"c\":3"_ba}),
                 QStringList({u"L:{\"a\":1}"_s, u"L:{\"b\":2}"_s}));
        QCOMPARE(frames(framer, {}, true), QStringList{u"L:{\"c\":3"_s});
        QCOMPARE(frames(framer, {}, true), QStringList()); // finish() leaves it empty
    }

    void framerDropsCompleteOversizeLine()
    {
        LineFramer framer(8);
        QCOMPARE(frames(framer, {"{\"id\":1,\"x\":2}\n{}\n"_ba}), QStringList({u"O:{\"id\":1,\"x\":2}"_s, u"L:{}"_s}));
        QCOMPARE(frames(framer, {"12345678\r\n"_ba}), QStringList{u"L:12345678"_s}); // the CR does not count
    }

    void framerDropsOversizeLineAsItStreams()
    {
        LineFramer framer(8);
        // Reported as soon as the cap is passed, once, then skipped up to its newline.
        QCOMPARE(frames(framer, {"ok\n{\"id\":7"_ba, ",\"p\":\"xx"_ba}),
                 QStringList({u"L:ok"_s, u"O:{\"id\":7,\"p\":\"xx"_s}));
        QCOMPARE(frames(framer, {"xxxxxxxxxxxxxxxxxxxxxx"_ba, "xxxxxxxxxxxxxxxxxxxxxx"_ba}), QStringList());
        QCOMPARE(frames(framer, {"xx\"}\nnext\n"_ba}), QStringList{u"L:next"_s});
        // A dropped line without its newline yields nothing at the end of the stream.
        QCOMPARE(frames(framer, {"yyyyyyyyyyyy"_ba}, true), QStringList{u"O:yyyyyyyyyyyy"_s});
    }

    void framerKeepsOnlyTheHeadOfADroppedLine()
    {
        LineFramer framer;
        const QByteArray start =
            R"({"jsonrpc":"2.0","id":9007199254740993,"method":"tools/call","params":{"a":1,"b":2}})";
        framer.append(start.left(start.size() - 2));
        framer.append(QByteArray(mcp::wire::MaxLineBytes, 'x'));
        const auto frame = framer.next();
        QVERIFY(frame);
        QVERIFY(frame->kind == LineFramer::Frame::Kind::Oversize);
        QCOMPARE(frame->bytes.size(), mcp::wire::OversizeHeadBytes);
        QCOMPARE(mcp::jsonscan::envelope(frame->bytes).id.toByteArray(), "9007199254740993"_ba);
        QVERIFY(!framer.next());
    }

    void envelopeStopsEarly()
    {
        const auto e = mcp::jsonscan::envelope(R"({"id":"a","method":"m","params":)");
        QCOMPARE(e.id.toByteArray(), R"("a")"_ba);
        QCOMPARE(e.method.toByteArray(), "m"_ba);
        QVERIFY(e.isRequest());
        // The first occurrence counts; keys with escapes are decoded.
        const auto escaped = mcp::jsonscan::envelope("{\"i\\u0064\":5,\"id\":6,\"result\":{}}");
        QCOMPARE(escaped.id.toByteArray(), "5"_ba);
        QVERIFY(escaped.isResponse);
    }

    void protocolVersionsNegotiate()
    {
        QCOMPARE(mcp::wire::negotiateProtocolVersion(u"2024-11-05").toString(), u"2024-11-05"_s);
        QCOMPARE(mcp::wire::negotiateProtocolVersion(u"1999-01-01").toString(), u"2025-11-25"_s);
    }

    void init()
    {
#if defined(Q_OS_UNIX)
        m_savedStdin = ::dup(STDIN_FILENO);
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        QVERIFY(::dup2(fds[0], STDIN_FILENO) >= 0);
        ::close(fds[0]);
        m_writer = fds[1];
#endif
    }

    void cleanup()
    {
#if defined(Q_OS_UNIX)
        closeWriter();
        ::dup2(m_savedStdin, STDIN_FILENO);
        ::close(m_savedStdin);
#endif
    }

    void stdinReaderLinesOversizeAndEnd()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("puts a pipe in place of stdin with POSIX calls");
#else
        mcp::wire::StdinReader reader;
        QSignalSpy lines(&reader, &mcp::wire::StdinReader::lineRead);
        QSignalSpy oversize(&reader, &mcp::wire::StdinReader::oversizeLine);
        QSignalSpy end(&reader, &mcp::wire::StdinReader::endOfInput);
        reader.start();
        // A 9 MiB line written in pieces (the pipe holds 64 KiB), between two ordinary lines.
        std::thread writer([this] {
            write("{\"id\":1}\n{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"x\",\"params\":\"");
            const QByteArray piece(1024 * 1024, 'x');
            for (int i = 0; i < 9; ++i) {
                write(piece);
            }
            write("\"}\r\n{\"id\":2}\n{\"id\":3}");
            closeWriter();
        });
        QTRY_COMPARE_WITH_TIMEOUT(end.size(), 1, 20000);
        writer.join();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).at(0).toByteArray(), R"({"id":1})"_ba);
        QCOMPARE(lines.at(1).at(0).toByteArray(), R"({"id":2})"_ba);
        QCOMPARE(lines.at(2).at(0).toByteArray(), R"({"id":3})"_ba); // the last line had no newline
        QCOMPARE(oversize.size(), 1);
        const QByteArray head = oversize.at(0).at(0).toByteArray();
        QVERIFY(head.size() <= mcp::wire::OversizeHeadBytes);
        QVERIFY(mcp::wire::oversizeErrorLine(head).startsWith(R"({"jsonrpc":"2.0","id":9007199254740993,)"));
#endif
    }

    void stdinReaderThreadOutlivesTheReader()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("puts a pipe in place of stdin with POSIX calls");
#else
        auto *reader = new mcp::wire::StdinReader;
        reader->start();
        write("{\"id\":1}\n");
        delete reader; // before or after the thread posted: neither may reach a destroyed reader
        write("{\"id\":2}\n{\"id\":3}\n"); // the thread wakes up, finds no reader and stops
        QTest::qWait(100);
        QCoreApplication::processEvents();
        closeWriter();
        QTest::qWait(20);
#endif
    }

private:
#if defined(Q_OS_UNIX)
    void write(QByteArrayView bytes)
    {
        while (!bytes.isEmpty()) {
            const ssize_t n = ::write(m_writer, bytes.data(), size_t(bytes.size()));
            if (n <= 0) {
                return;
            }
            bytes = bytes.sliced(n);
        }
    }

    void closeWriter()
    {
        if (m_writer >= 0) {
            ::close(std::exchange(m_writer, -1));
        }
    }

    int m_savedStdin = -1;
    int m_writer = -1;
#endif
};

QTEST_GUILESS_MAIN(TestMcpWire)
#include "tst_mcpwire.moc"
