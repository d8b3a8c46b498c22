// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/dimoservice.h"

#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "app/tools/views.h"
#include "app/tray/clients/autostart.h"
#include "app/tray/countingnam.h"
#include "app/tray/keychaintokenstore.h"
#include "app/tray/logging.h"
#include "app/tray/settings/settingscontroller.h"
#include "app/tray/settings/settingsstore.h"
#include "dimo/auth/userjwtverifier.h"
#include "mcp/server.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace app {

namespace {

constexpr int KeychainWaitMs = 3000;

} // namespace

dimo::Credentials DimoService::simulatorLicense()
{
    return {u"0x84a0F7845E012c833d255577F233284B46533543"_s,
            u"https://example.com/callback"_s,
            u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s};
}

DimoService::DimoService(const Options &options, QObject *parent)
    : QObject(parent)
    , m_nam(new CountingNetworkAccessManager(this))
    , m_options(options)
    , m_settingsFile(SettingsStore::openDefault())
    , m_settings(new SettingsController(m_settingsFile.get(), QProcessEnvironment::systemEnvironment(), this))
    , m_startValues(m_settings->store().load()) // the file only: the API key comes later
{
    applyLogLevel(m_startValues.logLevel);
    const QString environmentName =
        !options.environmentFile.isEmpty() ? options.environmentFile : m_startValues.environmentName();
    dimo::Environment environment = dimo::Environment::production().withOverrides();
    if (environmentName != u"production"_s) {
        const auto loaded = dimo::Environment::byName(environmentName);
        if (loaded) {
            environment = loaded.value();
        } else {
            qCCritical(lcTools).noquote() << "cannot use environment" << environmentName << ":"
                                          << loaded.error().toString() << "- using DIMO production";
        }
    }
    std::unique_ptr<tools::CredentialSource> source;
    if (options.demo) {
        source = std::make_unique<tools::FixedCredentialSource>(simulatorLicense(),
                                                                qEnvironmentVariable("FLEET_MODE") == u"true"_s,
                                                                u"demo mode (the DIMO simulator's test license)"_s);
    } else {
        source = std::make_unique<tools::EnvironmentCredentialSource>();
    }
    m_backend = new tools::Backend(m_nam, environment, std::move(source), this);
    // $DIMOTRAY_APPROVAL may only tighten the stored policy (the shim never passes it on).
    m_backend->approvals().setPolicy(
        tools::effectiveApprovalPolicy(m_startValues.approvalPolicy, qEnvironmentVariable("DIMOTRAY_APPROVAL")));
    if (options.demo) {
        connect(m_backend, &tools::Backend::demoSignInFinished, this, [](bool ok, const QString &message) {
            if (ok) {
                qCInfo(lcTools).noquote() << "demo mode:" << message;
            } else {
                qCWarning(lcTools).noquote() << "demo mode: sign-in failed:" << message;
            }
        });
    }
    restoreTokens();
    m_settings->load([this] {
        adoptStoredLicense();
        m_settingsLoaded = true;
        Q_EMIT settingsReady();
    });
    connect(m_settings, &SettingsController::saved, this, &DimoService::adoptStoredLicense);
}

void DimoService::adoptStoredLicense()
{
    if (m_options.demo) {
        return; // demo mode keeps the simulator's test license
    }
    auto source = m_settings->credentialSource();
    const auto next = source->credentials();
    const auto now = m_backend->credentialSource().credentials();
    const bool same = next.ok() == now.ok() && source->fleetMode() == m_backend->credentialSource().fleetMode()
        && (!next.ok()
            || (next.value().clientId == now.value().clientId && next.value().redirectUri == now.value().redirectUri
                && next.value().apiKey == now.value().apiKey));
    if (same) {
        return; // e.g. the environment variables only: keep the client and its tokens
    }
    qCInfo(lcTools).noquote() << "license from" << source->origin();
    m_backend->setCredentialSource(std::move(source));
    restoreTokens();
}

