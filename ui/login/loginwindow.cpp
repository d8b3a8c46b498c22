// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/login/loginwindow.h"

#include "ui/login/loginpage.h"

#include <QCloseEvent>
#include <QDialog>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace ui {
namespace {

constexpr int SuccessShownMs = 1500;
constexpr int ErrAborted = -3; // Chromium's net::ERR_ABORTED: a navigation replaced by another

QString readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

LoginWindow::LoginWindow(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_primary(new QPushButton(this))
    , m_secondary(new QPushButton(this))
{
    setWindowTitle(tr("Log in with DIMO"));
    resize(480, 720);
    auto *notice = new QWidget(m_stack);
    notice->setObjectName(u"notice"_s);
    auto *layout = new QVBoxLayout(notice);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setObjectName(u"noticeTitle"_s);
    m_text->setObjectName(u"noticeText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_primary->setObjectName(u"primaryButton"_s);
    m_secondary->setObjectName(u"secondaryButton"_s);
    m_primary->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_secondary);
    buttons->addWidget(m_primary);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    layout->addStretch();
    m_stack->addWidget(notice);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    connect(m_primary, &QPushButton::clicked, this, [this] {
        if (m_onPrimary) {
            m_onPrimary();
        }
    });
    connect(m_secondary, &QPushButton::clicked, this, [this] {
        if (m_onSecondary) {
            m_onSecondary();
        }
    });
}

LoginWindow::~LoginWindow()
{
    // The page must go before its profile (Qt WebEngine warns and leaks otherwise).
    delete m_view;
    delete m_page;
    delete m_profile;
}

void LoginWindow::startLogin(const QUrl &loginUrl, const QString &redirectUri)
{
    m_mode = Mode::Login;
    m_loginUrl = loginUrl;
    m_redirectUri = redirectUri;
    setWindowTitle(tr("Log in with DIMO"));
    load();
}

void LoginWindow::startProvisioning(const ProvisionSetup &setup)
{
    m_mode = Mode::Provision;
    m_setup = setup;
    m_loginUrl = setup.loginBaseUrl;
    m_redirectUri = setup.domain;
    setWindowTitle(tr("Create a DIMO developer license"));
    showNotice(
        tr("Create a DIMO developer license"),
        tr("DIMO charges a fee for every new developer license; it is paid from the DIMO account you "
           "sign in with on the next page.\n\nDIMO Tray creates the license's API key on this computer "
           "and keeps it in your system keychain: only its public address is sent to DIMO.\n\nIf you "
           "already have a license, cancel and enter it in Settings instead."),
        tr("Continue"),
        [this] {
            load();
        },
        tr("Cancel"),
        [this] {
            close();
        });
    QTimer::singleShot(0, this, &LoginWindow::markReady);
    if (!m_clickId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            load();
        });
    }
}

void LoginWindow::markReady()
{
    if (!m_ready) {
        m_ready = true;
        Q_EMIT ready();
    }
}

void LoginWindow::setTestClickElement(const QString &elementId)
{
    m_clickId = elementId;
}

void LoginWindow::showNotice(const QString &title,
                             const QString &text,
                             const QString &primary,
                             Action onPrimary,
                             const QString &secondary,
                             Action onSecondary)
{
    m_title->setText(title);
    m_text->setText(text);
    m_primary->setText(primary);
    m_primary->setVisible(!primary.isEmpty());
    m_secondary->setText(secondary);
    m_secondary->setVisible(!secondary.isEmpty());
    m_onPrimary = std::move(onPrimary);
    m_onSecondary = std::move(onSecondary);
    m_stack->setCurrentIndex(0);
}

void LoginWindow::ensureView()
{
    if (m_view) {
        return;
    }
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_page = new LoginPage(m_profile, this);
    m_view = new QWebEngineView(m_stack);
    m_view->setPage(m_page);
    m_stack->addWidget(m_view);
    connect(m_page, &LoginPage::redirected, this, &LoginWindow::handleRedirect);
    connect(m_page, &LoginPage::loginPopup, this, &LoginWindow::showPopup);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &LoginWindow::handleLoading);
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (ok) {
            markReady();
        }
    });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this, [this] {
        handleFailure(tr("The login page stopped unexpectedly."));
    });
    if (!m_clickId.isEmpty()) {
        QWebEngineScript click;
        click.setName(u"dimotray-test-click"_s);
        click.setInjectionPoint(QWebEngineScript::DocumentReady);
        click.setRunsOnSubFrames(true);
        click.setWorldId(QWebEngineScript::MainWorld);
        click.setSourceCode(
            u"(function tick(){var b=document.getElementById(%1);"
            "if(b&&!b.disabled&&b.offsetParent!==null){b.click();}else{setTimeout(tick,100);}})();"_s.arg(
                u"'"_s + m_clickId + u"'"_s));
        m_page->scripts().insert(click);
    }
}

