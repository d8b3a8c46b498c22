// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/clients/connectcontroller.h"

#include "app/tray/clients/claudedesktopconfig.h"
#include "app/tray/clients/clientsnippets.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace app {

QString clientLabel(const QJsonObject &clientInfo)
{
    QString name = clientInfo.value("title"_L1).toString().trimmed();
    if (name.isEmpty()) {
        name = clientInfo.value("name"_L1).toString().trimmed();
    }
    if (name.isEmpty()) {
        return ConnectController::tr("Unknown client");
    }
    const QString version = clientInfo.value("version"_L1).toString().trimmed();
    return version.isEmpty() ? name : name + u' ' + version;
}

ConnectController::ConnectController(QObject *parent)
    : ConnectController(Paths{}, parent)
{}

ConnectController::ConnectController(Paths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{
    if (m_paths.claudeDesktopConfig.isEmpty()) {
        m_paths.claudeDesktopConfig = ClaudeDesktopConfig::path(m_paths.os, PlatformDirs::current());
    }
}

ConnectController::~ConnectController()
{
    delete m_dialog;
}

void ConnectController::show()
{
    if (!m_dialog) {
        m_dialog = new ui::ConnectDialog;
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setShimPath(m_paths.shim);
        m_dialog->setClaudeDesktopConfigPath(m_paths.claudeDesktopConfig);
        m_dialog->setSnippets(clientSnippets(m_paths.shim, m_paths.os));
        connect(
            m_dialog, &ui::ConnectDialog::addToClaudeDesktopRequested, this, &ConnectController::addToClaudeDesktop);
        setHttpEndpoint(m_httpUrl, m_httpToken);
        setConnectedClients(m_clients);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ConnectController::setHttpEndpoint(const QUrl &url, const QByteArray &token)
{
    m_httpUrl = url;
    m_httpToken = token;
    if (m_dialog) {
        const QString text = QString::fromUtf8(token);
        m_dialog->setHttpEndpoint(url, text, url.isValid() ? httpSnippet(url, text) : QString());
    }
}

void ConnectController::setConnectedClients(const QStringList &clients)
{
    m_clients = clients;
    if (m_dialog) {
        m_dialog->setConnectedClients(clients);
    }
}

void ConnectController::addToClaudeDesktop()
{
    const ClaudeDesktopInstall result = ClaudeDesktopConfig::install(m_paths.claudeDesktopConfig, m_paths.shim);
    if (m_dialog) {
        m_dialog->showClaudeDesktopResult(result.ok(), result.summary());
    }
}

} // namespace app
