// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

class SnippetView;

/// The loopback HTTP endpoint: its URL, the bearer token (masked until revealed) and a snippet
/// in which the token is masked the same way; or a note that the endpoint is off.
class HttpEndpointView : public QWidget
{
    Q_OBJECT
public:
    explicit HttpEndpointView(QWidget *parent = nullptr);

    /// An invalid `url` means the endpoint is off. `snippet` may contain `token`; it is shown
    /// masked until revealed and copied in clear. An empty snippet shows the URL and header.
    void setEndpoint(const QUrl &url, const QString &token, const QString &snippet);
    bool isRevealed() const;

private:
    void refresh();

    QLabel *m_off;
    QWidget *m_on;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QPushButton *m_reveal;
    QPushButton *m_copyToken;
    SnippetView *m_snippet;
    QString m_tokenText;
    QString m_snippetText;
};

} // namespace ui