void DimoService::applyLogLevel(const QString &level)
{
    // "info" is the tray's own default (QT_LOGGING_RULES still wins over these rules).
    if (level == Settings::toString(Settings::LogLevel::Debug)) {
        QLoggingCategory::setFilterRules(u"dimotray.*.debug=true"_s);
    } else if (level == Settings::toString(Settings::LogLevel::Warning)) {
        QLoggingCategory::setFilterRules(u"dimotray.*.info=false\ndimotray.*.debug=false"_s);
    } else if (level == Settings::toString(Settings::LogLevel::Info)) {
        QLoggingCategory::setFilterRules(QString());
    }
}

QStringList DimoService::applySettings(const Settings &values, QString *problem)
{
    m_backend->approvals().setPolicy(
        tools::effectiveApprovalPolicy(values.approvalPolicy, qEnvironmentVariable("DIMOTRAY_APPROVAL")));
    applyLogLevel(values.logLevel);
    QStringList later;
    if (Autostart autostart; autostart.isEnabled() != values.startAtLogin) {
        const auto result = autostart.setEnabled(values.startAtLogin);
        if (!result.ok && problem) {
            *problem = tr("Start at login could not be changed: ") + result.error;
        }
    }
    if (values.environmentName() != m_startValues.environmentName() && m_options.environmentFile.isEmpty()) {
        later << tr("the DIMO environment");
    }
    if (values.toolset != m_startValues.toolset) {
        later << tr("the toolset");
    }
    if (values.httpEnabled != m_startValues.httpEnabled || values.httpPort != m_startValues.httpPort) {
        later << tr("the HTTP endpoint");
    }
    return later;
}

void DimoService::restoreTokens()
{
    const auto client = m_backend->client();
    if (!client || qEnvironmentVariable("DIMOTRAY_KEYCHAIN") == u"off"_s) {
        if (client && m_options.demo) {
            m_backend->signInDemoUser(1);
        }
        return;
    }
    // The developer JWT (14 days) and the user session outlive a restart through the keychain.
    auto *store = new KeychainTokenStore(client.value()->environment().authIssuer(), client.value()->clientId(), this);
    QPointer<dimo::Client> c = client.value();
    // A locked keychain may wait for the user to unlock it: the tools do not wait for it longer
    // than a few seconds (the tokens are then fetched again, and stored once the keychain answers).
    auto settled = std::make_shared<bool>(false);
    auto proceed = [this, c, store, settled](const QString &developerJwt, const QString &userJwt) {
        if (*settled || !c) {
            return;
        }
        *settled = true;
        if (!developerJwt.isEmpty() && !c->restoreDeveloperJwt(developerJwt)) {
            qCInfo(lcTools) << "the stored developer token is no longer usable; a new one will be fetched";
        }
        c->setTokenStore(store);
        if (m_options.demo) {
            m_backend->signInDemoUser(1);
        } else if (!userJwt.isEmpty()) {
            c->restoreSession(userJwt);
        }
    };
    store->load(proceed);
    QTimer::singleShot(KeychainWaitMs, this, [proceed, settled] {
        if (!*settled) {
            qCInfo(lcTools) << "the keychain did not answer in time; continuing without the stored tokens";
            proceed({}, {});
        }
    });
}

DimoService::~DimoService() = default;

void DimoService::attach(mcp::Server &server)
{
    const tools::Toolset toolset =
        tools::toolsetFromString(qEnvironmentVariable("DIMOTRAY_TOOLSET", m_startValues.toolset));
    const int count = tools::registerTools(server.registry(), *m_backend, toolset);
    // A session's grants end with the session (its id is never reused anyway).
    connect(&server, &mcp::Server::clientDisconnected, m_backend, [this](quintptr sessionId) {
        m_backend->approvals().forgetSession(sessionId);
    });
    tools::registerResources(server.registry(), *m_backend);
    tools::views::registerViews(server, *m_backend); // MCP Apps, for clients that declare it
    qCInfo(lcTools).noquote() << count << "DIMO tools registered (toolset" << tools::toString(toolset) << ")";
}

} // namespace app
