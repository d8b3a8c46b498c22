// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// ui::LoginPage in-process with QtWebEngine: the redirect URI is caught before anything is sent,
// popups leave for the system browser unless they stay on Login with DIMO's origin.
#include "ui/login/loginpage.h"

#include <QApplication>
#include <QDesktopServices>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QWebEngineProfile>

using namespace Qt::StringLiterals;

// Receives QDesktopServices::openUrl for http(s) instead of the system browser.
class BrowserHook : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;

public Q_SLOTS:

    void open(const QUrl &url) { opened << url; }
};

class TestLoginPage : public QObject
{
    Q_OBJECT

    BrowserHook m_browser;
    QTcpServer m_login; // stands for Login with DIMO's origin; counts connections to it
    QUrl m_origin;

    static QString script(const QString &js) { return u"<!DOCTYPE html><script>"_s + js + u"</script>"_s; }

private Q_SLOTS:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDesktopServices::setUrlHandler(u"https"_s, &m_browser, "open");
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "open");
        QVERIFY(m_login.listen(QHostAddress::LocalHost));
        m_origin = QUrl(u"http://127.0.0.1:%1/"_s.arg(m_login.serverPort()));
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QDesktopServices::unsetUrlHandler(u"http"_s);
    }

    void init() { m_browser.opened.clear(); }

    void redirectIsCaughtBeforeItLeaves()
    {
        QTcpServer callback; // the redirect URI's port: nothing may connect
        QVERIFY(callback.listen(QHostAddress::LocalHost));
        const QString redirectUri = u"http://127.0.0.1:%1/dimotray/callback"_s.arg(callback.serverPort());
        QWebEngineProfile profile;
        ui::LoginPage page(&profile);
        page.setRedirectUri(redirectUri);
        QSignalSpy redirected(&page, &ui::LoginPage::redirected);
        page.setHtml(script(u"location.href = '%1?token=abc&walletAddress=undefined';"_s.arg(redirectUri)), m_origin);
        QVERIFY(redirected.wait(30000));
        const QUrl url = redirected.at(0).at(0).toUrl();
        QCOMPARE(url.path(), u"/dimotray/callback"_s);
        QCOMPARE(url.query(), u"token=abc&walletAddress=undefined"_s);
        QTest::qWait(300);
        QVERIFY(!callback.hasPendingConnections());
        QVERIFY(m_browser.opened.isEmpty());
    }

    void popupsLeaveUnlessLoginOrigin()
    {
        QWebEngineProfile profile;
        ui::LoginPage page(&profile);
        page.setLoginOrigin(m_origin.resolved(QUrl(u"/login/"_s)));
        QSignalSpy popups(&page, &ui::LoginPage::loginPopup);
        // Another origin (terms of service, a help page): the system browser, nothing in-app.
        page.setHtml(script(u"window.open('https://example.org/terms?x=1', '_blank');"_s), m_origin);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 30000);
        QCOMPARE(m_browser.opened.at(0), QUrl(u"https://example.org/terms?x=1"_s));
        QCOMPARE(popups.count(), 0);
        // Login with DIMO's own origin: kept in-app (offered to the window).
        page.setHtml(script(u"window.open('%1popup', '_blank');"_s.arg(m_origin.toString())), m_origin);
        QVERIFY(popups.wait(30000));
        QCOMPARE(m_browser.opened.size(), 1);
        QVERIFY(page.isLoginOrigin(m_origin.resolved(QUrl(u"/anything"_s))));
        QVERIFY(!page.isLoginOrigin(QUrl(u"http://127.0.0.2:%1/"_s.arg(m_origin.port()))));
        delete popups.at(0).at(0).value<QWebEnginePage *>();
    }
};

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestLoginPage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_loginpage.moc"
