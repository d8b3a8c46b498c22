// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/tray/fallbackwindow.h"

#include "ui/tray/traymenu.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

FallbackWindow::FallbackWindow(TrayMenu &menu, QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_state(new QLabel(this))
{
    setWindowTitle(tr("DIMO Tray"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_icon);
    m_state->setWordWrap(true);
    header->addWidget(m_state, 1);
    layout->addLayout(header);
    auto *note = new QLabel(explanation(), this);
    note->setWordWrap(true);
    note->setObjectName(u"fallbackNote"_s);
    layout->addWidget(note);
    const QList<QAction *> actions = menu.actions();
    for (QAction *action : actions.mid(1)) { // the state line is the header
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        layout->addWidget(button);
    }
    layout->addStretch();
    setMinimumWidth(320);
}

QString FallbackWindow::explanation()
{
    return tr("No system tray was found on this desktop, so this window stands in for the tray icon. "
              "Closing it keeps DIMO Tray running for your AI clients; start DIMO Tray again to bring it back.");
}

void FallbackWindow::apply(const TrayPresentation &presentation, const QIcon &icon)
{
    m_icon->setPixmap(icon.pixmap(32, 32));
    m_state->setText(presentation.tooltip);
    setWindowIcon(icon);
}

} // namespace ui