void LoginWindow::load()
{
    ensureView();
    m_awaitingVerdict = false;
    m_page->setRedirectUri(m_redirectUri);
    m_page->setLoginOrigin(m_loginUrl);
    m_stack->setCurrentWidget(m_view);
    if (m_mode == Mode::Login) {
        m_page->load(m_loginUrl);
        return;
    }
    delete m_bridge;
    delete m_channel;
    m_bridge = new ProvisionBridge(m_setup, this);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(u"bridge"_s, m_bridge);
    m_page->setWebChannel(m_channel);
    connect(m_bridge, &ProvisionBridge::succeeded, this, [this](const QString &id, qint64 token, const QString &key) {
        m_awaitingVerdict = true;
        showNotice(tr("Saving your license…"), tr("License %1 was created.").arg(id));
        Q_EMIT provisioned(id, token, key);
    });
    connect(m_bridge, &ProvisionBridge::rejected, this, [this](const QString &message) {
        handleFailure(message);
    });
    // The host page takes the redirect URI's origin (see provision.html); nothing is requested there.
    QUrl base(m_setup.domain);
    base.setPath(u"/.dimotray-provision"_s);
    base.setQuery(QString());
    base.setFragment(QString());
    m_page->setHtml(provisionHtml(), base);
}

QString LoginWindow::provisionHtml() const
{
    QString html = readResource(u":/dimotray/login/provision.html"_s);
    return html.replace(u"/*QWEBCHANNEL_JS*/"_s, readResource(u":/qtwebchannel/qwebchannel.js"_s));
}

void LoginWindow::handleLoading(const QWebEngineLoadingInfo &info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadFailedStatus || m_awaitingVerdict || m_finished
        || info.errorCode() == ErrAborted) {
        return;
    }
    const QString why = info.errorString().isEmpty() ? tr("error %1").arg(info.errorCode()) : info.errorString();
    handleFailure(tr("Login with DIMO could not be loaded (%1). Check your internet connection.").arg(why));
}

void LoginWindow::handleRedirect(const QUrl &url)
{
    if (m_awaitingVerdict || m_finished) {
        return;
    }
    if (m_mode == Mode::Provision) {
        handleFailure(tr("Login with DIMO returned without the license details."));
        return;
    }
    m_awaitingVerdict = true;
    showNotice(tr("Checking your login…"), tr("DIMO Tray is verifying the login with DIMO."));
    Q_EMIT redirected(url);
}

void LoginWindow::handleFailure(const QString &message, bool report)
{
    if (m_finished) {
        return;
    }
    m_awaitingVerdict = false;
    showNotice(
        m_mode == Mode::Provision ? tr("The license was not created") : tr("Login failed"),
        message,
        tr("Retry"),
        [this] {
            load();
        },
        tr("Close"),
        [this] {
            close();
        });
    if (report) {
        Q_EMIT failed(message);
    }
}

void LoginWindow::showVerified(bool ok, const QString &message)
{
    if (!ok) {
        handleFailure(message, false); // the caller knows
        return;
    }
    m_finished = true;
    showNotice(m_mode == Mode::Provision ? tr("License created") : tr("Signed in"), message);
    QTimer::singleShot(SuccessShownMs, this, [this] {
        hide();
        Q_EMIT succeeded();
    });
}

void LoginWindow::showPopup(QWebEnginePage *page)
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Login with DIMO"));
    dialog->resize(480, 640);
    page->setParent(dialog); // the page goes with the dialog
    auto *view = new QWebEngineView(dialog);
    view->setPage(page);
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    connect(page, &QWebEnginePage::windowCloseRequested, dialog, &QDialog::close);
    dialog->show();
}

void LoginWindow::closeEvent(QCloseEvent *event)
{
    event->accept();
    if (!m_finished) {
        m_finished = true;
        Q_EMIT closedByUser();
    }
}

} // namespace ui
