// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/welcome/welcomedialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

WelcomeDialog::WelcomeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"welcomeDialog"_s);
    setWindowTitle(tr("Welcome to DIMO Tray"));
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(tr("Welcome to DIMO Tray"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);

    auto *intro = new QLabel(this);
    intro->setObjectName(u"explanation"_s);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(
        tr("DIMO Tray lets your AI assistant read and control the vehicles you connected to DIMO.\n\n"
           "To talk to DIMO, an app needs a DIMO developer license: a client ID, the redirect URI that Login with "
           "DIMO returns to, and an API key that signs the app's requests. Vehicle owners share their vehicles "
           "with a license, so your own license means your data is shared with you only, not with a third party. "
           "The API key stays in your system keychain on this computer."));
    layout->addWidget(intro);

    auto *create = new QCommandLinkButton(tr("Create a license…"), this);
    create->setObjectName(u"createLicense"_s);
    create->setDescription(tr("Sign in with DIMO and create a new developer license from here. DIMO charges a fee "
                              "for a new license; you see it and confirm it in Login with DIMO before anything is "
                              "paid. The API key is generated on this computer and never leaves it."));
    connect(create, &QCommandLinkButton::clicked, this, [this] {
        choose(Choice::CreateLicense);
    });
    layout->addWidget(create);

    auto *enter = new QCommandLinkButton(tr("Enter an existing license…"), this);
    enter->setObjectName(u"enterLicense"_s);
    enter->setDescription(tr("You already have a license from the DIMO developer console (console.dimo.org): enter "
                             "its client ID, redirect URI and API key."));
    connect(enter, &QCommandLinkButton::clicked, this, [this] {
        choose(Choice::EnterLicense);
    });
    layout->addWidget(enter);

    auto *demo = new QCommandLinkButton(tr("Try demo mode"), this);
    demo->setObjectName(u"demoMode"_s);
    demo->setDescription(tr("Explore DIMO Tray with simulated vehicles and a test license. Nothing real is read "
                            "or controlled; you can set up a license later in Settings."));
    connect(demo, &QCommandLinkButton::clicked, this, [this] {
        choose(Choice::DemoMode);
    });
    layout->addWidget(demo);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *later = buttons->addButton(tr("Later"), QDialogButtonBox::RejectRole);
    later->setObjectName(u"later"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    Q_EMIT chosen(choice);
    accept();
}

} // namespace ui
