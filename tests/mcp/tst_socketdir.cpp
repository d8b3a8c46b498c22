// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// mcp/wire/socketdir.h and endpoint.h on Unix: where the socket lives (never the temp directory)
// and which directories are trusted, on the real file system.
#include "mcp/wire/endpoint.h"
#include "mcp/wire/socketdir.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#include <unistd.h>
#endif

#if defined(Q_OS_UNIX)
#include "tests/support/posixfs.h"
#endif

using namespace Qt::StringLiterals;
using mcp::wire::DirCheck;

// Registered on Unix only (tests/mcp/CMakeLists.txt): Windows pipe names have no directory.
#if defined(Q_OS_UNIX)

namespace {

using testsupport::makeDir;
using testsupport::modeOf;

} // namespace

class TestSocketDir : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void init()
    {
        m_saved.clear();
        for (const char *name : {"XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "DIMOTRAY_MCP_SOCKET", "TMPDIR"}) {
            m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
        }
        qunsetenv("DIMOTRAY_MCP_SOCKET");
        // The temp directory of this test: nothing may land in it.
        m_tmp = m_base.filePath(u"tmp"_s);
        QVERIFY(QDir().mkpath(m_tmp));
        qputenv("TMPDIR", QFile::encodeName(m_tmp));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_base.filePath(u"cache"_s)));
    }

    void cleanup()
    {
        for (const Saved &saved : std::as_const(m_saved)) {
            if (saved.set) {
                qputenv(saved.name, saved.value);
            } else {
                qunsetenv(saved.name);
            }
        }
    }

    void runtimeDirWhenPrivate()
    {
        const QString runtime = m_base.filePath(u"runtime-ok"_s);
        QVERIFY(makeDir(runtime, 0700));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        QCOMPARE(mcp::wire::privateSocketDir(), runtime + u"/app/dimo-tray"_s);
        QCOMPARE(mcp::wire::resolveSocketName(), runtime + u"/app/dimo-tray/mcp.sock"_s);
    }

    void cacheDirOtherwise_data()
    {
        QTest::addColumn<QString>("runtime"); // "" = unset
        QTest::addColumn<int>("mode");
        QTest::newRow("unset") << QString() << 0;
        QTest::newRow("not absolute") << u"relative/run"_s << 0;
        QTest::newRow("missing") << u"missing"_s << 0;
        QTest::newRow("mode 0755") << u"runtime-0755"_s << 0755;
        QTest::newRow("mode 0777") << u"runtime-0777"_s << 0777;
    }

    void cacheDirOtherwise()
    {
        QFETCH(QString, runtime);
        QFETCH(int, mode);
        if (runtime.isEmpty()) {
            qunsetenv("XDG_RUNTIME_DIR");
        } else if (runtime.startsWith(u"relative")) {
            qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
        } else {
            runtime = m_base.filePath(runtime);
            if (mode) {
                QVERIFY(makeDir(runtime, mode_t(mode)));
            }
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        }
        const QString expected = m_base.filePath(u"cache/dimo-tray"_s);
        QCOMPARE(mcp::wire::privateSocketDir(), expected);
        QCOMPARE(mcp::wire::resolveSocketName(), expected + u"/mcp.sock"_s);
        const DirCheck check = mcp::wire::prepareSocketDir(mcp::wire::resolveSocketName());
        QVERIFY2(check.ok(), qPrintable(check.error));
        QCOMPARE(modeOf(expected), mode_t(0700));
        QVERIFY(QDir(m_tmp).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
        if (mode) {
            QCOMPARE(modeOf(runtime), mode_t(mode)); // not "fixed" behind the user's back
        }
    }

    void bareNamesGoToThePrivateDir()
    {
        qunsetenv("XDG_RUNTIME_DIR");
        const QString dir = m_base.filePath(u"cache/dimo-tray"_s);
        QCOMPARE(mcp::wire::resolveSocketName(u"work.sock"_s), dir + u"/work.sock"_s);
        qputenv("DIMOTRAY_MCP_SOCKET", "env.sock");
        QCOMPARE(mcp::wire::resolveSocketName(), dir + u"/env.sock"_s);
        QCOMPARE(mcp::wire::resolveSocketName(u"/abs/x.sock"_s), u"/abs/x.sock"_s);
    }

    void symlinkIsRefusedAndItsTargetUntouched()
    {
        const QString target = m_base.filePath(u"victim"_s);
        const QString link = m_base.filePath(u"planted"_s);
        QVERIFY(makeDir(target, 0755));
        QVERIFY(QFile::link(target, link));
        for (const DirCheck &check : {mcp::wire::ensurePrivateDir(link),
                                      mcp::wire::verifyPrivateDir(link),
                                      mcp::wire::verifySocketParent(link)}) {
            QCOMPARE(check.kind, DirCheck::Kind::Refused);
            QVERIFY2(check.error.contains(u"symbolic link"_s) && check.error.contains(link), qPrintable(check.error));
        }
        QCOMPARE(modeOf(target), mode_t(0755));
    }

    void anotherUsersDirectoryIsRefusedAndUntouched()
    {
        if (::geteuid() != 0) {
            QSKIP("needs root to give a directory to uid 65534 (nobody)");
        }
        const QString foreign = m_base.filePath(u"foreign"_s);
        QVERIFY(makeDir(foreign, 0755));
        QVERIFY(::chown(QFile::encodeName(foreign).constData(), 65534, 65534) == 0);
        const DirCheck check = mcp::wire::ensurePrivateDir(foreign);
        QCOMPARE(check.kind, DirCheck::Kind::Refused);
        QVERIFY2(check.error.contains(u"another user"_s) && check.error.contains(u"uid 65534"_s),
                 qPrintable(check.error));
        QCOMPARE(modeOf(foreign), mode_t(0755)); // root could chmod it: it must not
    }

    void ownDirectoryModes()
    {
        const QString dir = m_base.filePath(u"own"_s);
        QVERIFY(makeDir(dir, 0755));
        // The shim only verifies: it neither tightens nor trusts.
        QCOMPARE(mcp::wire::verifyPrivateDir(dir).kind, DirCheck::Kind::Refused);
        QCOMPARE(modeOf(dir), mode_t(0755));
        // An explicit socket directory may be 0755 (no one else can write to it).
        QVERIFY(mcp::wire::verifySocketParent(dir).ok());
        // The tray tightens its own 0755 directory...
        QVERIFY(mcp::wire::ensurePrivateDir(dir).ok());
        QCOMPARE(modeOf(dir), mode_t(0700));
        QVERIFY(mcp::wire::verifyPrivateDir(dir).ok());
        // ...but refuses one that others could write to (they may have planted files in it).
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0777) == 0);
        for (const DirCheck &check : {mcp::wire::ensurePrivateDir(dir), mcp::wire::verifySocketParent(dir)}) {
            QCOMPARE(check.kind, DirCheck::Kind::Refused);
            QVERIFY2(check.error.contains(u"0777"_s), qPrintable(check.error));
        }
        QCOMPARE(modeOf(dir), mode_t(0777));
    }

    void missingDirectories()
    {
        const QString missing = m_base.filePath(u"absent"_s);
        QCOMPARE(mcp::wire::verifyPrivateDir(missing).kind, DirCheck::Kind::Missing);
        QCOMPARE(mcp::wire::checkSocketDir(missing + u"/mcp.sock"_s).kind, DirCheck::Kind::Missing);
        // The tray creates only its default directory, not the one of an explicit --socket.
        const DirCheck explicitDir = mcp::wire::prepareSocketDir(missing + u"/mcp.sock"_s);
        QCOMPARE(explicitDir.kind, DirCheck::Kind::Refused);
        QVERIFY2(explicitDir.error.contains(u"mkdir -m 700"_s), qPrintable(explicitDir.error));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(mcp::wire::ensurePrivateDir(missing + u"/a/b"_s).ok());
        QCOMPARE(modeOf(missing + u"/a/b"_s), mode_t(0700));
        QCOMPARE(modeOf(missing + u"/a"_s), mode_t(0700));
    }

    void parentWritableByOthers()
    {
        const QString open = m_base.filePath(u"open"_s);
        QVERIFY(makeDir(open, 0777));
        const DirCheck check = mcp::wire::ensurePrivateDir(open + u"/dimo-tray"_s);
        QCOMPARE(check.kind, DirCheck::Kind::Refused);
        QVERIFY2(check.error.contains(u"another user can change"_s), qPrintable(check.error));
    }

    void socketPathTooLong()
    {
        const QString deep = m_base.filePath(QString(120, u'd'));
        const DirCheck check = mcp::wire::prepareSocketDir(deep + u"/mcp.sock"_s);
        QCOMPARE(check.kind, DirCheck::Kind::Refused);
        QVERIFY2(check.error.contains(u"bytes long"_s) && check.error.contains(u"XDG_RUNTIME_DIR"_s),
                 qPrintable(check.error));
        QVERIFY(!QFile::exists(deep));
    }

private:
    struct Saved
    {
        const char *name;
        QByteArray value;
        bool set;
    };

    QTemporaryDir m_base{QDir::tempPath() + u"/tst-sd-XXXXXX"_s};
    QString m_tmp;
    QList<Saved> m_saved;
};

QTEST_GUILESS_MAIN(TestSocketDir)

#include "tst_socketdir.moc"

#endif
