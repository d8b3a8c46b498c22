// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/loginflows.h"

#include "app/tools/backend.h"
#include "app/tray/login/loginprocess.h"

using namespace Qt::StringLiterals;

namespace app {

LoginFlows::LoginFlows(tools::Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_process(new LoginProcess(this))
{
    connect(m_process, &LoginProcess::finished, this, [this](bool ok, const QString &message) {
        Q_EMIT openChanged(false);
        Q_EMIT notify(ok ? tr("Login with DIMO") : tr("Login with DIMO did not finish"), message, !ok);
    });
}

bool LoginFlows::openWindow(const QUrl &loginUrl)
{
    return !LoginProcess::helperPath().isEmpty() && start(loginUrl);
}

void LoginFlows::logIn()
{
    const auto client = m_backend.client();
    if (!client) {
        Q_EMIT notify(tr("Cannot log in yet"), client.error().toString(), true);
        return;
    }
    const auto url = client.value()->loginUrl({});
    if (!url) {
        Q_EMIT notify(tr("Cannot log in"), url.error().toString(), true);
        return;
    }
    start(url.value());
}

void LoginFlows::share(const QList<qint64> &vehicles, const QList<int> &privileges)
{
    const auto client = m_backend.client();
    if (!client) {
        Q_EMIT notify(tr("Cannot share vehicles yet"), client.error().toString(), true);
        return;
    }
    dimo::LoginRequest request;
    request.entry = dimo::LoginRequest::Entry::ShareVehicles;
    request.vehicles = vehicles;
    if (privileges.isEmpty()) {
        request.permissionTemplateId = 1;
    } else {
        request.permissions = privileges;
    }
    const auto url = client.value()->loginUrl(request);
    if (!url) {
        Q_EMIT notify(tr("Cannot share vehicles"), url.error().toString(), true);
        return;
    }
    start(url.value());
}

bool LoginFlows::start(const QUrl &loginUrl)
{
    const auto client = m_backend.client();
    if (!client) {
        return false;
    }
    if (m_process->isRunning()) {
        m_process->raise();
        return true;
    }
    m_process->startLogin(client.value(), loginUrl);
    Q_EMIT openChanged(true);
    return true;
}

} // namespace app
