// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/approval/approvaldialog.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Translation context for the free functions here (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ui::ApprovalDialog)
};
} // namespace

namespace {

QString messageHtml(const ApprovalPrompt &p)
{
    const QString client = p.clientName.isEmpty() ? Text::tr("An AI client") : p.clientName;
    const QString command = p.commandTitle.isEmpty() ? p.tool : p.commandTitle;
    QString vehicle = p.vehicleName.isEmpty() ? Text::tr("vehicle %1").arg(p.tokenId) : p.vehicleName;
    if (!p.vehicleName.isEmpty() && p.tokenId != 0) {
        vehicle += Text::tr(" (token %1)").arg(p.tokenId);
    }
    return Text::tr("<p><b>%1</b> asks to run <b>%2</b> <tt>%3</tt> on <b>%4</b>.</p>"
                    "<p>This acts on a real car: DIMO sends the command to the vehicle itself. Allow it only if "
                    "you asked your AI client to do this.</p>")
        .arg(client.toHtmlEscaped(), command.toHtmlEscaped(), p.tool.toHtmlEscaped(), vehicle.toHtmlEscaped());
}

} // namespace

ApprovalDialog::ApprovalDialog(const ApprovalPrompt &prompt, int timeoutMs, QWidget *parent)
    : QDialog(parent, Qt::Dialog | Qt::WindowStaysOnTopHint)
    , m_prompt(prompt)
    , m_deadline(timeoutMs)
    , m_timeout(new QTimer(this))
    , m_tick(new QTimer(this))
    , m_message(new QLabel(messageHtml(prompt), this))
    , m_countdown(new QLabel(this))
    , m_allowOnce(new QPushButton(tr("Allow once"), this))
    , m_allowSession(new QPushButton(tr("Allow for this session (%1 h)").arg(prompt.grantHours), this))
    , m_allowAlways(new QPushButton(tr("Allow for any AI client (%1 h)").arg(prompt.grantHours), this))
    , m_deny(new QPushButton(tr("Deny"), this))
{
    setWindowTitle(tr("Allow a vehicle command? — DIMO Tray"));
    setModal(false);

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setMinimumWidth(380);

    auto *text = new QVBoxLayout;
    text->addWidget(m_message);
    text->addWidget(m_countdown);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buildButtons(prompt.grantHours));

    m_timeout->setSingleShot(true);
    m_timeout->setTimerType(Qt::PreciseTimer);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        decide(ApprovalChoice::TimedOut);
    });
    m_timeout->start(std::max(0, timeoutMs));
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &ApprovalDialog::updateCountdown);
    m_tick->start();
    updateCountdown();
    m_deny->setFocus();
}

// Allow once / for this session / for any AI client, and Deny.
QHBoxLayout *ApprovalDialog::buildButtons(int grantHours)
{
    // Only Deny may ever be triggered by Enter: the allow buttons are never default buttons.
    m_allowOnce->setAutoDefault(false);
    m_allowSession->setAutoDefault(false);
    m_allowAlways->setAutoDefault(false);
    const QString until = tr("for %1 hours, until you sign out, or until you revoke it in Settings").arg(grantHours);
    m_allowSession->setToolTip(
        tr("Later requests from this AI client's current session to run this command on this vehicle run without "
           "asking, ")
        + until);
    m_allowAlways->setToolTip(
        tr("Later requests from any AI client to run this command on this vehicle run without asking, ") + until);
    m_deny->setAutoDefault(true);
    m_deny->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_allowOnce);
    buttons->addWidget(m_allowSession);
    buttons->addWidget(m_allowAlways);
    buttons->addStretch();
    buttons->addWidget(m_deny);

    connect(m_allowOnce, &QPushButton::clicked, this, [this] {
        decide(ApprovalChoice::AllowOnce);
    });
    connect(m_allowSession, &QPushButton::clicked, this, [this] {
        decide(ApprovalChoice::AllowForSession);
    });
    connect(m_allowAlways, &QPushButton::clicked, this, [this] {
        decide(ApprovalChoice::AllowAlways);
    });
    connect(m_deny, &QPushButton::clicked, this, [this] {
        decide(ApprovalChoice::Deny);
    });
    return buttons;
}

int ApprovalDialog::remainingSeconds() const
{
    return static_cast<int>((m_deadline.remainingTime() + 999) / 1000);
}

void ApprovalDialog::updateCountdown()
{
    m_countdown->setText(tr("Denied automatically in %1 s.").arg(remainingSeconds()));
}

/*!
  Records the choice, emits decided() (exactly once for the dialog's life: later calls, the
  timer, Esc and closing are ignored) and closes the dialog (accepted for allow, rejected for
  deny and timeout).
*/
void ApprovalDialog::decide(ApprovalChoice choice)
{
    if (m_choice || m_dismissed) {
        return;
    }
    m_choice = choice;
    m_timeout->stop();
    m_tick->stop();
    Q_EMIT decided(choice);
    const bool allowed = choice == ApprovalChoice::AllowOnce || choice == ApprovalChoice::AllowForSession
        || choice == ApprovalChoice::AllowAlways;
    QDialog::done(allowed ? QDialog::Accepted : QDialog::Rejected);
}

void ApprovalDialog::dismiss()
{
    if (m_choice || m_dismissed) {
        return;
    }
    m_dismissed = true;
    m_timeout->stop();
    m_tick->stop();
    QDialog::done(QDialog::Rejected);
}

void ApprovalDialog::reject()
{
    decide(ApprovalChoice::Deny);
}

void ApprovalDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_deny->setFocus();
    raise();
    activateWindow();
}

void ApprovalDialog::closeEvent(QCloseEvent *event)
{
    decide(ApprovalChoice::Deny);
    event->accept();
}

} // namespace ui
