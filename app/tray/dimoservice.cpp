// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/dimoservice.h"

#include "app/tools/backend.h"
#include "app/tools/toolkit.h"
#include "app/tray/countingnam.h"
#include "app/tray/keychaintokenstore.h"
#include "app/tray/logging.h"
#include "dimo/auth/userjwtverifier.h"
#include "mcp/server.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace app {

namespace {

constexpr int KeychainWaitMs = 3000;

// The DIMO simulator's published test license (tests/dimosim/README.md): not a secret.
dimo::Credentials simulatorLicense()
{
    return {u"0x84a0F7845E012c833d255577F233284B46533543"_s,
            u"https://example.com/callback"_s,
            u"245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc"_s};
}

} // namespace

DimoService::DimoService(const Options &options, QObject *parent)
    : QObject(parent)
    , m_nam(new CountingNetworkAccessManager(this))
    , m_options(options)
{
    dimo::Environment environment = dimo::Environment::production().withOverrides();
    if (!options.environmentFile.isEmpty()) {
        const auto loaded = dimo::Environment::byName(options.environmentFile);
        if (loaded) {
            environment = loaded.value();
        } else {
            qCCritical(lcTools).noquote() << "cannot use environment" << options.environmentFile << ":"
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
    m_backend->approvals().setPolicy(tools::approvalPolicyFromString(qEnvironmentVariable("DIMOTRAY_APPROVAL")));
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
    const tools::Toolset toolset = tools::toolsetFromString(qEnvironmentVariable("DIMOTRAY_TOOLSET"));
    const int count = tools::registerTools(server.registry(), *m_backend, toolset);
    tools::registerResources(server.registry(), *m_backend);
    qCInfo(lcTools).noquote() << count << "DIMO tools registered (toolset" << tools::toString(toolset) << ")";
}

} // namespace app
