// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QVariant>

#include <memory>

class QWebEngineView;

// A minimal MCP Apps host (SEP-1865) in real QtWebEngine, for tests and screenshots: the view's
// HTML in a sandboxed iframe (srcdoc) of a host page whose script speaks the postMessage JSON-RPC
// bridge: it answers ui/initialize, sends ui/notifications/tool-input and tool-result once the
// view says initialized, and answers a tools/call from the view with `callResult` (recorded).
// Every network request of the page is recorded (a request interceptor).
class ViewHost
{
public:
    ViewHost();
    ~ViewHost();

    // Loads the host page and starts the view; false with a reason in *why.
    bool start(const QString &html,
               const QJsonObject &toolArguments,
               const QJsonObject &toolResult,
               const QJsonObject &callResult,
               QString *why);
    // Runs `script` in the host page and waits for its value.
    QVariant eval(const QString &script, int timeoutMs = 5000);
    // textContent of the view's element `id` ("" when absent).
    QString viewText(const QString &id);
    // Waits until the view's element `id` has text; false on timeout.
    bool waitForText(const QString &id, int timeoutMs = 10000);
    QJsonArray toolCalls(); // params of every tools/call the view sent
    QStringList networkRequests() const; // every URL requested (data: and about: excluded)
    QWebEngineView *widget();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
