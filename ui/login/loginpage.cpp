// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/login/loginpage.h"

#include "dimo/auth/loginredirect.h"

#include <QDesktopServices>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ui {
namespace {

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

LoginPage::LoginPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{}

void LoginPage::setLoginOrigin(const QUrl &loginUrl)
{
    m_loginOrigin = loginUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

bool LoginPage::isLoginOrigin(const QUrl &url) const
{
    return m_loginOrigin.isValid() && url.scheme() == m_loginOrigin.scheme()
        && url.host().compare(m_loginOrigin.host(), Qt::CaseInsensitive) == 0
        && defaultPort(url) == defaultPort(m_loginOrigin);
}

bool LoginPage::catchRedirect(const QUrl &url)
{
    if (m_redirectUri.isEmpty() || !dimo::LoginRedirect::matches(url, m_redirectUri)) {
        return false;
    }
    Q_EMIT redirected(url);
    return true;
}

bool LoginPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    Q_UNUSED(type)
    Q_UNUSED(isMainFrame)
    return !catchRedirect(url); // nothing is sent to the redirect URI
}

QWebEnginePage *LoginPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    return new PopupPage(this, profile());
}

PopupPage::PopupPage(LoginPage *opener, QWebEngineProfile *profile)
    : QWebEnginePage(profile, opener)
    , m_opener(opener)
{}

bool PopupPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (m_opener->catchRedirect(url)) {
        return false;
    }
    if (m_decided || !isMainFrame) {
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
    }
    m_decided = true;
    if (m_opener->isLoginOrigin(url)) {
        Q_EMIT m_opener->loginPopup(this);
        return true;
    }
    if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")
        || url.scheme() == QLatin1String("mailto")) {
        QDesktopServices::openUrl(url);
    }
    QTimer::singleShot(0, this, &QObject::deleteLater);
    return false;
}

} // namespace ui
