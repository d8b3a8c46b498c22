// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGroupBox>
#include <QList>
#include <QString>

class QLabel;
class QListWidget;
class QPushButton;

namespace ui {

// One remembered "always" approval, as the Settings dialog lists it.
struct ApprovalGrantRow
{
    quint64 id = 0;
    QString text; // "Unlock the doors on Model 3 (vehicle 7) — Claude's session only, until …"

    bool operator==(const ApprovalGrantRow &other) const = default;
};

// Settings' "Command approval now": the policy in force and where it comes from (the stored
// setting, tightened by an environment variable), and the approvals remembered from the approval
// dialog, each revocable (Revoke, Revoke all). The app fills it and acts on its signals.
class ApprovalGrantsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit ApprovalGrantsPanel(QWidget *parent = nullptr);

    void setEffectivePolicy(const QString &words); // "ask (settings)"
    void setGrants(const QList<ApprovalGrantRow> &rows);

    QLabel *policyLabel() const { return m_policy; }

    QListWidget *list() const { return m_list; }

    QPushButton *revokeButton() const { return m_revoke; }

    QPushButton *revokeAllButton() const { return m_revokeAll; }

Q_SIGNALS:
    void revokeRequested(quint64 grantId);
    void revokeAllRequested();

private:
    void updateButtons();

    QLabel *m_policy;
    QLabel *m_empty;
    QListWidget *m_list;
    QPushButton *m_revoke;
    QPushButton *m_revokeAll;
};

} // namespace ui
