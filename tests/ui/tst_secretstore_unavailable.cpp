// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SecretStore when no keychain can be reached (ctest points DBUS_SESSION_BUS_ADDRESS at a socket
// that does not exist; a second run also selects the KWallet code path, where QtKeychain's
// insecure fallback would otherwise write a plaintext file): every operation reports
// Unavailable with a sentence saying what to do, and the secret lands in no file.
#include "app/tray/settings/secretstore.h"
#include "tests/support/secretscan.h"
#include "tests/support/timeout.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

template <class F> std::optional<app::SecretResult> wait(F &&call)
{
    auto out = std::make_shared<std::optional<app::SecretResult>>();
    call([out](const app::SecretResult &r) {
        *out = r;
    });
    [[maybe_unused]] const bool answered = QTest::qWaitFor(
        [&] {
            return out->has_value();
        },
        testsupport::scaled(20000));
    return *out;
}

} // namespace

class TestSecretStoreUnavailable : public QObject
{
    Q_OBJECT
private:
    // Everything a fallback could write to (HOME, XDG directories, the temp directory) lives in
    // this private directory, and only it is scanned: scanning the whole temp directory would
    // also find this test's own source when the checkout lives there.
    QTemporaryDir m_root;
    QString m_home;
    const QString m_secret = u"5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7"_s;

    void expectUnavailable(const std::optional<app::SecretResult> &r)
    {
        QVERIFY2(r, "no answer");
        QCOMPARE(r->status, app::SecretResult::Status::Unavailable);
        QVERIFY(!r->error.isEmpty());
        QVERIFY2(r->error.contains(u"Retry"_s), qPrintable(r->error));
        QVERIFY2(r->error.contains(u"keychain"_s), qPrintable(r->error));
        QVERIFY(!r->error.contains(m_secret));
    }

private Q_SLOTS:

    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_home = m_root.filePath(u"home"_s);
        const QString tmp = m_root.filePath(u"tmp"_s);
        QVERIFY(QDir().mkpath(m_home) && QDir().mkpath(tmp));
        qputenv("HOME", QFile::encodeName(m_home));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home + u"/.config"_s));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home + u"/.local/share"_s));
        for (const char *name : {"TMPDIR", "TMP", "TEMP"}) {
            qputenv(name, QFile::encodeName(tmp));
        }
        QCOMPARE(QDir(QDir::tempPath()).canonicalPath(), QDir(tmp).canonicalPath());
        QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"_s),
                 "run through ctest: DBUS_SESSION_BUS_ADDRESS must point at a missing socket");
    }

    void writeReadRemoveProbe()
    {
        app::SecretStore store;
        store.setTimeoutMs(testsupport::scaled(15000));
        const QString key = app::SecretStore::apiKeyKey(u"0x84a0F7845E012c833d255577F233284B46533543"_s);
        const auto written = wait([&](const app::SecretCallback &done) {
            store.write(key, m_secret, done);
        });
        expectUnavailable(written);
        qInfo().noquote() << "write:" << written->error << "|" << written->detail;

        const auto read = wait([&](const app::SecretCallback &done) {
            store.read(key, done);
        });
        QVERIFY(read);
        QVERIFY(!read->ok());
        QVERIFY(read->value.isEmpty());

        const auto probe = wait([&](const app::SecretCallback &done) {
            store.probe(done);
        });
        expectUnavailable(probe);
    }

    void noPlaintextAnywhere()
    {
        QCoreApplication::processEvents();
        // HOME and the temp directory of this run.
        QVERIFY2(testsupport::filesContaining(m_root.path(), m_secret.toUtf8()).isEmpty(),
                 qPrintable(testsupport::filesContaining(m_root.path(), m_secret.toUtf8()).join(u", "_s)));
        // QtKeychain's fallback store would be the application's default QSettings.
        QSettings fallback;
        QVERIFY(!fallback.allKeys().join(u' ').contains(u"api-key"_s));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreUnavailable)
#include "tst_secretstore_unavailable.moc"
