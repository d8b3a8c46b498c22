// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/connect/httpendpointview.h"

#include "ui/connect/snippetview.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

HttpEndpointView::HttpEndpointView(QWidget *parent)
    : QWidget(parent)
    , m_off(new QLabel(this))
    , m_on(new QWidget(this))
    , m_url(new QLineEdit(m_on))
    , m_token(new QLineEdit(m_on))
    , m_reveal(new QPushButton(tr("Reveal"), m_on))
    , m_copyToken(new QPushButton(tr("Copy token"), m_on))
    , m_snippet(new SnippetView(m_on))
{
    m_off->setObjectName(u"httpOff"_s);
    m_off->setWordWrap(true);
    m_off->setText(tr("The HTTP endpoint is off. AI clients connect through the program above; turn the endpoint "
                      "on in Settings only for clients that can reach MCP over HTTP alone."));
    m_on->setObjectName(u"httpOn"_s);
    m_url->setObjectName(u"httpUrl"_s);
    m_url->setReadOnly(true);
    m_token->setObjectName(u"httpToken"_s);
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_reveal->setObjectName(u"revealToken"_s);
    m_reveal->setCheckable(true);
    m_copyToken->setObjectName(u"copyToken"_s);
    m_snippet->setObjectName(u"httpSnippet"_s);
    m_snippet->setCaption(
        tr("Every request needs the token as \"Authorization: Bearer <token>\", so other users of this computer "
           "cannot reach your vehicles through 127.0.0.1:"));

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_reveal);
    tokenRow->addWidget(m_copyToken);
    auto *form = new QFormLayout;
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Token:"), tokenRow);
    auto *onLayout = new QVBoxLayout(m_on);
    onLayout->setContentsMargins(0, 0, 0, 0);
    onLayout->addLayout(form);
    onLayout->addWidget(m_snippet);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_off);
    layout->addWidget(m_on);
    layout->addStretch(1);

    connect(m_reveal, &QPushButton::toggled, this, [this] {
        refresh();
    });
    connect(m_copyToken, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_tokenText);
    });
    setEndpoint({}, {}, {});
}

void HttpEndpointView::setEndpoint(const QUrl &url, const QString &token, const QString &snippet)
{
    const bool on = url.isValid();
    m_off->setVisible(!on);
    m_on->setVisible(on);
    m_url->setText(url.toString());
    m_tokenText = token;
    m_snippetText = snippet;
    if (on && m_snippetText.isEmpty()) {
        m_snippetText = u"URL:    "_s + url.toString() + u"\nHeader: Authorization: Bearer "_s + token + u'\n';
    }
    m_reveal->setChecked(false);
    refresh();
}

bool HttpEndpointView::isRevealed() const
{
    return m_reveal->isChecked();
}

void HttpEndpointView::refresh()
{
    const bool revealed = m_reveal->isChecked();
    m_reveal->setText(revealed ? tr("Hide") : tr("Reveal"));
    m_token->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_token->setText(m_tokenText);
    m_token->setCursorPosition(0);
    QString shown = m_snippetText;
    if (!revealed && !m_tokenText.isEmpty()) {
        shown.replace(m_tokenText, QString(12, QChar(0x2022)));
    }
    m_snippet->setText(shown, m_snippetText);
}

} // namespace ui
