// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// app::LoginProcess with the real dimo-tray-login helper and QtWebEngine against the simulator.
// The helper clicks the simulator's Continue / Create license buttons (DIMOTRAY_LOGIN_TEST_CLICK).
#include "app/tray/login/loginprocess.h"
#include "dimo/auth/signer.h"
#include "dimo/client.h"
#include "dimo/credentials.h"
#include "tests/support/dimofixture.h"
#include "tests/support/jobwait.h"
#include "tests/support/timeout.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
const QString HelperPath = QStringLiteral(DIMOTRAY_BINARY_DIR "/bin/dimo-tray-login");
constexpr int FlowTimeoutMs = 60000;
} // namespace

class TestLoginProcess : public QObject
{
    Q_OBJECT

    DimoFixture m_fx;

    QJsonObject fixture(const QString &list, int index)
    {
        return m_fx.sim.fixtures()[list].toArray().at(index).toObject();
    }

    // A page that navigates to `target` (the forged redirect) as soon as it loads.
    static QUrl redirectingPage(const QUrl &target)
    {
        const QByteArray html = "<!DOCTYPE html><script>location.replace("
            + QJsonDocument(QJsonArray{target.toString(QUrl::FullyEncoded)})
                  .toJson(QJsonDocument::Compact)
                  .mid(1)
                  .chopped(1)
            + ");</script>";
        return QUrl(u"data:text/html;base64,"_s + QString::fromLatin1(html.toBase64()));
    }

private Q_SLOTS:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DIMOTRAY_LOGIN_HELPER", HelperPath.toLocal8Bit());
        qputenv("DIMOTRAY_LOGIN_TEST_CLICK", "approve");
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void init() { QVERIFY(m_fx.sim.reset()); }

    void cleanup()
    {
        m_fx.sim.dumpOnFailure();
        qputenv("DIMOTRAY_LOGIN_HELPER", HelperPath.toLocal8Bit());
    }

    void missingHelperSaysSo()
    {
        qputenv("DIMOTRAY_LOGIN_HELPER", "/nonexistent/dimo-tray-login");
        QCOMPARE(app::LoginProcess::helperPath(), QString());
        app::LoginProcess login;
        QSignalSpy finished(&login, &app::LoginProcess::finished);
        login.startProvisioning(
            {m_fx.env.login, m_fx.sim.credential(u"clientId"_s), u"http://127.0.0.1:8765/cb"_s, {}});
        QVERIFY(finished.wait(testsupport::scaled(5000)));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.contains(u"not installed"_s) && message.contains(u"Settings"_s), qPrintable(message));

