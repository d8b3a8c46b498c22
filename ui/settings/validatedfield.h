// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QToolButton;

namespace ui {

// A line edit validated as the user types, with the validator's words under it (message and
// hint, e.g. "The client ID must be 0x followed by 40 hexadecimal characters; you gave 12.").
// An empty field is valid unless setRequired(true). A secret field is masked and has a "Show"
// toggle. An override (environment variable) or a lock makes it read-only with a note instead.
class ValidatedField : public QWidget
{
    Q_OBJECT
public:
    using Validator = std::function<dimo::Result<QString>(const QString &)>;
    enum class Mode { Plain, Secret };

    explicit ValidatedField(Validator validator, Mode mode = Mode::Plain, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }

    // Applied to the text before validation (and to pasted text: see cleanSpaces()).
    void setCleaner(std::function<QString(const QString &)> cleaner) { m_cleaner = std::move(cleaner); }

    void setText(const QString &text);
    QString text() const; // cleaned, trimmed
    // The validator's normalised value when valid, else text(); empty when empty.
    QString value() const;

    void setRequired(bool required);

    bool isEmpty() const { return text().isEmpty(); }

    // Valid, or empty and not required, or read-only by override.
    bool isValid() const { return m_valid; }

    QString message() const; // the words shown under the field (empty when valid)

    // Read-only with "set by VARIABLE for this run"; shows `shown` (nothing for a secret).
    void setOverride(const QString &variable, const QString &shown);
    void clearOverride();

    bool isOverridden() const { return !m_overrideVariable.isEmpty(); }

    // Read-only with `reason` under the field (e.g. the keychain is unavailable); empty: editable.
    void setLocked(const QString &reason);

    bool isLocked() const { return !m_lockReason.isEmpty(); }

Q_SIGNALS:
    void edited(); // the user changed the text
    void validityChanged(bool valid);

private:
    void onEdited(const QString &text);
    void revalidate();
    void updateState();

    Validator m_validator;
    std::function<QString(const QString &)> m_cleaner;
    QLineEdit *m_edit;
    QToolButton *m_show = nullptr;
    QLabel *m_message;
    QString m_storedText; // the user's own value behind an override
    QString m_overrideVariable;
    QString m_lockReason;
    bool m_required = false;
    bool m_valid = true;
    bool m_secret;
};

} // namespace ui
