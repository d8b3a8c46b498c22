// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// The Settings dialog under offscreen: every license field validated as the user types (words
// under the field, Save disabled while invalid), paste-friendly API key, environment-variable
// overrides, the keychain banner, and the "Test credentials" round trip.
#include "ui/settings/settingsdialog.h"
#include "ui/settings/validatedfield.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// The DIMO simulator's published test license (tests/dimosim/README.md): not a secret.
const QString clientId = u"0x84a0F7845E012c833d255577F233284B46533543"_s;
const QString redirectUri = u"https://example.com/callback"_s;
const QString apiKey = u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s;

// With DIMOTRAY_SCREENSHOT_DIR set, saves the window as DIR/<name>.png (for the README).
void snap(QWidget &window, const QString &name)
{
    const QString dir = qEnvironmentVariable("DIMOTRAY_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(100); // let the dialog fit its height to the messages
        window.grab().save(dir + u'/' + name + u".png"_s);
    }
}

ui::SettingsValues licensed()
{
    ui::SettingsValues v;
    v.clientId = clientId;
    v.redirectUri = redirectUri;
    v.apiKey = apiKey;
    return v;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private:
    static ui::ValidatedField *field(ui::SettingsDialog &d, const QString &name)
    {
        return d.findChild<ui::ValidatedField *>(name);
    }

    static QPushButton *save(ui::SettingsDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    }

    // Types like a user: select all, then key clicks (textEdited fires per key).
    static void type(ui::ValidatedField *f, const QString &text)
    {
        f->lineEdit()->setFocus();
        f->lineEdit()->selectAll();
        QTest::keyClick(f->lineEdit(), Qt::Key_Backspace);
        QTest::keyClicks(f->lineEdit(), text);
    }

    static void paste(ui::ValidatedField *f, const QString &text)
    {
        QGuiApplication::clipboard()->setText(text);
        f->lineEdit()->setFocus();
        f->lineEdit()->selectAll();
        QTest::keyClick(f->lineEdit(), Qt::Key_V, Qt::ControlModifier);
    }

private Q_SLOTS:

    void emptyLicenseIsAllowed()
    {
        ui::SettingsDialog d;
        d.show();
        QVERIFY(save(d)->isEnabled());
        auto *note = d.findChild<QLabel *>(u"licenseNote"_s);
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(u"not configured"_s));
        QVERIFY(!d.findChild<QPushButton *>(u"testCredentials"_s)->isEnabled());
        QVERIFY(d.values().clientId.isEmpty() && d.values().redirectUri.isEmpty() && d.values().apiKey.isEmpty());
    }

    void badClientIdAsYouType()
    {
        ui::SettingsDialog d;
        d.setValues(licensed());
        d.show();
        QVERIFY(save(d)->isEnabled());
        auto *id = field(d, u"clientId"_s);
        type(id, u"0x84a0F78"_s);
        QVERIFY(!id->isValid());
        QVERIFY2(id->message().contains(u"40 hexadecimal characters; you gave 7"_s), qPrintable(id->message()));
        QVERIFY(id->findChild<QLabel *>(u"message"_s)->isVisible());
        QVERIFY(!save(d)->isEnabled());
        QVERIFY(!d.findChild<QPushButton *>(u"testCredentials"_s)->isEnabled());

        // One wrong letter case: the checksum message names the expected spelling.
        QString wrongCase = clientId;
        wrongCase[4] = u'A';
        type(id, wrongCase);
        QVERIFY(!id->isValid());
        QVERIFY2(id->message().contains(u"checksum"_s), qPrintable(id->message()));
        QVERIFY(id->message().contains(clientId));
        QVERIFY(!save(d)->isEnabled());

        type(id, clientId);
        QVERIFY(id->isValid());
        QVERIFY(id->message().isEmpty());
        QVERIFY(save(d)->isEnabled());
        QVERIFY(d.findChild<QPushButton *>(u"testCredentials"_s)->isEnabled());
    }

    void badRedirectUriAndApiKey()
    {
        ui::SettingsDialog d;
        d.setValues(licensed());
        d.show();
        auto *uri = field(d, u"redirectUri"_s);
        type(uri, u"ftp://example.com/cb"_s);
        QVERIFY(!uri->isValid());
        QVERIFY2(uri->message().contains(u"https://"_s), qPrintable(uri->message()));
        QVERIFY(!save(d)->isEnabled());
        type(uri, redirectUri);
        QVERIFY(save(d)->isEnabled());

        auto *key = field(d, u"apiKey"_s);
        type(key, u"12345"_s);
        QVERIFY(!key->isValid());
        QVERIFY2(key->message().contains(u"64 hexadecimal characters; you gave 5"_s), qPrintable(key->message()));
        QVERIFY(!save(d)->isEnabled());
    }

    void partialLicenseNeedsAllThree()
    {
        ui::SettingsDialog d;
        d.show();
        type(field(d, u"clientId"_s), clientId);
        QVERIFY(field(d, u"clientId"_s)->isValid());
        QVERIFY(!field(d, u"redirectUri"_s)->isValid());
        QVERIFY2(field(d, u"redirectUri"_s)->message().contains(u"empty"_s),
                 qPrintable(field(d, u"redirectUri"_s)->message()));
        QVERIFY(!field(d, u"apiKey"_s)->isValid());
        QVERIFY(!save(d)->isEnabled());
        QVERIFY(!d.findChild<QLabel *>(u"licenseNote"_s)->isVisible());

        // Cleared again: back to "not configured", which is allowed.
        type(field(d, u"clientId"_s), QString());
        QVERIFY(field(d, u"redirectUri"_s)->isValid());
        QVERIFY(save(d)->isEnabled());
    }

    void apiKeyMaskedWithShowToggle()
    {
        ui::SettingsDialog d;
        d.setValues(licensed());
        d.show();
        auto *key = field(d, u"apiKey"_s);
        QCOMPARE(key->lineEdit()->echoMode(), QLineEdit::Password);
        auto *show = key->findChild<QToolButton *>(u"show"_s);
        QVERIFY(show);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(key->lineEdit()->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(key->lineEdit()->echoMode(), QLineEdit::Password);
    }

    void pasteApiKey_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::newRow("0x prefix") << u"0x"_s + apiKey;
        QTest::newRow("upper case 0X") << u"0X"_s + apiKey.toUpper();
        QTest::newRow("surrounding whitespace") << u"  \t"_s + apiKey + u"\n"_s;
        QTest::newRow("wrapped line") << apiKey.left(32) + u"\n"_s + apiKey.mid(32);
        QTest::newRow("quoted") << u"\"0x"_s + apiKey + u"\" "_s;
    }

    void pasteApiKey()
    {
        QFETCH(QString, pasted);
        ui::SettingsDialog d;
        ui::SettingsValues v = licensed();
        v.apiKey.clear();
        d.setValues(v);
        d.show();
        QVERIFY(!save(d)->isEnabled());
        auto *key = field(d, u"apiKey"_s);
        paste(key, pasted);
        QVERIFY2(key->isValid(), qPrintable(key->message()));
        QVERIFY(save(d)->isEnabled());
        QCOMPARE(d.values().apiKey, apiKey);
        QVERIFY(!key->lineEdit()->text().contains(u' '));
        QVERIFY(!key->lineEdit()->text().contains(u'\n'));
    }

    void valuesRoundTrip()
    {
        ui::SettingsDialog d;
        d.setChoices({{{u"ask"_s, u"Ask"_s}, {u"unlock-and-trunk"_s, u"Ask for some"_s}, {u"never"_s, u"Never"_s}},
                      {{u"all"_s, u"All"_s}, {u"read-only"_s, u"Read"_s}, {u"essentials"_s, u"Few"_s}},
                      {{u"info"_s, u"Info"_s}, {u"debug"_s, u"Debug"_s}}});
        ui::SettingsValues v = licensed();
        v.environment = ui::SettingsValues::Environment::Dev;
        v.fleetMode = true;
        v.approvalPolicy = u"unlock-and-trunk"_s;
        v.toolset = u"essentials"_s;
        v.httpEnabled = true;
        v.httpPort = 9123;
        v.startAtLogin = true;
        v.logLevel = u"debug"_s;
        d.setValues(v);
        QCOMPARE(d.values(), v);
        QCOMPARE(d.findChild<QComboBox *>(u"toolset"_s)->count(), 3);
        QCOMPARE(d.findChild<QComboBox *>(u"approvalPolicy"_s)->currentText(), u"Ask for some"_s);

        // Lists given again (e.g. another language) keep what is selected.
        d.setChoices({{{u"ask"_s, u"A"_s}, {u"unlock-and-trunk"_s, u"U"_s}, {u"never"_s, u"N"_s}},
                      {{u"all"_s, u"A"_s}, {u"essentials"_s, u"E"_s}},
                      {{u"debug"_s, u"D"_s}, {u"info"_s, u"I"_s}}});
        QCOMPARE(d.values(), v);
        QCOMPARE(d.findChild<QComboBox *>(u"approvalPolicy"_s)->currentText(), u"U"_s);

        // The client ID comes back checksummed, whatever case was typed.
        type(field(d, u"clientId"_s), clientId.toLower());
        QVERIFY(field(d, u"clientId"_s)->isValid());
        QCOMPARE(d.values().clientId, clientId);
    }

    void customEnvironmentFile()
    {
        ui::SettingsDialog d;
        d.setValues(licensed());
        d.show();
        auto *env = d.findChild<QComboBox *>(u"environment"_s);
        env->setCurrentIndex(env->findData(u"custom"_s));
        auto *file = field(d, u"environmentFile"_s);
        QVERIFY(file->isVisible());
        QVERIFY(!file->isValid());
        QVERIFY(!save(d)->isEnabled());
        type(file, u"/nonexistent/env.json"_s);
        QVERIFY2(file->message().contains(u"Cannot read"_s), qPrintable(file->message()));
        QVERIFY(!save(d)->isEnabled());

        QTemporaryDir dir;
        const QString path = dir.filePath(u"env.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QString root = u"http://127.0.0.1:1"_s;
        f.write(QStringLiteral(R"({"auth": "%1", "tokenExchange": "%1", "identity": "%1", "telemetry": "%1",
            "attestation": "%1", "deviceDefinitions": "%1", "login": "%1"})")
                    .arg(root)
                    .toUtf8());
        f.close();
        type(file, path);
        QVERIFY2(file->isValid(), qPrintable(file->message()));
        QVERIFY(save(d)->isEnabled());
        QCOMPARE(d.values().environment, ui::SettingsValues::Environment::Custom);
        QCOMPARE(d.values().environmentFile, path);
    }

    void overridesAreReadOnly()
    {
        ui::SettingsDialog d;
        ui::SettingsValues stored = licensed();
        d.setValues(stored);
        const QString envClientId = u"0x1111111111111111111111111111111111111111"_s;
        d.setOverrides({{ui::SettingsField::ClientId, u"DIMO_CLIENT_ID"_s, envClientId},
                        {ui::SettingsField::ApiKey, u"DIMO_PRIVATE_KEY"_s, apiKey},
                        {ui::SettingsField::FleetMode, u"FLEET_MODE"_s, u"true"_s},
                        {ui::SettingsField::LoginUrl, u"DIMO_LOGIN_BASE_URL"_s, u"http://127.0.0.1:6000"_s}});
        d.show();
        auto *id = field(d, u"clientId"_s);
        QVERIFY(id->lineEdit()->isReadOnly());
        QCOMPARE(id->lineEdit()->text(), envClientId);
        QCOMPARE(id->message(), u"Set by DIMO_CLIENT_ID for this run."_s);
        auto *key = field(d, u"apiKey"_s);
        QVERIFY(key->lineEdit()->isReadOnly());
        QVERIFY(key->lineEdit()->text().isEmpty()); // a secret from the environment is never shown
        QVERIFY(key->message().contains(u"DIMO_PRIVATE_KEY"_s));
        auto *fleet = d.findChild<QCheckBox *>(u"fleetMode"_s);
        QVERIFY(!fleet->isEnabled());
        QVERIFY(fleet->isChecked());
        QVERIFY(d.findChild<QLabel *>(u"fleetModeNote"_s)->text().contains(u"FLEET_MODE"_s));
        QVERIFY(d.findChild<QLabel *>(u"environmentNote"_s)->text().contains(u"DIMO_LOGIN_BASE_URL"_s));
        QVERIFY(!field(d, u"redirectUri"_s)->lineEdit()->isReadOnly());
        QVERIFY(save(d)->isEnabled());

        // Saving keeps the stored values underneath: the environment is never copied into settings.
        QCOMPARE(d.values().clientId, stored.clientId);
        QCOMPARE(d.values().apiKey, stored.apiKey);
        QCOMPARE(d.values().fleetMode, false);
        // The test uses what this run uses.
        QCOMPARE(d.credentials().value().clientId, envClientId);

        snap(d, u"settings-overrides"_s);
        d.setOverrides({});
        QVERIFY(!id->lineEdit()->isReadOnly());
        QCOMPARE(id->lineEdit()->text(), clientId);
        QVERIFY(fleet->isEnabled());
        QVERIFY(!fleet->isChecked());
    }

    void testCredentialsRoundTrip()
    {
        ui::SettingsDialog d;
        d.setValues(licensed());
        d.show();
        QSignalSpy requested(&d, &ui::SettingsDialog::testRequested);
        auto *test = d.findChild<QPushButton *>(u"testCredentials"_s);
        auto *busy = d.findChild<QProgressBar *>(u"testBusy"_s);
        auto *result = d.findChild<QLabel *>(u"testResult"_s);
        QVERIFY(test->isEnabled());
        QVERIFY(!busy->isVisible());
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        const auto creds = requested.first().at(0).value<dimo::Credentials>();
        QCOMPARE(creds.clientId, clientId);
        QCOMPARE(creds.redirectUri, redirectUri);
        QCOMPARE(creds.apiKey, apiKey);
        QCOMPARE(requested.first().at(1).toString(), u"production"_s);
        // Busy until the app answers; a second click does nothing.
        QVERIFY(busy->isVisible());
        QVERIFY(!test->isEnabled());
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);

        d.showTestResult(false, u"DIMO rejected the license."_s);
        QVERIFY(!busy->isVisible());
        QVERIFY(test->isEnabled());
        QVERIFY(result->isVisible());
        QVERIFY(result->text().contains(u"DIMO rejected the license."_s));

        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(requested.count(), 2);
        d.showTestResult(true, u"DIMO accepted the license."_s);
        snap(d, u"settings"_s);
        type(field(d, u"clientId"_s), u"0x84a0F78"_s);
        snap(d, u"settings-invalid"_s);
        type(field(d, u"clientId"_s), clientId);
        QVERIFY(result->text().contains(u"DIMO accepted the license."_s));
        // Editing the license hides the outdated outcome.
        type(field(d, u"redirectUri"_s), u"https://example.com/other"_s);
        QVERIFY(!result->isVisible());
    }

    void keychainBanner()
    {
        ui::SettingsDialog d;
        d.setValues(licensed());
        d.show();
        QSignalSpy retry(&d, &ui::SettingsDialog::retryKeychainRequested);
        auto *banner = d.findChild<QFrame *>(u"keychainBanner"_s);
        QVERIFY(!banner->isVisible());
        QVERIFY(d.canStoreSecrets());

        d.setKeychainError(u"The keychain is locked. Unlock it, then retry."_s);
        QVERIFY(banner->isVisible());
        const QString words = d.findChild<QLabel *>(u"keychainMessage"_s)->text();
        QVERIFY(words.contains(u"The keychain is locked."_s));
        QVERIFY(words.contains(u"cannot be stored"_s));
        QVERIFY(words.contains(u"plain text"_s));
        QVERIFY(!d.canStoreSecrets());
        snap(d, u"settings-keychain"_s);
        auto *key = field(d, u"apiKey"_s);
        QVERIFY(key->lineEdit()->isReadOnly());
        QVERIFY(key->lineEdit()->text().isEmpty());
        // The other settings can still be saved; the key handed back is the stored one, untouched.
        QVERIFY(save(d)->isEnabled());
        QCOMPARE(d.values().apiKey, apiKey);

        QTest::mouseClick(d.findChild<QPushButton *>(u"retryKeychain"_s), Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
        d.setKeychainError({});
        QVERIFY(!banner->isVisible());
        QVERIFY(d.canStoreSecrets());
        QVERIFY(!key->lineEdit()->isReadOnly());
        QCOMPARE(key->lineEdit()->text(), apiKey);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
