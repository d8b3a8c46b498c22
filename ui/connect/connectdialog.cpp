// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/connect/connectdialog.h"

#include "ui/connect/httpendpointview.h"
#include "ui/connect/snippetview.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connect an AI client"));
    setObjectName(u"connectDialog"_s);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"snippetTabs"_s);
    m_http = new HttpEndpointView(m_tabs);
    m_http->setObjectName(u"httpEndpoint"_s);
    m_tabs->addTab(m_http, tr("HTTP"));
    auto *others = new QGroupBox(tr("Other clients"), this);
    auto *othersLayout = new QVBoxLayout(others);
    othersLayout->addWidget(m_tabs);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createShimSection());
    layout->addWidget(createClaudeDesktopSection());
    layout->addWidget(others, 1);
    layout->addWidget(createConnectedSection());
    layout->addWidget(buttons);

    setConnectedClients({});
    resize(640, 680);
}

QWidget *ConnectDialog::createShimSection()
{
    auto *box = new QGroupBox(tr("The DIMO server program"), this);
    auto *intro = new QLabel(tr("AI clients start this program to reach DIMO Tray. Use its full path in any client "
                                "that runs MCP servers as commands (stdio)."),
                             box);
    intro->setWordWrap(true);
    m_shimPath = new QLineEdit(box);
    m_shimPath->setObjectName(u"shimPath"_s);
    m_shimPath->setReadOnly(true);
    auto *copy = new QPushButton(tr("Copy"), box);
    copy->setObjectName(u"copyShimPath"_s);
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_shimPath->text());
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_shimPath, 1);
    row->addWidget(copy);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(intro);
    layout->addLayout(row);
    return box;
}

QWidget *ConnectDialog::createClaudeDesktopSection()
{
    auto *box = new QGroupBox(tr("Claude Desktop"), this);
    m_claudeHint = new QLabel(box);
    m_claudeHint->setObjectName(u"claudeDesktopHint"_s);
    m_claudeHint->setWordWrap(true);
    m_claudeHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addToClaude = new QPushButton(tr("Add to Claude Desktop"), box);
    m_addToClaude->setObjectName(u"addToClaudeDesktop"_s);
    m_claudeResult = new QLabel(box);
    m_claudeResult->setObjectName(u"claudeDesktopResult"_s);
    m_claudeResult->setWordWrap(true);
    m_claudeResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_claudeResult->hide();
    connect(m_addToClaude, &QPushButton::clicked, this, &ConnectDialog::addToClaudeDesktopRequested);

    auto *row = new QHBoxLayout;
    row->addWidget(m_addToClaude);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_claudeHint);
    layout->addLayout(row);
    layout->addWidget(m_claudeResult);
    setClaudeDesktopConfigPath({});
    return box;
}

QWidget *ConnectDialog::createConnectedSection()
{
    auto *box = new QGroupBox(tr("Connected now"), this);
    m_connected = new QListWidget(box);
    m_connected->setObjectName(u"connectedClients"_s);
    m_connected->setMaximumHeight(m_connected->fontMetrics().lineSpacing() * 4);
    m_noClients = new QLabel(tr("No AI client is connected right now. A client starts DIMO Tray's program when it "
                                "starts (Claude Desktop: after a restart); if one stays missing, check its MCP "
                                "settings and the Activity window."),
                             box);
    m_noClients->setObjectName(u"noClients"_s);
    m_noClients->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_connected);
    layout->addWidget(m_noClients);
    return box;
}

void ConnectDialog::setShimPath(const QString &path)
{
    m_shimPath->setText(path);
    m_shimPath->setCursorPosition(0);
}

void ConnectDialog::setClaudeDesktopConfigPath(const QString &path)
{
    const QString file = path.isEmpty() ? tr("Claude Desktop's configuration file") : path;
    m_claudeHint->setText(tr("Adds DIMO Tray as the server \"dimo\" to %1. Your other servers and settings stay; "
                             "the previous file is kept as a backup.")
                              .arg(file));
}

void ConnectDialog::setSnippets(const QList<ui::ClientSnippet> &snippets)
{
    while (m_tabs->count() > 1) { // everything before the HTTP tab
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    for (qsizetype i = 0; i < snippets.size(); ++i) {
        auto *view = new SnippetView(m_tabs);
        view->setObjectName(u"snippet_"_s + snippets[i].name);
        view->setCaption(snippets[i].where);
        view->setText(snippets[i].text);
        m_tabs->insertTab(int(i), view, snippets[i].name);
    }
    m_tabs->setCurrentIndex(0);
}

void ConnectDialog::setHttpEndpoint(const QUrl &url, const QString &token, const QString &snippet)
{
    m_http->setEndpoint(url, token, snippet);
}

void ConnectDialog::setConnectedClients(const QStringList &clients)
{
    m_connected->clear();
    m_connected->addItems(clients);
    m_connected->setVisible(!clients.isEmpty());
    m_noClients->setVisible(clients.isEmpty());
}

void ConnectDialog::showClaudeDesktopResult(bool ok, const QString &words)
{
    m_claudeResult->setText(words);
    m_claudeResult->setProperty("ok", ok);
    QPalette palette = m_claudeResult->palette();
    palette.setColor(QPalette::WindowText, ok ? this->palette().color(QPalette::WindowText) : QColor(0xb0, 0x20, 0x20));
    m_claudeResult->setPalette(palette);
    m_claudeResult->show();
}

} // namespace ui
