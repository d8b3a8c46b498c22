// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/approvalgrantspanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

ApprovalGrantsPanel::ApprovalGrantsPanel(QWidget *parent)
    : QGroupBox(tr("Command approval now"), parent)
    , m_policy(new QLabel(this))
    , m_empty(new QLabel(tr("No remembered approvals: every command the policy covers asks."), this))
    , m_list(new QListWidget(this))
    , m_revoke(new QPushButton(tr("Revoke"), this))
    , m_revokeAll(new QPushButton(tr("Revoke all"), this))
{
    setObjectName(u"approvalGrants"_s);
    m_policy->setObjectName(u"effectiveApprovalPolicy"_s);
    m_policy->setWordWrap(true);
    m_policy->setTextFormat(Qt::PlainText);
    m_empty->setObjectName(u"noApprovalGrants"_s);
    m_empty->setWordWrap(true);
    m_list->setObjectName(u"approvalGrantList"_s);
    m_list->setMaximumHeight(90);
    m_list->setToolTip(tr("Approvals given with \"Allow for this session\" or \"Allow for any AI client\" in the "
                          "approval dialog. They end after 8 hours, at sign-out, and when the policy gets stricter."));
    m_revoke->setObjectName(u"revokeApprovalGrant"_s);
    m_revokeAll->setObjectName(u"revokeAllApprovalGrants"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_revokeAll);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_policy);
    layout->addWidget(m_empty);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &ApprovalGrantsPanel::updateButtons);
    connect(m_revoke, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem()) {
            Q_EMIT revokeRequested(item->data(Qt::UserRole).toULongLong());
        }
    });
    connect(m_revokeAll, &QPushButton::clicked, this, &ApprovalGrantsPanel::revokeAllRequested);
    setEffectivePolicy(QString());
    setGrants({});
}

void ApprovalGrantsPanel::setEffectivePolicy(const QString &words)
{
    m_policy->setText(tr("In force: %1").arg(words.isEmpty() ? tr("unknown") : words));
}

void ApprovalGrantsPanel::setGrants(const QList<ApprovalGrantRow> &rows)
{
    m_list->clear();
    for (const ApprovalGrantRow &row : rows) {
        auto *item = new QListWidgetItem(row.text, m_list);
        item->setData(Qt::UserRole, row.id);
    }
    m_empty->setVisible(rows.isEmpty());
    m_list->setVisible(!rows.isEmpty());
    updateButtons();
}

void ApprovalGrantsPanel::updateButtons()
{
    m_revoke->setEnabled(m_list->currentItem() != nullptr);
    m_revokeAll->setEnabled(m_list->count() > 0);
}

} // namespace ui
