// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/timeout.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSignalSpy>
#include <QUrl>

// The client side of the Streamable HTTP suites (tst_mcphttp, tst_mcphttpsecurity), header-only:
// the MCP request headers, waiting for a reply, and what a reply is made of.
namespace httpharness {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray sessionId;
    QHash<QByteArray, QByteArray> headers; ///< names lower-cased

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline const QByteArray InitializeBody = QByteArrayLiteral(
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
    "\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"tst\",\"version\":\"1\"}}}");

inline QByteArray rpc(int id, const char *method, const QByteArray &params = QByteArrayLiteral("{}"))
{
    return QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":") + QByteArray::number(id)
        + QByteArrayLiteral(",\"method\":\"") + method + QByteArrayLiteral("\",\"params\":") + params + '}';
}

/// A request to the endpoint \a url with the headers every MCP POST carries, the session id when
/// there is one, then \a headers.
inline QNetworkRequest request(const QUrl &url, const QByteArray &sessionId, const Headers &headers = {})
{
    QNetworkRequest r(url);
    r.setRawHeader("Content-Type", "application/json");
    r.setRawHeader("Accept", "application/json, text/event-stream");
    if (!sessionId.isEmpty()) {
        r.setRawHeader("Mcp-Session-Id", sessionId);
    }
    for (const auto &[name, value] : headers) {
        r.setRawHeader(name, value);
    }
    return r;
}

/// Waits (10 s, scaled) for \a reply, takes it apart and deletes it; \a streamed also gets the body.
inline Reply finish(QNetworkReply *reply, QByteArray *streamed = nullptr)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        spy.wait(testsupport::scaled(10000));
    }
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    if (streamed) {
        *streamed += r.body;
    }
    r.contentType = reply->rawHeader("Content-Type");
    r.sessionId = reply->rawHeader("Mcp-Session-Id");
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        r.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return r;
}

/// POSTs \a body to \a url and waits for the answer.
inline Reply post(QNetworkAccessManager &nam,
                  const QUrl &url,
                  const QByteArray &body,
                  const QByteArray &sessionId = {},
                  const Headers &headers = {})
{
    return finish(nam.post(request(url, sessionId, headers), body));
}

} // namespace httpharness
