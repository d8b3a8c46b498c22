// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SettingsController end to end: settings file + keychain + the dialog. Registered twice: with the
// real gnome-keyring (label keychain; the license survives a restart, a cleared license leaves no
// key behind) and with a session bus address that leads nowhere (the dialog shows the keychain
// banner, settings still save, the API key is written nowhere).
#include "app/tray/settings/secretstore.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/settings/settingsdialogcontroller.h"
#include "tests/support/secretscan.h"
#include "tests/support/timeout.h"
#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QFrame>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString redirectUri = u"https://example.com/callback"_s;
const QString apiKey = u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;

bool unavailableMode()
{
    return qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"_s);
}

bool loadAndWait(app::SettingsController &c)
{
    bool done = false;
    c.load([&done] {
        done = true;
    });
    return QTest::qWaitFor(
        [&] {
            return done;
        },
        testsupport::scaled(30000));
}

} // namespace

class TestSettingsController : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    // A client ID of its own (checksummed by the validator on the way in), so no real entry is touched.
    QString m_clientId;

    app::Settings licensed() const
    {
        app::Settings v;
        v.clientId = m_clientId;
        v.redirectUri = redirectUri;
        v.apiKey = apiKey;
        return v;
    }

private Q_SLOTS:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString hex = QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
        m_clientId = dimo::Credentials::validateClientId(u"0x"_s + QString(24, u'a') + hex).value();
        if (unavailableMode()) {
            qputenv("HOME", QFile::encodeName(m_dir.path()));
            qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u".config"_s)));
            qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(u".local/share"_s)));
        } else if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QSKIP("no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring (scripts/test)");
        }
    }

    void firstRun()
    {
        QSettings settings(m_dir.filePath(u"first.ini"_s), QSettings::IniFormat);
        app::SettingsController c(&settings, QProcessEnvironment());
        QVERIFY(c.needsWelcome());
        c.store().setWelcomeDone(true);
        QVERIFY(!c.needsWelcome());

        QSettings fresh(m_dir.filePath(u"first-env.ini"_s), QSettings::IniFormat);
        QProcessEnvironment env;
        env.insert(u"DIMO_CLIENT_ID"_s, m_clientId);
        app::SettingsController fromEnv(&fresh, env);
        QVERIFY(!fromEnv.needsWelcome()); // the old server's configuration: no welcome
        QCOMPARE(fromEnv.overrides().size(), 1);
    }

    void licenseSurvivesRestart()
    {
        if (unavailableMode()) {
            QSKIP("needs the keychain");
        }
        const QString ini = m_dir.filePath(u"restart.ini"_s);
        {
            QSettings settings(ini, QSettings::IniFormat);
            app::SettingsController c(&settings, QProcessEnvironment());
            QVERIFY(loadAndWait(c));
            QVERIFY(c.keychainError().isEmpty());
            QVERIFY(!c.credentialSource()->credentials());
            QSignalSpy saved(&c, &app::SettingsController::saved);
            c.save(licensed());
            QVERIFY(saved.count() == 1 || saved.wait(testsupport::scaled(20000)));
            QVERIFY(c.keychainError().isEmpty());
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(apiKey.toUtf8()));
        {
            // As after a restart: a new controller on the same file reads the key from the keychain.
            QSettings settings(ini, QSettings::IniFormat);
            app::SettingsController c(&settings, QProcessEnvironment());
            QVERIFY(loadAndWait(c));
            QCOMPARE(c.values().apiKey, apiKey);
            const auto creds = c.credentialSource()->credentials();
            QVERIFY2(creds.ok(), qPrintable(creds ? QString() : creds.error().toString()));
            QCOMPARE(creds.value().clientId, m_clientId);

            // Cleared in the dialog: the settings forget the license and the key leaves the keychain.
            app::SettingsDialogController dialogs(c, &m_nam);
            auto *dialog = dialogs.open();
            QVERIFY(dialog);
            // Its lists are the app's (settingsform::choices), showing the stored values.
            auto *approval = dialog->findChild<QComboBox *>(u"approvalPolicy"_s);
            QCOMPARE(approval->count(), 3);
            QCOMPARE(approval->currentData().toString(), c.values().approvalPolicy);
            QCOMPARE(dialog->findChild<QComboBox *>(u"logLevel"_s)->currentData().toString(), c.values().logLevel);
            QCOMPARE(dialog->values().toolset, c.values().toolset);
            ui::SettingsValues none = dialog->values();
            none.clientId.clear();
            none.redirectUri.clear();
            none.apiKey.clear();
            dialog->setValues(none);
            QSignalSpy saved(&c, &app::SettingsController::saved);
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
            QVERIFY(saved.count() == 1 || saved.wait(testsupport::scaled(20000)));
            QVERIFY(c.values().licenseEmpty());
        }
        app::SecretStore secrets;
        std::optional<app::SecretResult> read;
        secrets.read(app::SecretStore::apiKeyKey(m_clientId), [&read](const app::SecretResult &r) {
            read = r;
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return read.has_value();
            },
            testsupport::scaled(20000)));
        QCOMPARE(read->status, app::SecretResult::Status::NotFound);
    }

    void httpTokenKeptInTheKeychain()
    {
        if (unavailableMode()) {
            QSKIP("needs the keychain");
        }
        QSettings settings(m_dir.filePath(u"token.ini"_s), QSettings::IniFormat);
        app::SettingsController c(&settings, QProcessEnvironment());
        auto get = [&c] {
            std::optional<std::pair<QString, QString>> out;
            c.httpToken([&out](const QString &token, const QString &error) {
                out = std::pair{token, error};
            });
            [[maybe_unused]] const bool answered = QTest::qWaitFor(
                [&] {
                    return out.has_value();
                },
                testsupport::scaled(20000));
            return out;
        };
        // Start from nothing; a token already there (a developer's own keyring) is put back at the end.
        std::optional<app::SecretResult> existing;
        c.secrets().read(app::SecretStore::httpTokenKey(), [&existing](const app::SecretResult &r) {
            existing = r;
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return existing.has_value();
            },
            testsupport::scaled(20000)));
        bool removed = false;
        c.secrets().remove(app::SecretStore::httpTokenKey(), [&removed](const app::SecretResult &) {
            removed = true;
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return removed;
            },
            testsupport::scaled(20000)));
        const auto first = get();
        QVERIFY(first);
        QVERIFY2(first->second.isEmpty(), qPrintable(first->second));
        QCOMPARE(first->first.size(), 43); // 32 bytes, base64url without padding
        const auto second = get();
        QVERIFY(second);
        QCOMPARE(second->first, first->first); // kept, not regenerated
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(!file.open(QIODevice::ReadOnly) || !file.readAll().contains(first->first.toUtf8()));
        bool restored = false;
        auto restoredDone = [&restored](const app::SecretResult &) {
            restored = true;
        };
        if (existing->ok()) {
            c.secrets().write(app::SecretStore::httpTokenKey(), existing->value, restoredDone);
        } else {
            c.secrets().remove(app::SecretStore::httpTokenKey(), restoredDone);
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return restored;
            },
            testsupport::scaled(20000)));
    }

    void keychainDown()
    {
        if (!unavailableMode()) {
            QSKIP("needs DBUS_SESSION_BUS_ADDRESS pointing nowhere (the _unavailable registration)");
        }
        const QString ini = m_dir.filePath(u"down.ini"_s);
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.setValue(u"license/clientId"_s, m_clientId);
            settings.setValue(u"license/redirectUri"_s, redirectUri);
        }
        QSettings settings(ini, QSettings::IniFormat);
        app::SettingsController c(&settings, QProcessEnvironment());
        QSignalSpy errors(&c, &app::SettingsController::keychainErrorChanged);
        QVERIFY(loadAndWait(c));
        QVERIFY(!c.keychainError().isEmpty());
        QCOMPARE(errors.count(), 1);
        const auto creds = c.credentialSource()->credentials();
        QVERIFY(!creds);
        QVERIFY2(creds.error().message.contains(u"keychain"_s), qPrintable(creds.error().message));

        app::SettingsDialogController dialogs(c, &m_nam);
        auto *dialog = dialogs.open();
        QVERIFY(dialog->findChild<QFrame *>(u"keychainBanner"_s)->isVisible());
        QVERIFY(!dialog->canStoreSecrets());
        auto *level = dialog->findChild<QComboBox *>(u"logLevel"_s);
        level->setCurrentIndex(level->findData(u"debug"_s));
        QSignalSpy saved(&c, &app::SettingsController::saved);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(saved.count() == 1 || saved.wait(testsupport::scaled(20000)));
        QCOMPARE(c.values().logLevel, u"debug"_s);

        // Even asked directly, the key is not written anywhere while the keychain is down.
        QSignalSpy again(&c, &app::SettingsController::saved);
        c.save(licensed());
        QVERIFY(again.count() == 1 || again.wait(testsupport::scaled(20000)));
        QVERIFY(c.values().apiKey.isEmpty());
        settings.sync();
        QVERIFY2(testsupport::filesContaining(m_dir.path(), apiKey.toUtf8()).isEmpty(),
                 qPrintable(testsupport::filesContaining(m_dir.path(), apiKey.toUtf8()).join(u", "_s)));

        // No HTTP token without a keychain: the endpoint must not start unprotected.
        std::optional<std::pair<QString, QString>> token;
        c.httpToken([&token](const QString &t, const QString &error) {
            token = std::pair{t, error};
        });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return token.has_value();
            },
            testsupport::scaled(20000)));
        QVERIFY(token->first.isEmpty());
        QVERIFY(token->second.contains(u"keychain"_s));

        // Retry: still down, still said.
        QSignalSpy retried(&c, &app::SettingsController::keychainRetried);
        dialog = dialogs.open();
        dialog->findChild<QPushButton *>(u"retryKeychain"_s)->click();
        QVERIFY(retried.wait(testsupport::scaled(30000)));
        QVERIFY(!retried.first().first().toString().isEmpty());
        QVERIFY(!c.keychainError().isEmpty());
        QVERIFY(dialog->findChild<QFrame *>(u"keychainBanner"_s)->isVisible());
    }
};

QTEST_MAIN(TestSettingsController)
#include "tst_settingscontroller.moc"
