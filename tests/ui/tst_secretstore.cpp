// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SecretStore with the real Secret Service (gnome-keyring in dbus-run-session, as scripts/test
// runs it): store, read back with a new SecretStore (as after a restart), delete. Without a
// session bus the test is skipped; with one, a keyring that does not work fails it loudly.
#include "app/tray/settings/secretstore.h"
#include "tests/support/timeout.h"

#include <QRandomGenerator>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Runs one SecretStore call to its end.
template <class F> std::optional<app::SecretResult> wait(F &&call)
{
    auto out = std::make_shared<std::optional<app::SecretResult>>();
    auto count = std::make_shared<int>(0);
    call([out, count](const app::SecretResult &r) {
        ++*count;
        *out = r;
    });
    [[maybe_unused]] const bool answered = QTest::qWaitFor(
        [&] {
            return out->has_value();
        },
        testsupport::scaled(20000));
    QTest::qWait(20);
    if (*count > 1) {
        qWarning("callback called %d times", *count);
        return std::nullopt;
    }
    return *out;
}

QString describe(const std::optional<app::SecretResult> &r)
{
    if (!r) {
        return u"no answer (or more than one)"_s;
    }
    return u"status %1: %2 (%3)"_s.arg(int(r->status)).arg(r->error, r->detail);
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private:
    // A client ID nobody uses, so a developer's own keyring is never touched.
    const QString m_clientId =
        u"0x"_s + QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(40, u'0');
    const QString m_apiKey = u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;

private Q_SLOTS:

    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QSKIP("no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring (scripts/test)");
        }
        // The bus is there: the keychain must work (a locked keyring fails here, with the words).
        app::SecretStore store;
        store.setTimeoutMs(testsupport::scaled(15000));
        const auto probe = wait([&](const app::SecretCallback &done) {
            store.probe(done);
        });
        QVERIFY2(probe && probe->ok(), qPrintable(u"the keychain does not work: "_s + describe(probe)));
    }

    void storeReadAfterRestartDelete()
    {
        const QString key = app::SecretStore::apiKeyKey(m_clientId);
        {
            app::SecretStore store;
            const auto written = wait([&](const app::SecretCallback &done) {
                store.write(key, m_apiKey, done);
            });
            QVERIFY2(written && written->ok(), qPrintable(describe(written)));
        }
        // A new object, as after a restart of the tray.
        {
            app::SecretStore store;
            const auto read = wait([&](const app::SecretCallback &done) {
                store.read(key, done);
            });
            QVERIFY2(read && read->ok(), qPrintable(describe(read)));
            QCOMPARE(read->value, m_apiKey);
            // Keys are per client ID, whatever its case.
            const auto upper = wait([&](const app::SecretCallback &done) {
                store.read(app::SecretStore::apiKeyKey(m_clientId.toUpper()), done);
            });
            QVERIFY(upper && upper->ok());
            QCOMPARE(upper->value, m_apiKey);

            const auto removed = wait([&](const app::SecretCallback &done) {
                store.remove(key, done);
            });
            QVERIFY2(removed && removed->ok(), qPrintable(describe(removed)));
        }
        {
            app::SecretStore store;
            const auto gone = wait([&](const app::SecretCallback &done) {
                store.read(key, done);
            });
            QVERIFY(gone);
            QCOMPARE(gone->status, app::SecretResult::Status::NotFound);
            QVERIFY(gone->value.isEmpty());
            // Removing what is not there is fine (log out twice).
            const auto again = wait([&](const app::SecretCallback &done) {
                store.remove(key, done);
            });
            QVERIFY(again && again->ok());
        }
    }

    void httpTokenOverwritten()
    {
        app::SecretStore store;
        const QString key = app::SecretStore::httpTokenKey() + u"|test|"_s + m_clientId;
        for (const QString &token : {u"first-token"_s, u"second-token"_s}) {
            const auto written = wait([&](const app::SecretCallback &done) {
                store.write(key, token, done);
            });
            QVERIFY2(written && written->ok(), qPrintable(describe(written)));
        }
        app::SecretStore restarted;
        const auto read = wait([&](const app::SecretCallback &done) {
            restarted.read(key, done);
        });
        QVERIFY(read && read->ok());
        QCOMPARE(read->value, u"second-token"_s);
        QVERIFY(wait([&](const app::SecretCallback &done) {
                    restarted.remove(key, done);
                })->ok());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
