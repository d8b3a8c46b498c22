// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/connect/snippetview.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

SnippetView::SnippetView(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
{
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setObjectName(u"caption"_s);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setObjectName(u"text"_s);
    m_copy->setObjectName(u"copy"_s);
    m_copy->setToolTip(tr("Copy to the clipboard"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_caption, 1);
    row->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_text, 1);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_copied);
    });
}

void SnippetView::setCaption(const QString &caption)
{
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

void SnippetView::setText(const QString &shown, const QString &copied)
{
    m_text->setPlainText(shown);
    m_copied = copied.isEmpty() ? shown : copied;
}

QString SnippetView::shownText() const
{
    return m_text->toPlainText();
}

} // namespace ui
