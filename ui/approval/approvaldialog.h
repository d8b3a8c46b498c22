// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDeadlineTimer>
#include <QDialog>
#include <QString>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace ui {

/// What an AI client asks to do; shown as given (nothing secret belongs in it).
struct ApprovalPrompt
{
    QString clientName; // "Claude Desktop" (from the MCP clientInfo)
    QString tool; // "vehicle_doors_lock"
    QString commandTitle; // "Lock the doors"
    qint64 tokenId = 0;
    QString vehicleName; // "2023 Tesla Model 3 (Amber Falcon)"
    int grantHours = 8; // how long an "always" answer lasts (shown on its buttons)
};

/// The user's answer; TimedOut counts as a denial. AllowForSession: this command on this vehicle
/// for the asking AI client's session; AllowAlways: for any AI client (both for grantHours).
enum class ApprovalChoice { AllowOnce, AllowForSession, AllowAlways, Deny, TimedOut };

/// Asks the user whether an AI client may run a vehicle command. Deny is the default button (Enter
/// and Esc deny), closing the window denies, and the dialog denies by itself after `timeoutMs`
/// (a countdown shows how long is left). It stays on top and raises itself when shown, since it
/// pops up from the tray. Non-modal; not deleted on close (set Qt::WA_DeleteOnClose if wanted).
class ApprovalDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ApprovalDialog(const ApprovalPrompt &prompt, int timeoutMs = 60000, QWidget *parent = nullptr);

    const ApprovalPrompt &prompt() const { return m_prompt; }

    std::optional<ApprovalChoice> choice() const { return m_choice; } // empty until decided

    int remainingSeconds() const;

    /// Decides programmatically, as if the user had; ignored once decided.
    void decide(ui::ApprovalChoice choice);
    /// The tool call was cancelled: closes the dialog WITHOUT emitting decided() (the approval
    /// interface never answers a cancelled call). Ignored once decided.
    void dismiss();

    // For tests and the screenshots script.
    QPushButton *allowOnceButton() const { return m_allowOnce; }

    QPushButton *allowSessionButton() const { return m_allowSession; }

    QPushButton *allowAlwaysButton() const { return m_allowAlways; }

    QPushButton *denyButton() const { return m_deny; }

    QLabel *countdownLabel() const { return m_countdown; }

    QLabel *messageLabel() const { return m_message; }

Q_SIGNALS:
    /// Emitted exactly once, when the user answers, the window closes or the time runs out
    /// (never after dismiss()).
    void decided(ui::ApprovalChoice choice);

public Q_SLOTS:
    void reject() override; // Esc, closing: Deny

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QHBoxLayout *buildButtons(int grantHours);
    void updateCountdown();

    ApprovalPrompt m_prompt;
    QDeadlineTimer m_deadline;
    QTimer *m_timeout;
    QTimer *m_tick;
    QLabel *m_message;
    QLabel *m_countdown;
    QPushButton *m_allowOnce;
    QPushButton *m_allowSession;
    QPushButton *m_allowAlways;
    QPushButton *m_deny;
    std::optional<ApprovalChoice> m_choice;
    bool m_dismissed = false;
};

} // namespace ui
