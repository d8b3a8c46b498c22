// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/connect/clientsnippet.h"

#include <QDialog>
#include <QList>
#include <QStringList>
#include <QUrl>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace ui {

class HttpEndpointView;

/// "Connect an AI client": the shim's path, one-click setup of Claude Desktop, copyable
/// snippets for other clients, the HTTP endpoint and the clients connected now. It only shows
/// what the app gives it and asks the app to edit Claude Desktop's file.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    /// The absolute path of mcp-dimo, the program AI clients start.
    void setShimPath(const QString &path);
    /// The Claude Desktop config file the add button edits (shown as a hint).
    void setClaudeDesktopConfigPath(const QString &path);
    /// One tab per client, in order, before the HTTP tab.
    void setSnippets(const QList<ui::ClientSnippet> &snippets);
    /// The HTTP endpoint; an invalid `url` shows that it is off. `snippet` (may be empty) is
    /// shown with `token` masked until the user reveals it.
    void setHttpEndpoint(const QUrl &url, const QString &token, const QString &snippet = {});
    /// Clients connected now, e.g. "Claude Desktop 0.14.1"; empty shows an explanation.
    void setConnectedClients(const QStringList &clients);

public Q_SLOTS:
    /// The app's answer to addToClaudeDesktopRequested(), in words.
    void showClaudeDesktopResult(bool ok, const QString &words);

Q_SIGNALS:
    /// The user asked to add or update `dimo` in Claude Desktop's config file.
    void addToClaudeDesktopRequested();

private:
    QWidget *createShimSection();
    QWidget *createClaudeDesktopSection();
    QWidget *createConnectedSection();

    QLineEdit *m_shimPath = nullptr;
    QLabel *m_claudeHint = nullptr;
    QPushButton *m_addToClaude = nullptr;
    QLabel *m_claudeResult = nullptr;
    QTabWidget *m_tabs = nullptr;
    HttpEndpointView *m_http = nullptr;
    QListWidget *m_connected = nullptr;
    QLabel *m_noClients = nullptr;
};

} // namespace ui
