// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/login/provisionbridge.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QWebChannel;
class QWebEngineLoadingInfo;
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineView;

namespace ui {

class LoginPage;

// The Login with DIMO window (runs in the dimo-tray-login helper process). Login: loads the login
// URL in an off-the-record profile and reports the navigation to the redirect URI (stopped before
// it leaves) by redirected(); the caller verifies it and answers with showVerified().
// Provisioning: says first that DIMO charges a fee, then hosts Login with DIMO's
// PROVISION_DEVELOPER_LICENSE flow (embed mode, postMessage ↔ QWebChannel) and reports
// provisioned(). Load failures, render crashes and rejected logins are shown with a Retry button.
class LoginWindow : public QWidget
{
    Q_OBJECT
public:
    explicit LoginWindow(QWidget *parent = nullptr);
    ~LoginWindow() override;

    void startLogin(const QUrl &loginUrl, const QString &redirectUri);
    void startProvisioning(const ProvisionSetup &setup); // shows the fee notice first

    // The verdict on the last redirect or provisioning: ok → a short confirmation, then
    // succeeded(); not ok → the message with Retry and Close.
    void showVerified(bool ok, const QString &message);

    // Test seam (DIMOTRAY_LOGIN_TEST_CLICK): clicks the element with this id in every frame once
    // it is enabled, and accepts the fee notice.
    void setTestClickElement(const QString &elementId);

Q_SIGNALS:
    void redirected(const QUrl &url);
    void provisioned(const QString &clientId, qint64 tokenId, const QString &privateKeyHex);
    void failed(const QString &message); // shown in the window; the user may retry
    void succeeded(); // the confirmation was shown: the window is closed
    void closedByUser();
    void ready(); // once: the first screen is up (the fee notice, or the loaded login page)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class Mode { None, Login, Provision };
    using Action = std::function<void()>;

    void showNotice(const QString &title,
                    const QString &text,
                    const QString &primary = {},
                    Action onPrimary = {},
                    const QString &secondary = {},
                    Action onSecondary = {});
    void ensureView();
    void load();
    void handleLoading(const QWebEngineLoadingInfo &info);
    void handleRedirect(const QUrl &url);
    void handleFailure(const QString &message, bool report = true);
    void showPopup(QWebEnginePage *page);
    QString provisionHtml() const;
    void markReady();

    Mode m_mode = Mode::None;
    QUrl m_loginUrl;
    QString m_redirectUri;
    ProvisionSetup m_setup;
    QString m_clickId;
    bool m_awaitingVerdict = false;
    bool m_finished = false;
    bool m_ready = false;

    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_primary;
    QPushButton *m_secondary;
    Action m_onPrimary;
    Action m_onSecondary;

    QWebEngineProfile *m_profile = nullptr;
    LoginPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QWebChannel *m_channel = nullptr;
    ProvisionBridge *m_bridge = nullptr;
};

} // namespace ui
