// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace mcp {

/// A protocol extension the server offers (`capabilities.extensions`, SEP-1724), e.g. MCP Apps
/// (`io.modelcontextprotocol/ui`). It is honoured only for clients that declare it: their
/// `initialize` capabilities (or, in the modern era, each request's envelope) carry an object
/// under `extensions["<id>"]` that `accepts` approves. Registered with Server::addExtension.
struct Extension
{
    QString id;
    /// The server's settings, sent under `capabilities.extensions["<id>"]` of the `initialize`
    /// result to clients that declared the extension (never to others).
    QJsonObject settings;
    /// Whether the client's settings for the extension are usable (e.g. it lists a MIME type the
    /// server serves); empty = any object.
    std::function<bool(const QJsonObject &clientSettings)> accepts;

    /// True when \a clientCapabilities declare this extension and accepts() approves its settings.
    bool declaredBy(const QJsonObject &clientCapabilities) const;
};

} // namespace mcp
