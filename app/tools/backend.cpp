// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/backend.h"

#include "app/tools/desktophooks.h"
#include "dimo/auth/userjwtverifier.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace app::tools {

Backend::Backend(QNetworkAccessManager *nam,
                 dimo::Environment environment,
                 std::unique_ptr<CredentialSource> source,
                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_environment(std::move(environment))
    , m_source(std::move(source))
    , m_clock(dimo::systemClock())
{
    m_schemas = new SchemaCache(
        [this] {
            return client();
        },
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
        [this] {
            return now();
        },
        this);
    m_vehicles = new VehicleState(
        [this] {
            return client();
        },
        [this] {
            return now();
        },
        this);
    m_approvals.setApprover(&m_elicitation);
    m_approvals.setClock([this] {
        return now();
    });
}

Backend::~Backend() = default;

void Backend::setDesktopHooks(DesktopHooks *hooks)
{
    m_hooks = hooks;
    m_approvals.setApprover(hooks ? &hooks->approver() : static_cast<Approver *>(&m_elicitation));
}

bool Backend::openLoginWindow(const QUrl &loginUrl)
{
    return m_hooks && m_hooks->openLoginWindow(loginUrl);
}

QString Backend::redirectUri() const
{
    const auto credentials = m_source->credentials();
    return credentials ? credentials.value().redirectUri : QString();
}

LoginListener &Backend::loginListener()
{
    if (!m_loginListener) {
        m_loginListener = new LoginListener(this);
    }
    return *m_loginListener;
}

QDateTime Backend::now() const
{
    return QDateTime::fromSecsSinceEpoch(m_clock(), Qt::UTC);
}

void Backend::setCredentialSource(std::unique_ptr<CredentialSource> source)
{
    m_source = std::move(source);
    delete m_client;
    m_client = nullptr;
    m_approvals.revokeAll();
    m_vehicles->clear();
    Q_EMIT clientReplaced();
}

dimo::Result<dimo::Client *> Backend::client()
{
    if (m_client) {
        return m_client;
    }
    const auto credentials = m_source->credentials();
    if (!credentials) {
        return credentials.error();
    }
    dimo::ClientOptions options;
    options.clock = m_clock;
    options.fleetMode = m_source->fleetMode();
    m_client = new dimo::Client(m_nam, m_environment, credentials.value(), options, this);
    // Remembered approvals belong to the signed-in user: sign-out (or a rejected session) and
    // another wallet drop them.
    connect(m_client,
            &dimo::Client::sessionStateChanged,
            this,
            [this](dimo::Client::SessionState state, const QString &wallet) {
                if (state == dimo::Client::SessionState::SigningIn) {
                    return;
                }
                const QString next = state == dimo::Client::SessionState::SignedIn ? wallet.toLower() : QString();
                if (next.isEmpty() || next != m_grantWallet) {
                    m_approvals.revokeAll();
                }
                m_grantWallet = next;
            });
    return m_client;
}

void Backend::signInDemoUser(int testUser)
{
    const auto c = client();
    if (!c) {
        Q_EMIT demoSignInFinished(false, c.error().toString());
        return;
    }
    const auto url = c.value()->loginUrl(dimo::LoginRequest{});
    if (!url) {
        Q_EMIT demoSignInFinished(false, url.error().toString());
        return;
    }
    QUrl approve = url.value();
    QUrlQuery query(approve);
    query.addQueryItem(u"testUser"_s, QString::number(testUser));
    query.addQueryItem(u"autoApprove"_s, u"1"_s);
    approve.setQuery(query);
    QNetworkRequest request(approve);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        const auto signedIn = client();
        if (!location.isValid() || !signedIn) {
            Q_EMIT demoSignInFinished(false,
                                      u"the simulator's login page did not redirect (%1)"_s.arg(reply->errorString()));
            return;
        }
        auto *job = signedIn.value()->completeLogin(location);
        connect(job, &dimo::UserJwtVerifyJob::finished, this, [this](const dimo::Result<dimo::UserSession> &session) {
            if (session) {
                m_vehicles->refresh();
            }
            Q_EMIT demoSignInFinished(session.ok(),
                                      session ? u"signed in as %1"_s.arg(session.value().walletAddress)
                                              : session.error().toString());
        });
    });
}

} // namespace app::tools
