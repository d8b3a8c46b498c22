// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ui {

/// A read-only monospace text with a caption and a Copy button. The shown text may differ from
/// the copied one (a masked token).
class SnippetView : public QWidget
{
    Q_OBJECT
public:
    explicit SnippetView(QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    /// `shown` is displayed; `copied` goes to the clipboard (same as `shown` when empty).
    void setText(const QString &shown, const QString &copied = {});

    QString shownText() const;

    QString copiedText() const { return m_copied; }

    QPushButton *copyButton() const { return m_copy; }

private:
    QLabel *m_caption;
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
    QString m_copied;
};

} // namespace ui