        // A helper that dies at once (here: /bin/false) is reported as such.
        qputenv("DIMOTRAY_LOGIN_HELPER", "/bin/false");
        auto client = m_fx.client();
        login.startLogin(client.get(), client->loginUrl({}).value());
        QVERIFY(finished.wait(testsupport::scaled(5000)));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QVERIFY2(finished.at(1).at(1).toString().contains(u"stopped unexpectedly (exit code 1)"_s),
                 qPrintable(finished.at(1).at(1).toString()));
    }

    void helperExitsWhenTrayGoes()
    {
        // The helper alone: it runs until its stdin closes (the tray quit or crashed), then exits 0.
        QProcess helper;
        helper.start(HelperPath,
                     {u"--login"_s,
                      u"data:text/html,<p>A login page that waits for the user</p>"_s, // no network
                      u"--redirect"_s,
                      m_fx.credentials().redirectUri});
        QVERIFY(helper.waitForStarted());
        QVERIFY(!helper.waitForFinished(1500));
        helper.closeWriteChannel();
        QVERIFY(helper.waitForFinished(testsupport::scaled(15000)));
        QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
        QCOMPARE(helper.exitCode(), 0);
        QCOMPARE(helper.readAllStandardOutput(), QByteArray()); // nothing caught, nothing said
        // Bad arguments: exit 2 with a message on stderr.
        helper.start(HelperPath, {u"--provision"_s, u"https://login.dimo.org"_s});
        QVERIFY(helper.waitForFinished(testsupport::scaled(15000)));
        QCOMPARE(helper.exitCode(), 2);
        QVERIFY(helper.readAllStandardError().contains("--provision needs"));
    }

    void loginEndsWithVerifiedSession_data()
    {
        QTest::addColumn<bool>("share");
        QTest::newRow("login") << false;
        QTest::newRow("share a vehicle") << true;
    }

    void loginEndsWithVerifiedSession()
    {
        QFETCH(bool, share);
        auto client = m_fx.client();
        dimo::LoginRequest request;
        if (share) {
            request.entry = dimo::LoginRequest::Entry::ShareVehicles;
            request.permissionTemplateId = 1;
            request.vehicles = {24567};
        }
        const auto url = client->loginUrl(request);
        QVERIFY(url.ok());
        app::LoginProcess login;
        QSignalSpy finished(&login, &app::LoginProcess::finished);
        QSignalSpy failed(&login, &app::LoginProcess::attemptFailed);
        login.startLogin(client.get(), url.value());
        QVERIFY(login.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, testsupport::scaled(FlowTimeoutMs));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(client->sessionState(), dimo::Client::SessionState::SignedIn);
        QCOMPARE(client->wallet(), fixture(u"users"_s, 0).value(u"wallet"_s).toString());
        QVERIFY(finished.at(0).at(1).toString().contains(client->wallet()));
        QCOMPARE(finished.at(0).at(1).toString().contains(u"1 vehicle shared"_s), share);
        // The page posted the form to the simulator; the redirect itself never left the machine.
        QCOMPARE(m_fx.sim.count(u"login"_s, u"/approve"_s, "POST"), 1);
        // The window confirms briefly and the helper exits by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!login.isRunning(), testsupport::scaled(10000));
        QCOMPARE(finished.count(), 1);
    }

    void helperEnvironmentHasNoSecrets()
    {
#ifndef Q_OS_UNIX
        QSKIP("the recording wrapper is a shell script");
#endif
        // A wrapper records the environment the tray gives the helper, then runs the real helper:
        // the login still completes (display, Qt, QtWebEngine and the test hook got through), and
        // the license's key, the HTTP token and other variables did not.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString wrapper = dir.filePath(u"record-env"_s);
        const QString recorded = dir.filePath(u"helper.env"_s);
        QFile script(wrapper);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nenv > '" + QFile::encodeName(recorded) + "'\nexec '" + QFile::encodeName(HelperPath)
                     + "' \"$@\"\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("DIMOTRAY_LOGIN_HELPER", QFile::encodeName(wrapper));
        const QByteArray key = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";
        const QByteArray token = "http-token-b0d1e5";
        qputenv("DIMO_PRIVATE_KEY", key);
        qputenv("DIMOTRAY_HTTP_TOKEN", token);
        qputenv("DIMOTRAY_SOME_SECRET", "some-secret-c0ffee");
        auto unset = qScopeGuard([] {
            qunsetenv("DIMO_PRIVATE_KEY");
            qunsetenv("DIMOTRAY_HTTP_TOKEN");
            qunsetenv("DIMOTRAY_SOME_SECRET");
        });

        auto client = m_fx.client();
        app::LoginProcess login;
        QSignalSpy finished(&login, &app::LoginProcess::finished);
        login.startLogin(client.get(), client->loginUrl({}).value());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, testsupport::scaled(FlowTimeoutMs));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!login.isRunning(), testsupport::scaled(10000));

        QFile env(recorded);
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QByteArray text = "\n" + env.readAll(); // every line starts after a newline
        QVERIFY2(text.contains("\nDIMOTRAY_LOGIN_TEST_CLICK=approve\n"), text.constData());
        QVERIFY(text.contains("\nHOME="));
        for (const QByteArray &secret : {key, token, QByteArray("some-secret-c0ffee")}) {
            QVERIFY2(!text.contains(secret), text.constData());
        }
        for (const char *name : {"DIMO_PRIVATE_KEY=", "DIMOTRAY_HTTP_TOKEN=", "DIMOTRAY_SOME_SECRET="}) {
            QVERIFY2(!text.contains(name), text.constData());
        }
    }

    void forgedRedirectIsRejected_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("token of another license") << u"audience"_s;
        QTest::newRow("token of another user") << u"wallet"_s;
    }

    void forgedRedirectIsRejected()
    {
        QFETCH(QString, kind);
        const QString alice = fixture(u"users"_s, 0).value(u"wallet"_s).toString();
        dimo::Credentials source = m_fx.credentials();
        int user = 2; // Bob's genuine token, presented as Alice's
        if (kind == u"audience"_s) {
            const QJsonObject second = fixture(u"licenses"_s, 1);
            source = {second[u"clientId"_s].toString(), second[u"redirectURIs"_s].toArray().at(0).toString(), {}};
            user = 1; // Alice's genuine token, issued to another license
        }
        const auto genuine = dimo::buildLoginUrl(m_fx.env, source, {}, QDateTime::currentSecsSinceEpoch());
        QVERIFY(genuine.ok());
        const QUrl issued = m_fx.sim.autoLogin(genuine.value(), user);
        QUrl forged(m_fx.credentials().redirectUri);
        QUrlQuery q;
        q.addQueryItem(u"token"_s, QUrlQuery(issued).queryItemValue(u"token"_s));
        q.addQueryItem(u"walletAddress"_s, alice);
        forged.setQuery(q);

        auto client = m_fx.client();
        app::LoginProcess login;
        QSignalSpy finished(&login, &app::LoginProcess::finished);
        QSignalSpy failed(&login, &app::LoginProcess::attemptFailed);
        login.startLogin(client.get(), redirectingPage(forged), m_fx.credentials().redirectUri);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, testsupport::scaled(FlowTimeoutMs));
        QVERIFY2(failed.at(0).at(0).toString().contains(u"could not be verified"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(finished.count(), 0); // the window offers Retry
        QVERIFY(login.isRunning());
        QVERIFY(client->sessionState() != dimo::Client::SessionState::SignedIn);
        QVERIFY(!client->session().has_value());
        QVERIFY(client->wallet().isEmpty());
        login.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!login.isRunning());
    }

    void unreachablePageOffersRetry()
    {
        QTcpServer closed; // a port nobody listens on any more
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        auto client = m_fx.client();
        app::LoginProcess login;
        QSignalSpy finished(&login, &app::LoginProcess::finished);
        QSignalSpy failed(&login, &app::LoginProcess::attemptFailed);
        login.startLogin(client.get(), QUrl(u"http://127.0.0.1:%1/login/"_s.arg(port)), m_fx.credentials().redirectUri);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, testsupport::scaled(FlowTimeoutMs));
        QVERIFY2(failed.at(0).at(0).toString().contains(u"could not be loaded"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(finished.count(), 0);
        login.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toString(), u"Login cancelled."_s);
    }

    void provisioningGivesWorkingCredentials()
    {
        const QString redirect = u"http://127.0.0.1:8765/dimotray/callback"_s;
        app::LoginProcess login;
        QSignalSpy finished(&login, &app::LoginProcess::finished);
        QSignalSpy provisioned(&login, &app::LoginProcess::provisioned);
        login.startProvisioning({m_fx.env.login, m_fx.sim.credential(u"clientId"_s), redirect, u"DIMO Tray test"_s});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, testsupport::scaled(FlowTimeoutMs));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(provisioned.count(), 1);
        const QString clientId = provisioned.at(0).at(0).toString();
        const qint64 tokenId = provisioned.at(0).at(1).toLongLong();
        const QString apiKey = provisioned.at(0).at(2).toString();
        QCOMPARE(provisioned.at(0).at(3).toString(), redirect);
        QVERIFY(tokenId > 44);
        QVERIFY(!finished.at(0).at(1).toString().contains(apiKey)); // the key is never shown

        // The simulator registered the locally generated key's address, never saw the key itself.
        const auto signer = dimo::Signer::fromHex(apiKey);
        QVERIFY(signer.ok());
        const QJsonArray licenses = m_fx.sim.fixtures()[u"licenses"_s].toArray();
        const auto found = std::find_if(licenses.begin(), licenses.end(), [&](const QJsonValue &l) {
            return l[u"clientId"_s].toString() == clientId;
        });
        QVERIFY(found != licenses.end());
        QCOMPARE(found->toObject()[u"signer"_s].toString(), signer.value().address());
        QCOMPARE(found->toObject()[u"redirectURIs"_s].toArray(), QJsonArray{redirect});
        const QByteArray log = QJsonDocument(m_fx.sim.requests()).toJson();
        QVERIFY(!log.contains(apiKey.toLatin1()));

        // A developer JWT with the new credentials.
        const auto credentials = dimo::Credentials::validated(clientId, redirect, apiKey);
        QVERIFY2(credentials.ok(), qPrintable(credentials.ok() ? QString() : credentials.error().toString()));
        dimo::Client client(&m_fx.nam, m_fx.env, credentials.value(), DimoFixture::options());
        const auto jwt = waitForJob(client.developerJwt());
        QVERIFY(jwt.has_value());
        QVERIFY2(jwt->ok(), qPrintable(jwt->ok() ? QString() : jwt->error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!login.isRunning(), testsupport::scaled(10000));
    }
};

QTEST_GUILESS_MAIN(TestLoginProcess)
#include "tst_loginprocess.moc"
