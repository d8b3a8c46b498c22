// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The tray's secrets in a real keychain (label keychain: scripts/test runs a D-Bus session with an
// unlocked gnome-keyring): the developer and user JWTs survive a restart, Log out deletes the user
// JWT, and a license created by Login with DIMO's provisioning lands in the keychain (API key) and
// the settings (client ID, redirect URI) and is used at once.
#include "app/tools/backend.h"
#include "app/tray/dimoservice.h"
#include "app/tray/keychaintokenstore.h"
#include "app/tray/licenseflows.h"
#include "app/tray/login/loginprocess.h"
#include "app/tray/settings/secretstore.h"
#include "app/tray/settings/settingscontroller.h"
#include "dimo/net/tokenjob.h"
#include "tests/support/dimofixture.h"
#include "tests/support/jobwait.h"
#include "tests/support/timeout.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTrayKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokensSurviveARestartAndLogOutDeletesTheUser();
    void provisionedLicenseIsStoredAndUsed();

private:
    struct Loaded
    {
        QString developer;
        QString user;
    };

    Loaded load(const QString &authUrl, const QString &clientId);

    DimoFixture m_fx;
    QTemporaryDir m_home;
};

void TestTrayKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("no D-Bus session (scripts/test provides one with an unlocked gnome-keyring)");
    }
    QStandardPaths::setTestModeEnabled(true);
    // The settings file of DimoService lives under XDG_CONFIG_HOME: a private one.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    for (const char *name : {"DIMO_CLIENT_ID", "DIMO_DOMAIN", "DIMO_PRIVATE_KEY", "DIMOTRAY_KEYCHAIN"}) {
        qunsetenv(name);
    }
    QString error;
    QVERIFY2(m_fx.start(&error), qPrintable(error));
}

TestTrayKeychain::Loaded TestTrayKeychain::load(const QString &authUrl, const QString &clientId)
{
    app::KeychainTokenStore store(authUrl, clientId);
    Loaded loaded;
    bool done = false;
    store.load([&](const QString &developer, const QString &user) {
        loaded = {developer, user};
        done = true;
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(done, testsupport::scaled(10000));
    }();
    return loaded;
}

void TestTrayKeychain::tokensSurviveARestartAndLogOutDeletesTheUser()
{
    auto client = m_fx.client();
    const QString auth = m_fx.env.authIssuer();
    app::KeychainTokenStore store(auth, client->clientId());
    client->setTokenStore(&store);
    QVERIFY(m_fx.signIn(*client, 1)); // stores the user JWT
    const auto developer = waitForJob(client->developerJwt()); // stores the developer JWT
    QVERIFY(developer && developer->ok());
    // "After a restart": a new store object reads both back from the keyring.
    QTRY_VERIFY_WITH_TIMEOUT(!load(auth, client->clientId()).developer.isEmpty(), testsupport::scaled(10000));
    const Loaded restored = load(auth, client->clientId());
    QVERIFY(!restored.user.isEmpty());
    auto second = m_fx.client();
    QVERIFY(second->restoreDeveloperJwt(restored.developer).ok());
    // Log out deletes the user JWT from the keychain; the developer JWT (the license's) stays.
    client->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(load(auth, client->clientId()).user.isEmpty(), testsupport::scaled(10000));
    QVERIFY(!load(auth, client->clientId()).developer.isEmpty());
}

void TestTrayKeychain::provisionedLicenseIsStoredAndUsed()
{
    app::Options options;
    options.environmentFile = m_fx.sim.environmentFile();
    app::DimoService dimo(options);
    QTRY_VERIFY_WITH_TIMEOUT(dimo.settingsLoaded(), testsupport::scaled(10000));
    QVERIFY(!dimo.backend()->client().ok()); // nothing configured yet
    app::LoginProcess login;
    app::LicenseFlows flows(dimo, login);
    // What the provisioning window reports (tst_loginprocess runs that flow in the real web view).
    const dimo::Credentials license = m_fx.credentials();
    Q_EMIT login.provisioned(license.clientId, 7, license.apiKey, license.redirectUri);
    QSignalSpy saved(dimo.settings(), &app::SettingsController::saved);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, testsupport::scaled(10000));
    QVERIFY(dimo.settings()->keychainError().isEmpty());
    // The client ID is in the settings file, the API key only in the keychain.
    QCOMPARE(dimo.settings()->store().load().clientId, license.clientId);
    QString secret;
    bool read = false;
    dimo.settings()->secrets().read(app::SecretStore::apiKeyKey(license.clientId), [&](const app::SecretResult &r) {
        secret = r.value;
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, testsupport::scaled(10000));
    QCOMPARE(secret, license.apiKey);
    // The tools use the new license at once: a developer JWT with it works.
    const auto client = dimo.backend()->client();
    QVERIFY2(client.ok(), qPrintable(client.ok() ? QString() : client.error().toString()));
    QCOMPARE(client.value()->clientId(), license.clientId);
    const auto jwt = waitForJob(client.value()->developerJwt());
    QVERIFY(jwt && jwt->ok());
    // Clean up the keyring for the next run.
    dimo.settings()->save(app::Settings{});
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, testsupport::scaled(10000));
}

QTEST_MAIN(TestTrayKeychain)

#include "tst_traykeychain.moc"
