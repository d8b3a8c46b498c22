// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/validatedfield.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {
namespace {

// "the client ID is empty" → "The client ID is empty."
QString sentence(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty()) {
        return s;
    }
    s[0] = s.at(0).toUpper();
    if (!s.endsWith(u'.') && !s.endsWith(u'?') && !s.endsWith(u'!')) {
        s += u'.';
    }
    return s;
}

} // namespace

ValidatedField::ValidatedField(Validator validator, Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_validator(std::move(validator))
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_secret(mode == Mode::Secret)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    if (m_secret) {
        m_edit->setEchoMode(QLineEdit::Password);
        m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
        m_show = new QToolButton(this);
        m_show->setObjectName(u"show"_s);
        m_show->setText(tr("Show"));
        m_show->setCheckable(true);
        m_show->setToolTip(tr("Show or hide the value"));
        connect(m_show, &QToolButton::toggled, this, [this](bool on) {
            m_edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
            m_show->setText(on ? tr("Hide") : tr("Show"));
        });
        row->addWidget(m_show);
    }
    column->addLayout(row);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);
    QFont small = m_message->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_message->setFont(small);
    column->addWidget(m_message);
    connect(m_edit, &QLineEdit::textEdited, this, &ValidatedField::onEdited);
}

void ValidatedField::onEdited(const QString &text)
{
    // Paste-friendly: whitespace from a copied line (or a wrapped one) is dropped at once.
    if (m_cleaner) {
        bool hasSpace = false;
        for (const QChar c : text) {
            hasSpace = hasSpace || c.isSpace() || c == u'"' || c == u'\'';
        }
        if (hasSpace) {
            m_edit->setText(m_cleaner(text));
        }
    }
    revalidate();
    Q_EMIT edited();
}

void ValidatedField::setText(const QString &text)
{
    if (isOverridden()) {
        m_storedText = text;
        return;
    }
    m_edit->setText(text);
    revalidate();
}

QString ValidatedField::text() const
{
    const QString raw = isOverridden() ? m_storedText : m_edit->text();
    return m_cleaner ? m_cleaner(raw) : raw.trimmed();
}

QString ValidatedField::value() const
{
    const QString t = text();
    if (t.isEmpty()) {
        return t;
    }
    const auto checked = m_validator(t);
    return checked ? checked.value() : t;
}

void ValidatedField::setRequired(bool required)
{
    if (m_required != required) {
        m_required = required;
        revalidate();
    }
}

QString ValidatedField::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void ValidatedField::setOverride(const QString &variable, const QString &shown)
{
    if (!isOverridden()) {
        m_storedText = m_edit->text();
    }
    m_overrideVariable = variable;
    m_edit->setText(shown);
    if (m_secret && shown.isEmpty()) {
        m_edit->setPlaceholderText(tr("(from %1)").arg(variable));
    }
    revalidate();
}

void ValidatedField::clearOverride()
{
    if (!isOverridden()) {
        return;
    }
    m_overrideVariable.clear();
    m_edit->setPlaceholderText({});
    m_edit->setText(m_storedText);
    m_storedText.clear();
    revalidate();
}

void ValidatedField::setLocked(const QString &reason)
{
    m_lockReason = reason;
    revalidate();
}

void ValidatedField::revalidate()
{
    const bool wasValid = m_valid;
    QString words;
    if (isOverridden()) {
        m_valid = true;
        words = tr("Set by %1 for this run.").arg(m_overrideVariable);
    } else if (isLocked()) {
        m_valid = true;
        words = m_lockReason;
    } else if (text().isEmpty() && !m_required) {
        m_valid = true;
    } else {
        const auto checked = m_validator(text());
        m_valid = checked.ok();
        if (!checked) {
            words = sentence(checked.error().message);
            if (!checked.error().hint.isEmpty()) {
                words += u' ' + sentence(checked.error().hint);
            }
        }
    }
    m_message->setText(words);
    m_message->setVisible(!words.isEmpty());
    // Errors in the palette's link-visited red would be unreadable in dark themes: use the
    // standard error colour only for invalid input; notes stay in the normal text colour.
    m_message->setForegroundRole(m_valid ? QPalette::WindowText : QPalette::BrightText);
    QPalette p = m_message->palette();
    p.setColor(QPalette::BrightText, QColor(0xc0, 0x1c, 0x28));
    m_message->setPalette(p);
    updateState();
    if (wasValid != m_valid) {
        Q_EMIT validityChanged(m_valid);
    }
}

void ValidatedField::updateState()
{
    const bool readOnly = isOverridden() || isLocked();
    m_edit->setReadOnly(readOnly);
    m_edit->setEnabled(!readOnly || isOverridden());
    if (m_show) {
        m_show->setEnabled(!readOnly);
        if (readOnly) {
            m_show->setChecked(false);
        }
    }
}

} // namespace ui
