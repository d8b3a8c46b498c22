// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

/// Builders for compact tool input/output schemas (every tool schema costs model context).
/// Example: schema::object({{u"vin"_s, schema::string(u"Vehicle VIN"_s)}}, {u"vin"_s})
namespace mcp::schema {

using Properties = QList<QPair<QString, QJsonObject>>;

/// An object schema; `additionalProperties: false` unless \a allowAdditional.
QJsonObject object(const Properties &properties, const QStringList &required = {}, bool allowAdditional = false);
/// \a maxLength in characters; strings without one are still bounded by the server's argument
/// cap (Server::maxArgumentLength), so declare it where a value has a natural bound worth telling.
QJsonObject
string(const QString &description, const QString &pattern = {}, std::optional<int> maxLength = std::nullopt);
QJsonObject integer(const QString &description,
                    std::optional<qint64> minimum = std::nullopt,
                    std::optional<qint64> maximum = std::nullopt);
QJsonObject number(const QString &description,
                   std::optional<double> minimum = std::nullopt,
                   std::optional<double> maximum = std::nullopt);
QJsonObject boolean(const QString &description);
QJsonObject enumeration(const QString &description, const QStringList &values);
QJsonObject array(const QString &description, const QJsonObject &items, std::optional<int> maxItems = std::nullopt);

} // namespace mcp::schema
