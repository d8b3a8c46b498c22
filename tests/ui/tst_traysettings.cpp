// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The tray's settings without a keychain: SettingsStore (nothing secret in the settings file,
// read back by its bytes), StoredCredentialSource (environment variables override per field),
// and the words SecretStore gives for QtKeychain's errors.
#include "app/tray/settings/secretstore.h"
#include "app/tray/settings/settingsform.h"
#include "app/tray/settings/settingsstore.h"
#include "app/tray/settings/storedcredentialsource.h"

#include <QFile>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

const QString clientId = u"0x84a0F7845E012c833d255577F233284B46533543"_s;
const QString redirectUri = u"https://example.com/callback"_s;
const QString apiKey = u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;
const QString otherClientId = u"0x1111111111111111111111111111111111111111"_s;

app::Settings licensed()
{
    app::Settings v;
    v.clientId = clientId;
    v.redirectUri = redirectUri;
    v.apiKey = apiKey;
    return v;
}

QProcessEnvironment environment(const QList<std::pair<QString, QString>> &vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars) {
        env.insert(name, value);
    }
    return env;
}

} // namespace

class TestTraySettings : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:

    void settingsRoundTripWithoutSecrets()
    {
        const QString path = m_dir.filePath(u"roundtrip.ini"_s);
        app::Settings v = licensed();
        v.environment = app::Settings::Environment::Custom;
        v.environmentFile = u"/tmp/env.json"_s;
        v.fleetMode = true;
        v.approvalPolicy = u"never"_s;
        v.toolset = u"read-only"_s;
        v.httpEnabled = true;
        v.httpPort = 9000;
        v.startAtLogin = true;
        v.logLevel = u"info"_s;
        {
            QSettings settings(path, QSettings::IniFormat);
            app::SettingsStore store(&settings);
            QVERIFY2(store.save(v), qPrintable(store.errorString()));
        }
        // The file itself: the license's public parts are there, the API key nowhere, in no form.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains(clientId.toUtf8()));
        QVERIFY(!bytes.contains(apiKey.toUtf8()));
        QVERIFY(!bytes.contains(apiKey.toUpper().toUtf8()));
        QVERIFY(!bytes.contains(apiKey.left(16).toUtf8()));
        QVERIFY(!bytes.toLower().contains("apikey"));
        QVERIFY(!bytes.toLower().contains("api-key"));

        QSettings settings(path, QSettings::IniFormat);
        app::SettingsStore store(&settings);
        app::Settings expected = v;
        expected.apiKey.clear();
        QCOMPARE(store.load(), expected);
    }

    void defaultsAndJunk()
    {
        const QString path = m_dir.filePath(u"junk.ini"_s);
        {
            QSettings settings(path, QSettings::IniFormat);
            app::SettingsStore store(&settings);
            QCOMPARE(store.load(), app::Settings{});
            QVERIFY(!store.welcomeDone());
            settings.setValue(u"tools/approvalPolicy"_s, u"whenever"_s);
            settings.setValue(u"general/logLevel"_s, u"trace"_s);
            settings.setValue(u"http/port"_s, 80);
        }
        QSettings settings(path, QSettings::IniFormat);
        app::SettingsStore store(&settings);
        const app::Settings v = store.load();
        QCOMPARE(v.approvalPolicy, u"ask"_s);
        QCOMPARE(v.logLevel, u"info"_s);
        QCOMPARE(v.httpPort, app::Settings::DefaultHttpPort);
    }

    void welcomeAndDemo()
    {
        QSettings settings(m_dir.filePath(u"welcome.ini"_s), QSettings::IniFormat);
        app::SettingsStore store(&settings);
        store.setWelcomeDone(true);
        store.setDemoMode(true);
        QVERIFY(store.welcomeDone());
        QVERIFY(store.demoMode());
        QVERIFY(store.save(app::Settings{})); // still no license: demo stays
        QVERIFY(store.demoMode());
        QVERIFY(store.save(licensed())); // a license ends demo mode
        QVERIFY(!store.demoMode());
        QVERIFY(store.welcomeDone());
    }

    void defaultLocation()
    {
        const auto settings = app::SettingsStore::openDefault();
        QVERIFY2(settings->fileName().contains(u"dimo-tray"_s), qPrintable(settings->fileName()));
    }

    void notConfigured()
    {
        const app::StoredCredentialSource source(app::Settings{}, {}, QProcessEnvironment());
        const auto c = source.credentials();
        QVERIFY(!c);
        QCOMPARE(c.error().kind, dimo::Error::Kind::NotSignedIn);
        QVERIFY(c.error().message.contains(u"no DIMO developer license"_s));
        QVERIFY(c.error().hint.contains(u"Settings"_s));
        QCOMPARE(source.origin(), u"settings"_s);
        QVERIFY(source.overriddenFields().isEmpty());
        QVERIFY(!source.fleetMode());
        QCOMPARE(source.entryState(), u"EMAIL_INPUT"_s);
    }

    void storedLicense()
    {
        app::Settings v = licensed();
        v.clientId = clientId.toLower(); // normalised on the way out
        v.fleetMode = true;
        const app::StoredCredentialSource source(v, {}, QProcessEnvironment());
        const auto c = source.credentials();
        QVERIFY2(c.ok(), qPrintable(c ? QString() : c.error().toString()));
        QCOMPARE(c.value().clientId, clientId);
        QCOMPARE(c.value().apiKey, apiKey);
        QVERIFY(source.fleetMode());
        QCOMPARE(source.origin(), u"settings"_s);
    }

    void incompleteLicense()
    {
        app::Settings v = licensed();
        v.apiKey.clear();
        const app::StoredCredentialSource source(v, {}, QProcessEnvironment());
        QVERIFY(!source.credentials());
        QVERIFY(source.credentials().error().message.contains(u"missing: API key"_s));

        // The key is missing because the keychain could not be read: say that, not "missing".
        const app::StoredCredentialSource locked(v, u"The system keychain is locked."_s, QProcessEnvironment());
        QVERIFY(!locked.credentials());
        QVERIFY(locked.credentials().error().message.contains(u"keychain"_s));
        QVERIFY(locked.credentials().error().hint.contains(u"The system keychain is locked."_s));
        QVERIFY(locked.credentials().error().hint.contains(u"DIMO_PRIVATE_KEY"_s));
    }

    void environmentOverridesPerField()
    {
        const auto env = environment({{u"DIMO_CLIENT_ID"_s, u"  "_s + otherClientId + u" "_s},
                                      {u"FLEET_MODE"_s, u"yes"_s},
                                      {u"DIMO_ENTRY_STATE"_s, u"VEHICLE_MANAGER"_s},
                                      {u"DIMO_DOMAIN"_s, u"   "_s}}); // blank: does not count
        const app::StoredCredentialSource source(licensed(), {}, env);
        const auto c = source.credentials();
        QVERIFY(c.ok());
        QCOMPARE(c.value().clientId, otherClientId);
        QCOMPARE(c.value().redirectUri, redirectUri);
        QCOMPARE(c.value().apiKey, apiKey);
        QVERIFY(source.fleetMode());
        QCOMPARE(source.entryState(), u"VEHICLE_MANAGER"_s);
        QCOMPARE(source.origin(), u"settings (client ID from DIMO_CLIENT_ID)"_s);
        const QList<app::SettingsOverride> expected{
            {app::SettingsField::ClientId, u"DIMO_CLIENT_ID"_s, otherClientId},
            {app::SettingsField::FleetMode, u"FLEET_MODE"_s, u"yes"_s},
            {app::SettingsField::EntryState, u"DIMO_ENTRY_STATE"_s, u"VEHICLE_MANAGER"_s}};
        QCOMPARE(source.overriddenFields(), expected);

        // FLEET_MODE set to anything else turns a stored fleet mode off for this run.
        app::Settings fleet = licensed();
        fleet.fleetMode = true;
        QVERIFY(!app::StoredCredentialSource(fleet, {}, environment({{u"FLEET_MODE"_s, u"false"_s}})).fleetMode());
    }

    void everythingFromTheEnvironment()
    {
        // The old server's configuration works with nothing stored (and the keychain down).
        const auto env = environment({{u"DIMO_CLIENT_ID"_s, clientId},
                                      {u"DIMO_DOMAIN"_s, redirectUri},
                                      {u"DIMO_PRIVATE_KEY"_s, u"0x"_s + apiKey}});
        const app::StoredCredentialSource source(app::Settings{}, u"no keychain"_s, env);
        const auto c = source.credentials();
        QVERIFY(c.ok());
        QCOMPARE(c.value().apiKey, apiKey);
        QCOMPARE(source.origin(), u"environment variables (DIMO_CLIENT_ID, DIMO_DOMAIN, DIMO_PRIVATE_KEY)"_s);

        const app::StoredCredentialSource mixed(
            licensed(), {}, environment({{u"DIMO_CLIENT_ID"_s, clientId}, {u"DIMO_PRIVATE_KEY"_s, apiKey}}));
        QCOMPARE(mixed.origin(), u"settings (client ID from DIMO_CLIENT_ID, API key from DIMO_PRIVATE_KEY)"_s);
    }

    void invalidOverrideSaysWhere()
    {
        const app::StoredCredentialSource source(licensed(), {}, environment({{u"DIMO_CLIENT_ID"_s, u"0x123"_s}}));
        const auto c = source.credentials();
        QVERIFY(!c);
        QCOMPARE(c.error().kind, dimo::Error::Kind::InvalidInput);
        QVERIFY2(c.error().message.contains(u"DIMO_CLIENT_ID"_s), qPrintable(c.error().message));
        QVERIFY(c.error().message.contains(u"40 hexadecimal"_s));
    }

    void allOverridesForTheDialog()
    {
        const auto env = environment({{u"DIMO_LOGIN_BASE_URL"_s, u"http://127.0.0.1:6000"_s},
                                      {u"DIMOTRAY_TOOLSET"_s, u"essentials"_s},
                                      {u"DIMOTRAY_APPROVAL"_s, u"never"_s},
                                      {u"DIMO_PRIVATE_KEY"_s, apiKey},
                                      {u"UNRELATED"_s, u"x"_s}});
        const QList<app::SettingsOverride> expected{
            {app::SettingsField::ApiKey, u"DIMO_PRIVATE_KEY"_s, apiKey},
            {app::SettingsField::LoginUrl, u"DIMO_LOGIN_BASE_URL"_s, u"http://127.0.0.1:6000"_s},
            // DIMOTRAY_APPROVAL overrides nothing: it may only tighten the stored policy.
            {app::SettingsField::Toolset, u"DIMOTRAY_TOOLSET"_s, u"essentials"_s}};
        QCOMPARE(app::environmentOverrides(env), expected);
    }

    // The dialog edits its own form: every setting survives the way there and back, and the
    // overrides arrive with their fields.
    void dialogFormRoundTrip()
    {
        app::Settings v = licensed();
        v.environment = app::Settings::Environment::Custom;
        v.environmentFile = u"/tmp/sim-environment.json"_s;
        v.fleetMode = true;
        v.approvalPolicy = u"never"_s;
        v.toolset = u"essentials"_s;
        v.httpEnabled = true;
        v.httpPort = 9123;
        v.startAtLogin = true;
        v.logLevel = u"debug"_s;
        QVERIFY(v != app::Settings{});
        const ui::SettingsValues form = app::settingsform::toForm(v);
        QCOMPARE(form.environment, ui::SettingsValues::Environment::Custom);
        QCOMPARE(form.httpPort, quint16(9123));
        QCOMPARE(app::settingsform::fromForm(form), v);
        for (const auto environment : {app::Settings::Environment::Production, app::Settings::Environment::Dev}) {
            v.environment = environment;
            QCOMPARE(app::settingsform::fromForm(app::settingsform::toForm(v)).environment, environment);
        }
        const QList<ui::SettingsOverride> overrides = app::settingsform::toForm(
            QList<app::SettingsOverride>{{app::SettingsField::EntryState, u"DIMO_ENTRY_STATE"_s, u"LOGIN"_s},
                                         {app::SettingsField::ClientId, u"DIMO_CLIENT_ID"_s, u"0xabc"_s}});
        const QList<ui::SettingsOverride> expected{{ui::SettingsField::EntryState, u"DIMO_ENTRY_STATE"_s, u"LOGIN"_s},
                                                   {ui::SettingsField::ClientId, u"DIMO_CLIENT_ID"_s, u"0xabc"_s}};
        QCOMPARE(overrides, expected);
    }

    // The dialog's lists offer exactly the names the app stores and checks (spelled in tools:: and
    // Settings only), each with its own label; the defaults are among them.
    void dialogChoicesAreTheStoredNames()
    {
        const ui::SettingsChoices choices = app::settingsform::choices();
        const auto check = [](const QList<ui::SettingsChoice> &offered, const QStringList &names, const QString &def) {
            QStringList values;
            QSet<QString> labels;
            for (const ui::SettingsChoice &c : offered) {
                values << c.value;
                QVERIFY2(!c.label.isEmpty() && c.label != c.value, qPrintable(c.value));
                labels.insert(c.label);
            }
            QCOMPARE(values, names);
            QCOMPARE(labels.size(), offered.size());
            QVERIFY(values.contains(def));
        };
        const app::Settings defaults;
        check(choices.approvalPolicies, app::Settings::approvalPolicies(), defaults.approvalPolicy);
        check(choices.toolsets, app::Settings::toolsets(), defaults.toolset);
        check(choices.logLevels, app::Settings::logLevels(), defaults.logLevel);
        QCOMPARE(app::Settings::approvalPolicies(), (QStringList{u"ask"_s, u"unlock-and-trunk"_s, u"never"_s}));
        QCOMPARE(app::Settings::toolsets(), (QStringList{u"all"_s, u"read-only"_s, u"essentials"_s}));
        QCOMPARE(defaults.approvalPolicy, u"ask"_s); // the strictest, unless the user chooses
        QCOMPARE(defaults.logLevel, u"info"_s);
    }

    void keychainWords_data()
    {
        // The errors QtKeychain 0.13.2 gives on Linux (../shared/platform/README.md §3.4).
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no bus") << int(QKeychain::OtherError) << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s
                                << u"no D-Bus session"_s;
        QTest::newRow("no secret service")
            << int(QKeychain::OtherError)
            << u"The name org.freedesktop.secrets was not provided by any .service files"_s
            << u"gnome-keyring or KWallet"_s;
        QTest::newRow("never unlocked") << int(
            QKeychain::OtherError) << u"Object does not exist at path “/org/freedesktop/secrets/collection/login”"_s
                                        << u"Unlock (or create) your login keyring"_s;
        QTest::newRow("locked") << int(QKeychain::AccessDenied) << u"Cannot create an item in a locked collection"_s
                                << u"Unlock your keyring"_s;
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << u"No keychain service available"_s
                                    << u"gnome-keyring or KWallet"_s;
        QTest::newRow("refused") << int(QKeychain::AccessDeniedByUser) << u"denied"_s << u"was refused"_s;
    }

    void keychainWords()
    {
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString words = app::SecretStore::describe(error, text);
        QVERIFY2(words.contains(expected), qPrintable(words));
        QVERIFY(words.contains(u"Retry"_s));
        QVERIFY(app::SecretStore::describe(int(QKeychain::EntryNotFound), u"Entry not found"_s).isEmpty());
    }

    void keychainKeys()
    {
        QCOMPARE(app::SecretStore::serviceName(), u"dimo-tray"_s);
        QCOMPARE(app::SecretStore::apiKeyKey(clientId), u"api-key|"_s + clientId.toLower());
        QCOMPARE(app::SecretStore::apiKeyKey(clientId.toLower()), app::SecretStore::apiKeyKey(clientId));
        QVERIFY(app::SecretStore::apiKeyKey(clientId) != app::SecretStore::apiKeyKey(otherClientId));
    }
};

QTEST_GUILESS_MAIN(TestTraySettings)
#include "tst_traysettings.moc"
