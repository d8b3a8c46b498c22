// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>
#include <QWebEnginePage>

namespace ui {

// The page of the login window. A navigation to the redirect URI (scheme, host, port, path; any
// frame, any navigation type including a server redirect) is stopped before any request leaves
// and reported by redirected(). Popups (window.open, target=_blank) go to the system browser,
// unless they stay on Login with DIMO's own origin: those are offered by loginPopup() (the
// window shows them in-app; nobody taking it deletes the page).
class LoginPage : public QWebEnginePage
{
    Q_OBJECT
public:
    LoginPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    void setRedirectUri(const QString &redirectUri) { m_redirectUri = redirectUri; }

    void setLoginOrigin(const QUrl &loginUrl); // scheme, host and port of Login with DIMO

    bool isLoginOrigin(const QUrl &url) const;

    // True (and redirected() emitted) if `url` is the redirect URI: the caller must not load it.
    bool catchRedirect(const QUrl &url);

Q_SIGNALS:
    void redirected(const QUrl &url);
    void loginPopup(QWebEnginePage *page);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    QString m_redirectUri;
    QUrl m_loginOrigin;
};

// A popup's page until its first navigation says where it goes: Login with DIMO's origin → kept
// (handed to the opener's loginPopup()), anything else → the system browser and deleted.
class PopupPage : public QWebEnginePage
{
    Q_OBJECT
public:
    PopupPage(LoginPage *opener, QWebEngineProfile *profile);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;

private:
    LoginPage *m_opener;
    bool m_decided = false;
};

} // namespace ui
